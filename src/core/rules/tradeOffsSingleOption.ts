// SD003: the trade-offs section argues for one design without naming what it was weighed against.
import type { PhaseResult, RuleContext, RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { phaseBlocks, phaseSubHeadings, sectionsOfKind, somePhaseLine } from './util/sections';
import { optionsSkeleton } from './util/skeleton';

const OPTION_LABEL = /\b(?:option|approach|alternative) {0,3}#? {0,3}([a-z0-9])\b/g;
const VERSUS = /\S[ \t]{1,3}(?:vs\.?|versus)[ \t]{1,3}\S/;
const NAMED_ALTERNATIVE = /\b(?:instead of|rather than|compared (?:to|with)|alternatives? (?:considered|rejected)|in favou?r of)\b/;
const CHOSE = /\b(?:chose|choose|chosen|choosing|picked?|prefer(?:red)?|select(?:ed)?|went with|go with|favou?r(?:ed)?|opted for)\b/;
// "Redis or Memcached", "`SQL` or `NoSQL`": two names joined by a lower-case "or". Names are bounded
// so a long run of capitals cannot make the match restart over the whole run at every position.
const NAMES_OR = /(?:`[^`\n]{1,40}`|\b[A-Z][\w.+#-]{0,30})[ \t]{1,3}or[ \t]{1,3}(?:`[^`\n]{1,40}`|[A-Z])/;
const OVER = /\bover\b/;
const HEADING = /^\s*#/;
const OR_VS = /\s(?:or|vs)\s/;

/** True when the section names at least two options in any of the usual ways. */
export function namesTwoOptions(ctx: RuleContext, result: PhaseResult): boolean {
  if (phaseSubHeadings(ctx, result).length >= 2) return true;
  if (phaseBlocks(ctx, result).some((block) => (block.table?.rows.length ?? 0) >= 2)) return true;

  const labels = new Set<string>();
  return somePhaseLine(ctx, result, (raw) => {
    const line = raw.toLowerCase();
    if (VERSUS.test(line) || NAMED_ALTERNATIVE.test(line) || NAMES_OR.test(raw)) return true;
    if (OVER.test(line) && CHOSE.test(line)) return true;
    if (HEADING.test(raw) && OR_VS.test(line)) return true;
    // exec on the shared regex, not matchAll: matchAll clones the regex on every call.
    OPTION_LABEL.lastIndex = 0;
    for (let match = OPTION_LABEL.exec(line); match; match = OPTION_LABEL.exec(line)) labels.add(match[1]);
    return labels.size >= 2;
  });
}

export const tradeOffsSingleOption: RuleDef = {
  code: 'SD003',
  slug: 'trade-offs-single-option',
  description: 'The trade-offs section names fewer than two options to choose between.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'trade-offs')) {
      if (result.status !== 'present' || namesTwoOptions(ctx, result)) continue;
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
