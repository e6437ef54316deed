// What the checklist view shows for an analysis, as plain data (no `vscode`, so it can be unit-tested).
import { escapeMarkdown } from '../core/textEscapes';
import type { Analysis, PhaseResult, SubCheck } from '../core/types';
import type { ChecklistEntry, ChecklistIcon } from './checklistEntry';
import type { PausedInfo } from './documentSize';
import { capacityEntries } from './estimates/capacityEntries';

export type { ChecklistEntry, ChecklistIcon } from './checklistEntry';

const SOURCE_LABEL: Record<Analysis['choice']['source'], string> = {
  'front-matter': 'from front matter',
  option: 'chosen by the caller',
  setting: 'from settings',
  detected: 'detected',
  default: 'default',
};

/**
 * The row a document gets when only its outline says it is a design document: confirm (adds front
 * matter) or dismiss (never again for this file), from its inline buttons.
 */
export function outlineEntry(reason: string): ChecklistEntry {
  return {
    id: 'outline',
    kind: 'outline',
    label: 'Checked as a design document',
    description: 'by its outline · confirm or dismiss',
    tooltip: `Nothing marks this file as a design document, but ${escapeMarkdown(reason)}.\n\n**Confirm** adds \`sysdesign:\` front matter (one undoable edit); **Dismiss** stops checking this file.`,
    icon: { id: 'lightbulb' },
    contextValue: 'outline',
    children: [],
  };
}

