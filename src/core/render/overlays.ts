// Design overlays drawn from an Analysis: phase status badges, the phase bar, estimate verdicts.
import type { Analysis, ClaimStatus, EstimateLine, PhaseResult } from '../types';
import { escapeHtml } from './escape';

const CLAIM_RANK: Record<ClaimStatus, number> = { ok: 0, hint: 1, warning: 2, error: 3 };
const VERDICT_LABEL: Record<ClaimStatus, string> = { ok: '✓ checks out', hint: 'ℹ note', warning: '⚠ off', error: '✗ wrong' };

/** Phase results keyed by their heading line, for badges on headings. */
export function phasesByLine(analysis: Analysis | undefined): Map<number, PhaseResult> {
  const map = new Map<number, PhaseResult>();
  for (const phase of analysis?.phases ?? []) {
    if (phase.status !== 'missing' && typeof phase.line === 'number') map.set(phase.line, phase);
  }
  return map;
}

/** Estimate lines keyed by document line. */
export function estimatesByLine(analysis: Analysis | undefined): Map<number, EstimateLine> {
  const map = new Map<number, EstimateLine>();
  for (const line of analysis?.estimates?.lines ?? []) map.set(line.line, line);
  return map;
}

export function phaseBadgeHtml(phase: PhaseResult): string {
  const checks = phase.checks ?? [];
  const passed = checks.filter((c) => c.ok).length;
  const missing = checks.filter((c) => !c.ok).map((c) => c.title);
  const label = phase.status === 'present' ? 'present' : 'empty';
  const count = checks.length > 0 ? ` ${passed}/${checks.length}` : '';
  const title = missing.length > 0 ? `Still missing: ${missing.join(', ')}` : `${phase.phase.title}: complete`;
  return (
    ` <span class="sd-badge sd-badge-${label}" data-phase="${escapeHtml(phase.phase.id)}" title="${escapeHtml(title)}">` +
    `${label}${escapeHtml(count)}</span>`
  );
}

function worstClaim(line: EstimateLine): ClaimStatus | undefined {
  let worst: ClaimStatus | undefined;
  for (const claim of line.claims ?? []) {
    if (worst === undefined || CLAIM_RANK[claim.status] > CLAIM_RANK[worst]) worst = claim.status;
  }
  return worst;
}

/** Inline annotation for one estimate line: computed value plus the verdict on any claim. */
export function estimateAnnotationHtml(line: EstimateLine): string {
  const verdict = worstClaim(line);
  const messages = (line.claims ?? []).map((c) => c.message).filter((m) => m.length > 0);
  const title = [...messages, ...(line.steps ?? [])].join('\n');
  const verdictHtml =
    verdict === undefined ? '' : ` <span class="sd-verdict sd-verdict-${verdict}">${escapeHtml(VERDICT_LABEL[verdict])}</span>`;
  return (
    `<span class="sd-estimate" data-line="${line.line}" title="${escapeHtml(title)}">` +
    `<span class="sd-estimate-value">= ${escapeHtml(line.display)}</span>${verdictHtml}</span>`
  );
}

/** Compact bar listing every phase of the framework: present/empty ones jump to their heading. */
export function phaseBarHtml(analysis: Analysis | undefined): string {
  if (!analysis || analysis.phases.length === 0) return '';
  const items = analysis.phases.map((p) => {
    const name = escapeHtml(p.phase.title);
    if (p.status === 'missing' || typeof p.line !== 'number') {
      const hint = p.phase.description ? ` ${p.phase.description}` : '';
      return `<li><span class="sd-phase sd-phase-missing" title="${escapeHtml(`Missing section.${hint}`)}">${name}</span></li>`;
    }
    return `<li><button type="button" class="sd-phase sd-phase-${p.status}" data-jump="${p.line}" title="${escapeHtml(`${p.phase.title}: ${p.status}`)}">${name}</button></li>`;
  });
  // The same count as the status bar and the checklist: written phases of all, then what is left.
  const count = (status: string) => analysis.phases.filter((p) => p.status === status).length;
  const summary = [`${count('present')}/${analysis.phases.length} written`, count('empty') ? `${count('empty')} empty` : '', count('missing') ? `${count('missing')} missing` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    `<nav class="sd-phasebar" aria-label="Design phases"><span class="sd-phasebar-title">${escapeHtml(analysis.choice.framework.title)}` +
    ` · ${escapeHtml(summary)}</span><ul>${items.join('')}</ul></nav>`
  );
}
