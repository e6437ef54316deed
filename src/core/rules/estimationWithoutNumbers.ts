// SD012: an estimation section with no numbers at all is a plan to estimate, not an estimate.
import type { RuleDef, RuleFinding } from '../types';
import { needMet, sectionsOfKind } from './util/sections';


export const estimationWithoutNumbers: RuleDef = {
  code: 'SD012',
  slug: 'estimation-without-numbers',
  description: 'The capacity estimation gives no figures to work from.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'estimation')) {
      // The checklist's "Numbers estimated" check decides.
      if (result.status !== 'present' || needMet(result, 'numbers') !== false) continue;
      findings.push({
        message:
          `"${section.title}" has no figures yet. Start from stated assumptions and work out requests per second, ` +
          'storage and bandwidth, e.g. "10M DAU × 5 posts/day ÷ 86,400 s ≈ 580 writes/s".',
        range: section.headingRange,
        phaseId: result.phase.id,
      });
    }
    return findings;
  },
};