/** `daysPerYear`: the `estimates.daysPerYear` setting, which the Capacity node's yearly storage uses too. */
export function checklistEntries(analysis: Analysis, outline?: string): ChecklistEntry[] {
  const { framework, source, reason } = analysis.choice;
  const present = analysis.phases.filter((phase) => phase.status === 'present').length;
  const top: ChecklistEntry = {
    id: `framework:${framework.id}`,
    kind: 'framework',
    label: framework.title,
    description: `${SOURCE_LABEL[source]} · ${present}/${analysis.phases.length} phases`,
    tooltip: [
      `**${escapeMarkdown(framework.title)}** (\`${framework.id}\`, ${framework.origin === 'workspace' ? `workspace file ${framework.file ?? ''}` : 'built-in'})`,
      escapeMarkdown(framework.description),
      framework.source ? `Source: ${escapeMarkdown(framework.source)}` : '',
      `Chosen: ${escapeMarkdown(reason)}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    icon: { id: 'book' },
    contextValue: 'framework',
    children: [],
  };
  const rows = [top, ...analysis.phases.map(phaseEntry), ...capacityEntries(analysis)];
  return outline ? [outlineEntry(outline), ...rows] : rows;
}

/** A too-large document: one row saying why there is no checklist. */
export function pausedEntries(paused: PausedInfo): ChecklistEntry[] {
  return [
    {
      id: 'paused',
      kind: 'paused',
      label: 'Analysis paused',
      description: `${paused.sizeMB.toFixed(1)} MB > ${paused.limitMB} MB`,
      tooltip: escapeMarkdown(paused.message),
      icon: { id: 'debug-pause' },
      contextValue: 'paused',
      children: [],
    },
  ];
}

export function phaseIcon(result: PhaseResult): ChecklistIcon {
  if (result.status === 'missing') {
    return result.phase.required
      ? { id: 'error', color: 'problemsErrorIcon.foreground' }
      : { id: 'circle-large-outline', color: 'disabledForeground' };
  }
  if (result.status === 'empty') return { id: 'warning', color: 'problemsWarningIcon.foreground' };
  const complete = result.checks.every((check) => check.ok);
  return complete ? { id: 'pass-filled', color: 'testing.iconPassed' } : { id: 'pass', color: 'problemsWarningIcon.foreground' };
}

function phaseEntry(result: PhaseResult): ChecklistEntry {
  const { phase } = result;
  const done = result.checks.filter((check) => check.ok).length;
  const parts: string[] = [result.inline ? `${result.status} in place, line ${result.inline.line + 1}` : result.status];
  // Short, so a row fits the default sidebar width; the tooltip says it in words.
  if (result.status !== 'missing' && result.checks.length > 0) parts.push(`${done}/${result.checks.length}`);
  if (!phase.required) parts.push('optional');
  if (phase.minutes !== undefined) parts.push(`${phase.minutes} min`);
  const tooltip = [
    `**${escapeMarkdown(phase.title)}** — ${STATUS_TEXT[result.status]}`,
    phase.description ? escapeMarkdown(phase.description) : '',
    // Why this part counts as the phase ("reads as a data model", "discussed in place, line 40"), so a
    // surprising match can be told apart from a right one.
    result.reason ? `Recognised: ${escapeMarkdown(result.reason)}.` : '',
    result.status !== 'missing' && result.checks.length > 0 ? `${done} of ${result.checks.length} checks met.` : '',
    result.duplicates.length > 0 ? `Also covered at line ${result.duplicates.map((s) => s.line + 1).join(', ')}.` : '',
    result.status === 'missing' ? 'Use **Insert Section** to add it.' : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: `phase:${phase.id}`,
    kind: 'phase',
    label: phase.title,
    description: parts.join(' · '),
    tooltip,
    icon: phaseIcon(result),
    contextValue: result.status === 'missing' ? 'phase.missing' : `phase.${result.status}`,
    line: result.line,
    phaseId: phase.id,
    children: result.status === 'missing' ? [] : result.checks.map((check) => checkEntry(result, check)),
  };
}

const STATUS_TEXT: Record<PhaseResult['status'], string> = {
  present: 'present',
  empty: 'heading found, but no content under it yet',
  missing: 'no section found',
};

function checkEntry(result: PhaseResult, check: SubCheck): ChecklistEntry {
  return {
    id: `check:${result.phase.id}:${check.id}`,
    kind: 'check',
    label: check.title,
    description: check.ok ? '' : 'not found',
    tooltip: check.ok
      ? `${escapeMarkdown(check.title)}: found${check.line !== undefined ? ` on line ${check.line + 1}` : ''}.`
      : `${escapeMarkdown(check.title)}: not found in "${escapeMarkdown(result.phase.title)}".`,
    icon: check.ok ? { id: 'check', color: 'testing.iconPassed' } : { id: 'close', color: 'testing.iconFailed' },
    contextValue: check.ok ? 'check.ok' : 'check.missing',
    line: check.line ?? result.line,
    phaseId: result.phase.id,
    children: [],
  };
}


export interface StatusSummary {
  text: string;
  /** Markdown. */
  tooltip: string;
  /** Required phases that are missing or empty. */
  incomplete: number;
}

export function pausedSummary(paused: PausedInfo): StatusSummary {
  return { text: '$(debug-pause) analysis paused', tooltip: escapeMarkdown(paused.message), incomplete: 0 };
}

export function statusSummary(analysis: Analysis): StatusSummary {
  const present = analysis.phases.filter((phase) => phase.status === 'present');
  const missing = analysis.phases.filter((phase) => phase.status === 'missing');
  const empty = analysis.phases.filter((phase) => phase.status === 'empty');
  const list = (items: PhaseResult[]) => items.map((item) => `- ${escapeMarkdown(item.phase.title)}${item.phase.required ? '' : ' (optional)'}`).join('\n');
  const tooltip = [
    `**${escapeMarkdown(analysis.choice.framework.title)}**: ${present.length} of ${analysis.phases.length} phases written.`,
    missing.length > 0 ? `Missing:\n\n${list(missing)}` : '',
    empty.length > 0 ? `Empty:\n\n${list(empty)}` : '',
    'Click to open the checklist.',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    text: `$(checklist) ${present.length}/${analysis.phases.length} phases`,
    tooltip,
    incomplete: [...missing, ...empty].filter((phase) => phase.phase.required).length,
  };
}
