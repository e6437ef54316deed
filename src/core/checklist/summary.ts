// The checklist as plain data with 1-based lines: what `sysdesign check --format json` prints per file
// and what the language server answers to its checklist request.
import type { Analysis, PhaseResult } from '../types';

export interface FrameworkSummary {
  id: string;
  title: string;
  /** How the framework was chosen: front-matter, option, setting, detected, default. */
  source: string;
  reason: string;
  origin: 'built-in' | 'workspace';
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

export interface ChecklistSummary {
  framework: FrameworkSummary;
  phases: PhaseSummary[];
}

export function checklistSummary(analysis: Analysis): ChecklistSummary {
  const { framework, source, reason } = analysis.choice;
  return {
    framework: { id: framework.id, title: framework.title, source, reason, origin: framework.origin },
    phases: analysis.phases.map(toPhaseSummary),
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
