// SD012: an estimation section with no numbers at all is a plan to estimate, not an estimate.
import type { RuleDef, RuleFinding } from '../types';
import { phaseLines, sectionsOfKind } from './util/sections';

export const estimationWithoutNumbers: RuleDef = {
  code: 'SD012',
  slug: 'estimation-without-numbers',
  description: 'The capacity estimation contains no numbers.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'estimation')) {
      if (result.status !== 'present') continue;
      let digits = false;
      let first = true;
      for (const [, text] of phaseLines(ctx, result)) {
        if (first) {
          first = false; // the heading: "Step 2" is not an estimate
          continue;
        }
        if (/\d/.test(text)) {
          digits = true;
          break;
        }
      }
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
