// SD004: the trade-offs section picks options without saying what each gains and costs.
import type { PhaseResult, RuleContext, RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { sectionsOfKind, somePhaseLine } from './util/sections';
import { prosConsSkeleton } from './util/skeleton';

const GAINS = new Set(['pro', 'pros', 'advantage', 'advantages', 'benefit', 'benefits', 'upside', 'upsides', 'strength', 'strengths', 'gain', 'gains', 'plus', 'pluses']);
const COSTS = new Set([
  'con',
  'cons',
  'disadvantage',
  'disadvantages',
  'drawback',
  'drawbacks',
  'downside',
  'downsides',
  'weakness',
  'weaknesses',
  'limitation',
  'limitations',
  'risk',
  'risks',
  'caveat',
  'caveats',
  'minus',
  'minuses',
]);
// A word of either list anywhere in a lower-cased line, bounded by non-letters as a split on /[^a-z]+/ would be.
const wordOf = (words: Set<string>) => new RegExp(`(?:^|[^a-z])(?:${[...words].join('|')})(?![a-z])`);
const GAIN_WORD = wordOf(GAINS);
const COST_WORD = wordOf(COSTS);
const GAIN_MARKS = ['✅', '👍', '(+)', '✔'];
const COST_MARKS = ['❌', '👎', '(-)', '⚠', '✗'];

export interface ProsCons {
  pros: boolean;
  cons: boolean;
}

/** Looks for both sides of the ledger: words, +/- bullet lists, check/cross marks, pros/cons tables. */
export function findProsCons(ctx: RuleContext, result: PhaseResult): ProsCons {
  const found: ProsCons = { pros: false, cons: false };
  let plusBullets = false;
  let dashBullets = false;
  const both = somePhaseLine(ctx, result, (raw) => {
    const trimmed = raw.trimStart();
    if (trimmed.startsWith('+ ')) plusBullets = true;
    else if (trimmed.startsWith('- ') || trimmed.startsWith('− ')) dashBullets = true;
    if (GAIN_MARKS.some((mark) => raw.includes(mark))) found.pros = true;
    if (COST_MARKS.some((mark) => raw.includes(mark))) found.cons = true;
    const lower = raw.toLowerCase();
    if (!found.pros && GAIN_WORD.test(lower)) found.pros = true;
    if (!found.cons && COST_WORD.test(lower)) found.cons = true;
    return found.pros && found.cons;
  });
  if (both) return found;
  // "+" bullets make the "-" bullets beside them read as minuses.
  if (plusBullets) {
    found.pros = true;
    if (dashBullets) found.cons = true;
  }
  return found;
}

function message(title: string, found: ProsCons): string {
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
    for (const { result, section } of sectionsOfKind(ctx, 'trade-offs')) {
      if (result.status !== 'present') continue;
      const found = findProsCons(ctx, result);
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
