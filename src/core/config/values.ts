// Validation of raw configuration values (VS Code settings and the config file read them alike).
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
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('must be an object such as { "SD001": "off" }; it is ignored.');
    return {};
  }
  const rules: Record<string, RuleSetting> = {};
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    if (typeof setting === 'string' && (RULE_SETTINGS as readonly string[]).includes(setting.toLowerCase())) {
      rules[key.trim()] = setting.toLowerCase() as RuleSetting;
    } else {
      report(`has "${key}": ${JSON.stringify(setting)}; use one of ${RULE_SETTINGS.join(', ')}. That entry is ignored.`);
    }
  }
  return rules;
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
