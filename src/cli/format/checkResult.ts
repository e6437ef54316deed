// The `check` result model (what --format json prints, per schemas/check-result.schema.json).
// Built from an Analysis once; the text and SARIF formatters read the same model. Lines are 1-based.
import { checklistSummary, type FrameworkSummary, type PhaseSummary } from '../../core/checklist/summary';
import type { Analysis, Finding, Severity } from '../../core/types';

export type { PhaseSummary };

export interface CheckResult {
  /** sysdesign version that produced the result. */
  version: string;
  files: FileResult[];
  summary: { files: number; errors: number; warnings: number };
}

export interface FileResult {
  path: string;
  /** Why a folder walk took the file by its outline alone; its diagnostics are then hints. */
  outline?: string;
  framework: FrameworkSummary;
  phases: PhaseSummary[];
  diagnostics: Diagnostic[];
}

export interface Diagnostic {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toFileResult(path: string, analysis: Analysis, outline?: string): FileResult {
  return { path, ...(outline ? { outline } : {}), ...checklistSummary(analysis), diagnostics: analysis.findings.map(toDiagnostic) };
}

/** Core ranges are 0-based; editors, CI annotations and SARIF count from 1. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const { start, end } = finding.range;
  return {
    code: finding.code,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

export function buildCheckResult(version: string, files: FileResult[]): CheckResult {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { version, files, summary: { files: files.length, errors, warnings } };
}
