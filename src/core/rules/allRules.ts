// The lint rules in code order; the analyzer runs each of them over every document.
import type { RuleDef } from '../types';
import { apiWithoutErrors } from './apiWithoutErrors';
import { architectureWithoutDiagram } from './architectureWithoutDiagram';
import { collectionEndpointWithoutPagination } from './collectionEndpointWithoutPagination';
import { duplicatePhase } from './duplicatePhase';
import { emptyPhase } from './emptyPhase';
import { estimationWithoutNumbers } from './estimationWithoutNumbers';
import { foreignKeyWithoutIndex } from './foreignKeyWithoutIndex';
import { missingPhase } from './missingPhase';
import { monitoringWithoutLatencyOrErrors } from './monitoringWithoutLatencyOrErrors';
import { nonFunctionalWithoutNumbers } from './nonFunctionalWithoutNumbers';
import { requirementsWithoutQuestions } from './requirementsWithoutQuestions';
import { tableWithoutPrimaryKey } from './tableWithoutPrimaryKey';
import { tradeOffsNoProsCons } from './tradeOffsNoProsCons';
import { tradeOffsSingleOption } from './tradeOffsSingleOption';

export const ALL_RULES: RuleDef[] = [
  missingPhase,
  emptyPhase,
  tradeOffsSingleOption,
  tradeOffsNoProsCons,
  architectureWithoutDiagram,
  tableWithoutPrimaryKey,
  foreignKeyWithoutIndex,
  collectionEndpointWithoutPagination,
  nonFunctionalWithoutNumbers,
  monitoringWithoutLatencyOrErrors,
  duplicatePhase,
  estimationWithoutNumbers,
  apiWithoutErrors,
  requirementsWithoutQuestions,
];
