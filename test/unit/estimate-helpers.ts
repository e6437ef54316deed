// Shared helpers for the estimate engine tests: run lines, pick claims and findings.
import { DEBUG } from '../../src/core/estimate/engine';
import { evaluateEstimates } from '../../src/core/estimate/index';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateReport, type EstimateSettings } from '../../src/core/types';

export function run(lines: string[], opts: { strict?: boolean; settings?: Partial<EstimateSettings> } = {}): EstimateReport {
  const sources = lines.map((text, line) => ({ line, column: 0, text, strict: opts.strict ?? true }));
  DEBUG.lastError = undefined;
  const report = evaluateEstimates(sources, { ...DEFAULT_ESTIMATE_SETTINGS, ...opts.settings });
  // A swallowed internal error would make a test pass for the wrong reason.
  if (DEBUG.lastError !== undefined) throw DEBUG.lastError;
  return report;
}

export function one(text: string, opts: { strict?: boolean; settings?: Partial<EstimateSettings> } = {}) {
  const report = run([text], opts);
  return { report, line: report.lines[0], claim: report.lines[0]?.claims[0], findings: report.findings };
}

export function close(actual: number, expected: number, rel = 1e-9): boolean {
  return Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), 1e-300);
}
