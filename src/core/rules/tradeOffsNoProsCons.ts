// SD004: the trade-offs section picks options without saying what each gains and costs.
import { COST, GAIN } from '../checklist/detectors';
import type { PhaseResult, RuleContext, RuleDef, RuleFinding } from '../types';
import { classifySections } from '../sections/classify';
import { appendToSectionEdit } from './util/edits';
import { needMet, sectionsOfKind, somePhaseLine } from './util/sections';
import { prosConsSkeleton } from './util/skeleton';

/** Which side of the ledger the section does write, to say which one is missing (same words as the checklist's). */
function sides(ctx: RuleContext, result: PhaseResult): { pros: boolean; cons: boolean } {
  const found = { pros: false, cons: false };
  somePhaseLine(ctx, result, (raw) => {
    found.pros ||= GAIN.test(raw);
    found.cons ||= COST.test(raw);
    return found.pros && found.cons;
  });
  return found;
}

function message(title: string, found: { pros: boolean; cons: boolean }): string {
  if (found.pros) return `"${title}" lists only benefits. Add what each option costs (cons, drawbacks, risks) so the choice can be judged.`;
  if (found.cons) return `"${title}" lists only drawbacks. Add what each option gains (pros, benefits) so the choice can be judged.`;
  return `"${title}" gives no pros and cons. For each option, list what it gains, what it costs and when you would pick it.`;
}

export const tradeOffsNoProsCons: RuleDef = {
  code: 'SD004',
  slug: 'trade-offs-no-pros-cons',
  description: 'The trade-offs section does not weigh pros against cons.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    const classes = classifySections(ctx.doc);
    for (const { result, section } of sectionsOfKind(ctx, 'trade-offs')) {
      // The checklist's "Pros and cons weighed" check decides (reasons an alternative loses count as its cons).
      if (result.status !== 'present' || needMet(result, 'pros-cons') !== false) continue;
      // "Option 1: …" is one option of a comparison whose weighing may sit anywhere around it.
      if (classes.get(section)?.by === 'shape') continue;
      const found = sides(ctx, result);
      // Both sides written, still as prompts ("Pros: TODO"): the checklist shows them unfilled; no need to insist.
      if (found.pros && found.cons) continue;
      findings.push({
        message: message(section.title, found),
        range: section.headingRange,
        phaseId: result.phase.id,
        fix: { title: 'Insert Pros / Cons / When to use', edits: [appendToSectionEdit(ctx.doc, section, prosConsSkeleton())] },
      });
    }
    return findings;
  },
};
