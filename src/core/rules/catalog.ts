// Looks rules up by code (SD001) or slug (missing-phase) for settings, suppressions and the CLI.
import type { RuleDef } from '../types';
import { ALL_RULES } from './allRules';

const byCode = new Map(ALL_RULES.map((rule) => [rule.code.toUpperCase(), rule]));
const bySlug = new Map(ALL_RULES.map((rule) => [rule.slug, rule]));

export function ruleByCode(code: string): RuleDef | undefined {
  return byCode.get(code.trim().toUpperCase());
}

export function ruleBySlug(slug: string): RuleDef | undefined {
  return bySlug.get(slug.trim().toLowerCase());
}

/** Accepts either spelling, as settings and suppression comments do. */
export function findRule(codeOrSlug: string): RuleDef | undefined {
  return ruleByCode(codeOrSlug) ?? ruleBySlug(codeOrSlug);
}
