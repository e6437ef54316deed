// Validation of raw configuration values (VS Code settings and the config file read them alike).
import { ruleOptionsEntry, type RuleOptionValues } from '../rules/ruleOptions';
import type { RuleSetting } from '../types';

export type Report = (problem: string) => void;

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export function readStringArray(value: unknown, fallback: string[], report: Report): string[] {
  if (value === undefined || value === null) return fallback;
  if (!Array.isArray(value)) {
    report('must be a list of glob patterns; using the default.');
    return fallback;
  }
  const strings = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  if (strings.length !== value.length) report('contains entries that are not non-empty strings; they are ignored.');
  return strings.map((item) => item.trim());
}

export function readTrimmedString(value: unknown, fallback: string, report: Report): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    report(`must be a non-empty string; using "${fallback}".`);
    return fallback;
  }
  return value.trim();
}

/** A folder inside the workspace folder: relative, no `..`, forward slashes, no trailing slash. */
export function readRelativeFolder(value: unknown, fallback: string, report: Report): string {
  const text = readTrimmedString(value, fallback, report);
  const cleaned = text.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  const escapes = cleaned.split('/').includes('..');
  if (cleaned === '' || cleaned.startsWith('/') || /^[a-zA-Z]:/.test(cleaned) || escapes) {
    report(`must be a folder relative to the workspace folder, without "..", like "${fallback}"; using the default.`);
    return fallback;
  }
  return cleaned;
}

/** Keeps the valid `code or slug → severity` entries; reports each bad one. */
export function readRuleSettings(value: unknown, report: Report): Record<string, RuleSetting> {
  return readRules(value, report).severities;
}

/**
 * Each entry is a severity (`"SD001": "off"`) or an object with an optional severity and the rule's
 * options (`"SD009": { "severity": "info", "targets": ["latency"] }`). Bad parts are reported and left out.
 */
export function readRules(value: unknown, report: Report): { severities: Record<string, RuleSetting>; options: RuleOptionValues } {
  const severities: Record<string, RuleSetting> = {};
  const options: RuleOptionValues = {};
  if (value === undefined || value === null) return { severities, options };
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('must be an object such as { "SD001": "off" }; it is ignored.');
    return { severities, options };
  }
  const isSeverity = (v: unknown): v is string => typeof v === 'string' && (RULE_SETTINGS as readonly string[]).includes(v.toLowerCase());
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    if (isSeverity(setting)) {
      severities[key.trim()] = setting.toLowerCase() as RuleSetting;
      continue;
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      report(`has "${key}": ${JSON.stringify(setting)}; use one of ${RULE_SETTINGS.join(', ')}, or an object with "severity" and the rule's options. That entry is ignored.`);
      continue;
    }
    const known = ruleOptionsEntry(key);
    for (const [name, option] of Object.entries(setting as Record<string, unknown>)) {
      if (name === 'severity') {
        if (isSeverity(option)) severities[key.trim()] = option.toLowerCase() as RuleSetting;
        else report(`has "${key}.severity": ${JSON.stringify(option)}; use one of ${RULE_SETTINGS.join(', ')}. It is ignored.`);
        continue;
      }
      const spec = known?.entry.options[name];
      if (!known || !spec) {
        const names = known ? Object.keys(known.entry.options).map((n) => `"${n}"`).join(', ') : '';
        report(`has "${key}.${name}", which ${known ? `is not an option of ${known.code} (options: ${names})` : `${key} takes no options`}. It is ignored.`);
        continue;
      }
      const list = Array.isArray(option) ? option : undefined;
      const bad = list ? list.filter((v) => typeof v !== 'string' || !spec.values.includes(v)) : [];
      if (!list || bad.length > 0) {
        report(`has "${key}.${name}": ${JSON.stringify(option)}; use a list of ${spec.values.join(', ')}. It is ignored.`);
        continue;
      }
      (options[known.code] ??= {})[name] = [...new Set(list as string[])];
    }
  }
  return { severities, options };
}

/** A finite number no smaller than `minimum`; anything else falls back with one report. */
export function readNumberAtLeast(value: unknown, fallback: number, minimum: number, report: Report): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
    report(`must be a number of at least ${minimum}; using ${fallback}.`);
    return fallback;
  }
  return value;
}
