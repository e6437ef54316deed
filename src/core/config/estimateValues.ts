// Validation of the estimate conventions (`systemDesign.estimates.*` settings and the config file's "estimates").
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../types';

export interface EstimateEditorSettings {
  /** Estimate checking at all (lenses, hovers, SE findings, capacity summary). */
  enabled: boolean;
  codeLens: boolean;
  /** What analyze() gets as `options.estimate`. */
  settings: EstimateSettings;
}

export const DEFAULT_ESTIMATE_EDITOR_SETTINGS: EstimateEditorSettings = {
  enabled: true,
  codeLens: true,
  settings: DEFAULT_ESTIMATE_SETTINGS,
};

type NumberKey = keyof EstimateSettings;

/** Allowed range per number, and how to say it in a warning. */
const LIMITS: Record<NumberKey, { ok: (v: number) => boolean; rule: string }> = {
  peakFactor: { ok: (v) => v >= 1 && v <= 100, rule: 'a number from 1 to 100' },
  rpsPerServer: { ok: (v) => v > 0 && v <= 1e9, rule: 'a positive number' },
  daysPerMonth: { ok: (v) => v >= 28 && v <= 31, rule: 'a number from 28 to 31' },
  daysPerYear: { ok: (v) => v >= 360 && v <= 366, rule: 'a number from 360 to 366' },
  approxTolerance: { ok: (v) => v > 0 && v < 1, rule: 'a fraction between 0 and 1, e.g. 0.15' },
  exactTolerance: { ok: (v) => v >= 0 && v < 1, rule: 'a fraction from 0 up to 1, e.g. 0.01' },
  errorFactor: { ok: (v) => v > 1 && v <= 1000, rule: 'a number above 1, e.g. 2' },
};

export const ESTIMATE_NUMBER_KEYS = Object.keys(LIMITS) as NumberKey[];

/**
 * Reads `estimates.<key>` values through `get`; `report(key)` says what is wrong with one setting.
 * Invalid values fall back to the default, so a typo never stops the checks.
 */
export function readEstimateSettings(get: (key: string) => unknown, report: (key: string, problem: string) => void): EstimateEditorSettings {
  const bool = (key: 'enabled' | 'codeLens'): boolean => {
    const value = get(key);
    if (value === undefined || value === null) return DEFAULT_ESTIMATE_EDITOR_SETTINGS[key];
    if (typeof value !== 'boolean') {
      report(key, `must be true or false; using ${DEFAULT_ESTIMATE_EDITOR_SETTINGS[key]}.`);
      return DEFAULT_ESTIMATE_EDITOR_SETTINGS[key];
    }
    return value;
  };
  const settings = { ...DEFAULT_ESTIMATE_SETTINGS };
  for (const key of ESTIMATE_NUMBER_KEYS) {
    const value = get(key);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || !LIMITS[key].ok(value)) {
      report(key, `must be ${LIMITS[key].rule}, not ${JSON.stringify(value)}; using ${DEFAULT_ESTIMATE_SETTINGS[key]}.`);
      continue;
    }
    settings[key] = value;
  }
  if (settings.exactTolerance > settings.approxTolerance) {
    report('exactTolerance', `(${settings.exactTolerance}) must not exceed approxTolerance (${settings.approxTolerance}); using both defaults.`);
    settings.exactTolerance = DEFAULT_ESTIMATE_SETTINGS.exactTolerance;
    settings.approxTolerance = DEFAULT_ESTIMATE_SETTINGS.approxTolerance;
  }
  return { enabled: bool('enabled'), codeLens: bool('codeLens'), settings };
}
