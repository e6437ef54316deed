// Finds the sections a rule should look at: phases by kind, and the blocks and lines inside a section.
import type { Block, ParsedDocument, PhaseKind, PhaseResult, RuleContext, Section } from '../../types';

export interface PhaseSection {
  result: PhaseResult;
  section: Section;
}

/** Phases of one kind that have a heading in the document, in framework order. */
export function sectionsOfKind(ctx: RuleContext, kind: PhaseKind): PhaseSection[] {
  const found: PhaseSection[] = [];
  for (const result of ctx.phases) {
    if (result.phase.kind === kind && result.section) found.push({ result, section: result.section });
  }
  return found;
}

/** Blocks on lines [from, to), found by binary search over the document's ordered block list. */
export function blocksBetween(doc: ParsedDocument, from: number, to: number): Block[] {
  const blocks = doc.blocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].line < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Block[] = [];
  for (let i = lo; i < blocks.length && blocks[i].line < to; i++) out.push(blocks[i]);
  return out;
}

/** Every block of a section, sub-sections included. */
export function sectionBlocks(doc: ParsedDocument, section: Section): Block[] {
  return blocksBetween(doc, section.line + 1, section.endLine);
}

/** Every heading below `section`, depth first, in document order. */
export function descendants(section: Section): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    for (const child of s.children) {
      out.push(child);
      walk(child);
    }
  };
  walk(section);
  return out;
}

/** Lines of a section's body (heading line excluded), with their document line numbers. */
export function* sectionLines(doc: ParsedDocument, section: Section, own = false): Generator<[number, string]> {
  const end = Math.min(own ? section.ownEndLine : section.endLine, doc.lines.length);
  for (let line = section.line + 1; line < end; line++) yield [line, doc.lines[line]];
}
