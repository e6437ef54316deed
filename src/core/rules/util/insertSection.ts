// Where a missing phase belongs: after the nearest earlier phase the document has, before the next one,
// at the heading level its sibling phases use. Shared by SD001's fix and the editor's insert command.
import type { Finding, Fix, RuleContext, Section, TextEdit } from '../../types';
import { insertBlockEdit } from './edits';
import { phaseSection } from '../../designTemplate';

/** A finding about a missing phase gets "Insert missing section" as its fix (when it has none of its own). */
export function missingSectionFix(ctx: RuleContext, finding: Finding): Fix | undefined {
  if (finding.fix && finding.fix.edits.length > 0) return finding.fix;
  if (!finding.phaseId) return undefined;
  const phase = ctx.phases.find((result) => result.phase.id === finding.phaseId);
  if (!phase || phase.status !== 'missing') return undefined;
  const edit = missingSectionEdit(ctx, finding.phaseId);
  return edit ? { title: `Insert missing section "${phase.phase.title}"`, edits: [edit] } : undefined;
}

export function missingSectionEdit(ctx: RuleContext, phaseId: string): TextEdit | undefined {
  const index = ctx.phases.findIndex((result) => result.phase.id === phaseId);
  if (index < 0) return undefined;
  const target = ctx.phases[index];
  if (target.section) return undefined;

  let previous: Section | undefined;
  for (let i = index - 1; i >= 0 && !previous; i--) previous = ctx.phases[i].section;
  let next: Section | undefined;
  for (let i = index + 1; i < ctx.phases.length && !next; i++) next = ctx.phases[i].section;
  // The earlier phase found inside another part ("### Scaling" in "## Deep dive") while the next one stands
  // beside that part ("## Wrap-up"): the new part goes beside them too, never between sub-sections.
  if (previous && next && previous.parent !== next.parent) {
    let outer: Section | undefined = previous;
    while (outer && outer.parent !== next.parent) outer = outer.parent;
    if (outer && outer.line <= next.line) previous = outer;
  }

  let line: number;
  let level: number;
  if (previous && !(next && next.line > previous.line && next.line < previous.endLine)) {
    line = previous.endLine;
    level = previous.level;
  } else if (next) {
    // Either nothing earlier exists, or the next phase sits inside the earlier one's section.
    line = next.line;
    level = next.level;
  } else {
    line = ctx.doc.lines.length;
    level = defaultLevel(ctx);
  }
  return insertBlockEdit(ctx.doc, line, phaseSection(target.phase, level));
}

/** With no phase to copy from: one level below a lone `#` title, else the top heading level in use. */
function defaultLevel(ctx: RuleContext): number {
  const top = ctx.doc.root.children;
  if (top.length === 0) return 2;
  if (top.length === 1 && top[0].level === 1) return 2;
  return Math.max(2, top[0].level);
}
