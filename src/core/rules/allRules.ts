// The lint rules in code order; the analyzer runs each of them over every document.
import type { RuleDef } from '../types';
import { duplicatePhase } from './duplicatePhase';
import { emptyPhase } from './emptyPhase';
import { missingPhase } from './missingPhase';

export const ALL_RULES: RuleDef[] = [missingPhase, emptyPhase, duplicatePhase];
