// The frameworks shipped with the extension, as data (validated against the schema by the unit tests).
import type { FrameworkDef } from '../types';
import adr from './builtin/adr.json';
import defaultFramework from './builtin/default.json';
import designDoc from './builtin/design-doc.json';
import eightStep from './builtin/eight-step.json';
import fiveStep from './builtin/five-step.json';
import focusedSteps from './builtin/focused-steps.json';
import keySteps from './builtin/key-steps.json';
import sevenStep from './builtin/seven-step.json';

/** `default` first: it is the fallback and wins detection ties. Each genre's first framework is its own fallback. */
export const BUILT_IN_FRAMEWORKS: readonly FrameworkDef[] = [
  defaultFramework,
  focusedSteps,
  fiveStep,
  eightStep,
  sevenStep,
  keySteps,
  designDoc,
  adr,
] as FrameworkDef[];

export const DEFAULT_FRAMEWORK_ID = 'default';
