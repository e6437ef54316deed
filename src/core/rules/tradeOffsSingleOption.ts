// SD003: the trade-offs section argues for a single option without naming what it was weighed against.
import type { PhaseResult, RuleContext, RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { needMet, sectionsOfKind, somePhaseLine } from './util/sections';
import { optionsSkeleton } from './util/skeleton';

const LABEL = /\b(?:option|alternative|approach)\s*#?\s*([a-z0-9])\b/gi;

function labelledOptions(ctx: RuleContext, result: PhaseResult): number {
  const labels = new Set<string>();
  somePhaseLine(ctx, result, (raw) => {
    LABEL.lastIndex = 0;
    for (let m = LABEL.exec(raw); m; m = LABEL.exec(raw)) labels.add(m[1].toLowerCase());
    return labels.size >= 2;
  });
  return labels.size;
}

export const tradeOffsSingleOption: RuleDef = {
  code: 'SD003',
  slug: 'trade-offs-single-option',
  description: 'The trade-offs section names fewer than two options to choose between.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'trade-offs')) {
      // The checklist's "Options compared" check decides (an "Alternatives" section names what the design beat).
      if (result.status !== 'present' || needMet(result, 'options') !== false) continue;
      // Two options laid out, still as prompts ("Option A: TODO"): the checklist shows them unfilled.
      if (labelledOptions(ctx, result) >= 2) continue;
      findings.push({
        message:
          `"${section.title}" argues for a single option. Name the alternative you weighed it against ` +
          '("Option A / Option B", "X vs Y", "chose X over Y") and say why one wins.',
        range: section.headingRange,
        phaseId: result.phase.id,
        fix: { title: 'Insert an Option A / Option B comparison', edits: [appendToSectionEdit(ctx.doc, section, optionsSkeleton())] },
      });
    }
    return findings;
  },
};
