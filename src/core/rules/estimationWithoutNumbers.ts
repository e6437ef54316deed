// SD012: an estimation section with no numbers at all is a plan to estimate, not an estimate.
import type { RuleDef, RuleFinding } from '../types';
import { phaseRanges, sectionsOfKind } from './util/sections';

const DIGIT = /\d/;

export const estimationWithoutNumbers: RuleDef = {
  code: 'SD012',
  slug: 'estimation-without-numbers',
  description: 'The capacity estimation contains no numbers.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'estimation')) {
      if (result.status !== 'present') continue;
      // Body lines only: the "2" of "Step 2" in a heading is not an estimate.
      const lines = ctx.doc.lines;
      const digits = phaseRanges(ctx, result).some(([from, to]) => {
        for (let line = from; line < to; line++) if (DIGIT.test(lines[line])) return true;
        return false;
      });
      if (digits) continue;
      findings.push({
        message:
          `"${section.title}" has no numbers. Start from stated assumptions and work out requests per second, ` +
          'storage and bandwidth, e.g. "10M DAU × 5 posts/day ÷ 86,400 s ≈ 580 writes/s".',
        range: section.headingRange,
        phaseId: result.phase.id,
      });
    }
    return findings;
  },
};
