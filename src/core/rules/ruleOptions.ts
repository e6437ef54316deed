// The options a rule takes, as data: what each means, which values it allows and its default. The config
// file and settings are validated against this table (it is small, so the editor's host carries it), the
// rules read their values through ruleOption(), and the schema and the rule pages describe the same entries.
import { PHASE_KINDS } from '../types';

export interface RuleOptionSpec {
  description: string;
  /** A list of values, each one of these. */
  values: readonly string[];
  default: readonly string[];
}

export interface RuleOptionsEntry {
  slug: string;
  options: Record<string, RuleOptionSpec>;
}

export const NFR_TARGETS = ['scale', 'latency', 'availability'] as const;
export const MONITORING_SIGNALS = ['latency', 'errors'] as const;

export const RULE_OPTIONS: Readonly<Record<string, RuleOptionsEntry>> = {
  SD001: {
    slug: 'missing-phase',
    options: {
      require: {
        description: 'Kinds of part the project requires beyond what the framework requires (for example ["monitoring", "security"]). A kind the framework has no phase for cannot be checked.',
        values: PHASE_KINDS,
        default: [],
      },
    },
  },
  SD009: {
    slug: 'non-functional-without-numbers',
    options: {
      targets: {
        description: 'Which targets the non-functional requirements must put a number on.',
        values: NFR_TARGETS,
        default: NFR_TARGETS,
      },
    },
  },
  SD010: {
    slug: 'monitoring-without-latency-or-errors',
    options: {
      signals: {
        description: 'Which signals monitoring must name: latency percentiles, an error rate, or both.',
        values: MONITORING_SIGNALS,
        default: MONITORING_SIGNALS,
      },
    },
  },
};

/** Options as resolved from the configuration, by rule code. */
export type RuleOptionValues = Record<string, Record<string, readonly string[]>>;

/** The entry for a code or slug. */
export function ruleOptionsEntry(codeOrSlug: string): { code: string; entry: RuleOptionsEntry } | undefined {
  const key = codeOrSlug.trim();
  const upper = key.toUpperCase();
  if (RULE_OPTIONS[upper]) return { code: upper, entry: RULE_OPTIONS[upper] };
  for (const [code, entry] of Object.entries(RULE_OPTIONS)) if (entry.slug === key.toLowerCase()) return { code, entry };
  return undefined;
}

/** A rule's option value: the configured one, else the default. */
export function ruleOption(values: RuleOptionValues | undefined, code: string, name: string): readonly string[] {
  return values?.[code]?.[name] ?? RULE_OPTIONS[code]?.options[name]?.default ?? [];
}
