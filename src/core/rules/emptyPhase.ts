// SD002: a phase has a heading but nothing under it except placeholders.
import { realLines } from '../checklist/placeholder';
import type { RuleDef, RuleFinding, Section } from '../types';

function hasContentBelow(section: Section): boolean {
  return section.children.some((child) => child.blocks.some((block) => realLines(block).length > 0) || hasContentBelow(child));
}

export const emptyPhase: RuleDef = {
  code: 'SD002',
  slug: 'empty-phase',
  description: 'A phase has a heading but no content beyond placeholders such as TODO or TBD.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    // A document nobody has written in yet (a fresh template) is a to-do list, not a page of problems:
    // its empty sections are hints until the first one is written.
    const started = ctx.phases.some((result) => result.status === 'present');
    for (const result of ctx.phases) {
      const section = result.section;
      if (!section) continue;
      if (result.status !== 'empty') continue; // the checklist decides what counts as content
      // A heading over sub-sections with content (of other parts) is a container, not an empty part.
      if (hasContentBelow(section)) continue;
      const hint = result.phase.description?.trim();
      findings.push({
        message:
          `"${section.title}" has only a heading or placeholder text. ` +
          (hint ? `Write it: ${hint.endsWith('.') ? hint : hint + '.'}` : 'Write the section or remove the heading.'),
        range: section.headingRange,
        phaseId: result.phase.id,
        ...(started ? {} : { severity: 'hint' as const }),
      });
    }
    return findings;
  },
};
