// SD011: two sections at one level say the same thing ("Alternatives" twice), so readers see two halves.
import type { RuleDef, RuleFinding } from '../types';

export const duplicatePhase: RuleDef = {
  code: 'SD011',
  slug: 'duplicate-phase',
  description: 'Two headings at the same level cover the same part of the design.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const result of ctx.phases) {
      const first = result.section;
      if (!first) continue;
      // Parts of one phase ("Goals" and "Non-goals") are not repeats; the checklist tells them apart.
      for (const duplicate of result.repeats ?? []) {
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
