// Public surface of the lint rules: the rule list, lookups, and helpers the editor reuses.
export { ALL_RULES } from './allRules';
export { findRule, ruleByCode, ruleBySlug } from './catalog';
export { missingSectionEdit } from './util/insertSection';
export { phaseBlocks, phaseLines, phaseRanges, sectionsOfKind } from './util/sections';
