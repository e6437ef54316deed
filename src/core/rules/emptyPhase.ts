// SD002: a phase has a heading but nothing under it except placeholders.
import type { RuleDef, RuleFinding } from '../types';

export const emptyPhase: RuleDef = {
  code: 'SD002',
  slug: 'empty-phase',
  description: 'A phase has a heading but no content beyond placeholders such as TODO or TBD.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const result of ctx.phases) {
      const section = result.section;
      if (!section) continue;
      if (result.status !== 'empty') continue; // the checklist decides what counts as content
      const hint = result.phase.description?.trim();
      findings.push({
        message:
          `"${section.title}" has only a heading or placeholder text. ` +
          (hint ? `Write it: ${hint.endsWith('.') ? hint : hint + '.'}` : 'Write the section or remove the heading.'),
        range: section.headingRange,
        phaseId: result.phase.id,
      });
    }
    return findings;
  },
};
