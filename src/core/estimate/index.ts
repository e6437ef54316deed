// Public surface of the back-of-the-envelope estimator.
import type { EstimateLine, EstimateReport, EstimateSettings, EstimateSource, TextEdit } from '../types';
import { FILLS, runEstimates } from './engine';
import { capacitySummary } from './summary';
import { evaluate } from './evaluate';
import { parseSingle } from './lines';
import { canonicalUnit } from './units';
import { DEFAULT_ESTIMATE_SETTINGS } from '../types';

export { extractEstimateSources } from './sources';
export { capacitySummary, type CapacityItem } from './summary';
export { formatQuantity, type FormatOptions } from './format';
export { CODES as ESTIMATE_CODES } from './engine';

/** Checks every estimate line in document order; names defined on a line are usable below it. */
export function evaluateEstimates(sources: EstimateSource[], settings: EstimateSettings): EstimateReport {
  const report = runEstimates(sources, settings);
  report.capacity = capacitySummary(report, settings.daysPerYear);
  return report;
}

/** The edit that answers a line's `?` with the computed value. */
export function fillQuery(line: EstimateLine): TextEdit | undefined {
  if (!line.query) return undefined;
  return { range: line.query, newText: FILLS.get(line) ?? line.display };
}

export interface ParsedQuantity {
  /** Value in base units (bytes, seconds, per-second, dollars, counts). */
  value: number;
  /** Canonical unit, as in EstimateLine.unit. */
  unit: string;
  label?: string;
}

/** Longer text is prose, not one quantity; the cap also keeps the tokenizer's per-word retries bounded. */
export const MAX_QUANTITY_LENGTH = 200;

/**
 * Reads one quantity such as `18.3 TB`, `579 writes/s` or `$1.2K/month`; undefined when it is not one,
 * including any text longer than MAX_QUANTITY_LENGTH characters.
 */
export function parseQuantity(text: string, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): ParsedQuantity | undefined {
  if (text.length > MAX_QUANTITY_LENGTH) return undefined;
  const ctx = { daysPerMonth: settings.daysPerMonth, daysPerYear: settings.daysPerYear, hasName: () => false };
  const parsed = parseSingle(text, ctx);
  if (!parsed) return undefined;
  try {
    const q = evaluate(parsed.expr, { settings, names: new Map(), lineText: text, conventions: [], steps: [] });
    if (!Number.isFinite(q.v)) return undefined;
    return { value: q.v, unit: canonicalUnit(q.d), ...(q.label ? { label: q.label } : {}) };
  } catch {
    return undefined;
  }
}
