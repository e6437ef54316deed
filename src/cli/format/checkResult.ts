// The `check` result model (what --format json prints, per schemas/check-result.schema.json).
// Built from an Analysis once; the text and SARIF formatters read the same model. Lines are 1-based.
import type { Analysis, Finding, PhaseResult, Severity } from '../../core/types';

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
  framework: {
    id: string;
    title: string;
    /** How the framework was chosen: front-matter, option, setting, detected, default. */
    source: string;
    reason: string;
    origin: 'built-in' | 'workspace';
  };
  phases: PhaseSummary[];
  diagnostics: Diagnostic[];
}

export interface PhaseSummary {
  id: string;
  kind: string;
  title: string;
  status: 'present' | 'empty' | 'missing';
  required: boolean;
  /** 1-based heading line; null when the phase is missing. */
  line: number | null;
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
  const { framework, source, reason } = analysis.choice;
  return {
    path,
    ...(outline ? { outline } : {}),
    framework: { id: framework.id, title: framework.title, source, reason, origin: framework.origin },
    phases: analysis.phases.map(toPhaseSummary),
    diagnostics: analysis.findings.map(toDiagnostic),
  };
}

function toPhaseSummary(result: PhaseResult): PhaseSummary {
  return {
    id: result.phase.id,
    kind: result.phase.kind,
    title: result.phase.title,
    status: result.status,
    required: result.phase.required,
    line: result.status === 'missing' || result.line === undefined ? null : result.line + 1,
  };
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
