// The lint rules in code order; the analyzer runs each of them over every document.
import type { RuleDef } from '../types';
import { duplicatePhase } from './duplicatePhase';
import { emptyPhase } from './emptyPhase';
import { foreignKeyWithoutIndex } from './foreignKeyWithoutIndex';
import { missingPhase } from './missingPhase';
import { tableWithoutPrimaryKey } from './tableWithoutPrimaryKey';

export const ALL_RULES: RuleDef[] = [missingPhase, emptyPhase, tableWithoutPrimaryKey, foreignKeyWithoutIndex, duplicatePhase];
