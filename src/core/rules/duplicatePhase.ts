// SD011: two sections cover the same phase, so readers (and the checklist) see only the first.
import type { RuleDef, RuleFinding } from '../types';

export const duplicatePhase: RuleDef = {
  code: 'SD011',
  slug: 'duplicate-phase',
  description: 'The same phase appears under two headings.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const result of ctx.phases) {
      const first = result.section;
      if (!first) continue;
      for (const duplicate of result.duplicates) {
        findings.push({
          message:
            `"${duplicate.title}" covers the ${result.phase.title} phase again; it is already covered by ` +
            `"${first.title}" on line ${first.line + 1}. Merge the two sections or rename one.`,
          range: duplicate.headingRange,
          phaseId: result.phase.id,
        });
      }
    }
    return findings;
  },
};
