// Builds the per-phase checklist: which phases a document covers, which are empty, and what each contains.
import { matchReason, matchSections, type PhaseMatch } from '../frameworks/match';
import { classifySections } from '../sections/classify';
import { isDiagramBlock, signals } from '../sections/content';
import { findInlineTradeOffs } from '../sections/inlineTradeOffs';
import type { Block, ContentNeed, FrameworkDef, ParsedDocument, PhaseDef, PhaseResult, Section, SubCheck } from '../types';
import { detect, NEED_TITLES, type PhaseContent } from './detectors';
import { realLines } from './placeholder';

/** One result per framework phase, in framework order. */
export function buildChecklist(doc: ParsedDocument, framework: FrameworkDef): PhaseResult[] {
  const matches = matchSections(doc, framework);
  const sectionsByPhase = new Map<PhaseDef, Section[]>();
  // Map order is the depth-first walk, i.e. document order.
  for (const [section, match] of matches) {
    const list = sectionsByPhase.get(match.phase);
    if (list) list.push(section);
    else sectionsByPhase.set(match.phase, [section]);
  }

  // A heading that names two parts ("Context, requirements & API design") also stands for the second
  // when no section of its own does.
  const classes = classifySections(doc);
  for (const phase of framework.phases) {
    if (sectionsByPhase.has(phase)) continue;
    const kinds = [phase.kind, ...(phase.covers ?? [])];
    const also = doc.sections.filter((s) => {
      const c = classes.get(s);
      return c?.starts === true && c.also.some((k) => kinds.includes(k));
    });
    if (also.length > 0) sectionsByPhase.set(phase, also);
  }

  return framework.phases.map((phase): PhaseResult => {
    const sections = sectionsByPhase.get(phase) ?? [];
    if (sections.length === 0) {
      const inline = inlinePart(doc, phase);
      if (!inline) return { phase, status: 'missing', duplicates: [], checks: phase.needs.map((need) => check(need, { ok: false })) };
      // The sub-checks read the passage that discusses the phase in place.
      const passage = inlineContent(doc, inline.line);
      return {
        phase,
        status: 'present',
        line: inline.line,
        inline,
        reason: inline.reason,
        duplicates: [],
        checks: phase.needs.map((need) => check(need, detect(need, passage))),
      };
    }
    const [first, ...duplicates] = sections;
    const all = phaseContent(sections, phase, matches);
    all.titles = sections.map((s) => ({ text: s.title, line: s.line }));
    all.facets = sections.map((s) => classes.get(s)?.facet).filter((f): f is string => f !== undefined);
    all.source = doc.lines;
    const result: PhaseResult = {
      phase,
      // Any of the phase's sections with real content makes it present ("Goals" empty, "Non-goals" written).
      status: all.blocks.length > 0 ? 'present' : 'empty',
      line: first.line,
      section: first,
      duplicates,
      reason: matches.has(first) ? matchReason(matches.get(first)!, framework) : undefined,
      checks: phase.needs.map((need) => check(need, detect(need, all))),
    };
    const repeats = repeatsOf(sections);
    if (repeats.length > 0) result.repeats = repeats;
    return result;
  });
}

/**
 * Sections that say again what a sibling of theirs said: the same heading under the same parent
 * ("## Data model" twice). Sections of one phase that cover different sides of it ("Functional" and
 * "Non-functional requirements", "Goals" and "Non-goals", "Upgrade" and "Version skew") are not repeats.
 */
function repeatsOf(sections: Section[]): Section[] {
  const seen = new Set<string>();
  const repeats: Section[] = [];
  for (const section of sections) {
    const key = `${section.parent?.line ?? -1}:${section.level}:${section.normalizedTitle}`;
    if (seen.has(key)) repeats.push(section);
    else seen.add(key);
  }
  return repeats;
}

/**
 * Parts a document often has without a section of its own: a discussion of alternatives in the design's
 * prose, estimates worked out inside the requirements, the context in the opening text.
 */
function inlinePart(doc: ParsedDocument, phase: PhaseDef): { line: number; text: string; reason: string } | undefined {
  const kinds = [phase.kind, ...(phase.covers ?? [])];
  if (kinds.includes('trade-offs')) {
    const found = findInlineTradeOffs(doc);
    if (found) return { ...found, reason: `discussed in place, line ${found.line + 1}: "${found.text}"` };
  }
  if (kinds.includes('estimation')) {
    const found = inlineEstimates(doc);
    if (found) return { ...found, reason: `worked out in place, from line ${found.line + 1}` };
  }
  if (kinds.includes('high-level-design')) {
    // An architecture drawn in another section (a component diagram under "Data model") is the high-level design.
    const drawing = doc.blocks.find(isDiagramBlock);
    if (drawing) return { line: drawing.line, text: (doc.lines[drawing.line] ?? '').trim().slice(0, 120), reason: `drawn in place, line ${drawing.line + 1}` };
  }
  if (kinds.includes('data-model')) {
    // Tables defined where they are used ("the `pastes` table could have the following structure" in a use case).
    const schema = doc.blocks.find((block) => signals(block).schema);
    if (schema) return { line: schema.line, text: (doc.lines[schema.line] ?? '').trim().slice(0, 120), reason: `defined in place, line ${schema.line + 1}` };
  }
  // Only a context phase of its own: an opening paragraph is no requirements section, even where requirements cover context headings.
  if (phase.kind === 'context') {
    const found = openingProse(doc);
    if (found) return { ...found, reason: `the opening text, line ${found.line + 1}` };
  }
  // A write-up that opens, before any heading, with a list of what the system does ("1. Upload photo.
  // 2. News feed. 3. Follow people.") states its requirements there.
  if (phase.kind === 'requirements') {
    const found = openingList(doc);
    if (found) return { ...found, reason: `the list the document opens with, line ${found.line + 1}` };
  }
  return undefined;
}

/** Items a list must have before the first heading to read as the requirements. */
const OPENING_LIST_ITEMS = 3;

function openingList(doc: ParsedDocument): { line: number; text: string } | undefined {
  for (const block of doc.root.blocks) {
    if (block.kind !== 'list') continue;
    const lines = realLines(block);
    if (lines.length >= OPENING_LIST_ITEMS) return { line: lines[0].line, text: lines[0].text.slice(0, 120) };
  }
  return undefined;
}

/** The block that holds `line` (a paragraph, a list, a table), as the content of a phase discussed in place. */
function inlineContent(doc: ParsedDocument, line: number): PhaseContent {
  const block = doc.blocks.find((b) => b.line <= line && line < Math.max(b.endLine, b.line + 1));
  const blocks = block ? [block] : [];
  return { blocks, lines: blocks.flatMap((b) => realLines(b)), headings: [], source: doc.lines };
}

/** Two or more lines of arithmetic anywhere: the estimate exists even without an estimation heading. */
function inlineEstimates(doc: ParsedDocument): { line: number; text: string } | undefined {
  let seen = 0;
  let first: Block | undefined;
  for (const block of doc.blocks) {
    const n = signals(block).arithmetic;
    if (n === 0) continue;
    first ??= block;
    seen += n;
    if (seen >= 2) return { line: first.line, text: (doc.lines[first.line] ?? '').trim().slice(0, 120) };
  }
  return undefined;
}

/** Prose before the first heading, or under the title before its first sub-heading, is the document's context. */
function openingProse(doc: ParsedDocument): { line: number; text: string } | undefined {
  const first = doc.sections[0];
  const c = first ? classifySections(doc).get(first) : undefined;
  // The title's own text, or a first section whose heading only names the subject ("## Standbys").
  const opens = first && (c?.by === 'title' || (c?.by === 'none' && !c.phrase));
  const holders = [doc.root, ...(opens ? [first] : [])];
  for (const holder of holders) {
    for (const block of holder.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'list' && block.kind !== 'blockquote') continue;
      const lines = realLines(block);
      if (lines.length > 0) return { line: lines[0].line, text: lines[0].text.length > 120 ? `${lines[0].text.slice(0, 117)}…` : lines[0].text };
    }
  }
  return undefined;
}

function check(need: ContentNeed, evidence: { ok: boolean; line?: number }): SubCheck {
  const result: SubCheck = { id: need, title: NEED_TITLES[need] ?? need, ok: evidence.ok };
  if (evidence.ok && evidence.line !== undefined) result.line = evidence.line;
  return result;
}

/**
 * Real content of a phase's sections, including sub-sections, but not sub-sections that belong to
 * another phase (an "### API" inside a deep dive is the API's content, not the deep dive's).
 */
export function phaseContent(sections: Section[], phase: PhaseDef, matches: Map<Section, PhaseMatch>): PhaseContent {
  const content: PhaseContent = { blocks: [], lines: [], headings: [] };
  const visit = (section: Section, top: boolean): void => {
    const match = matches.get(section);
    if (!top && match && match.phase !== phase) return;
    let real = 0;
    for (const block of section.blocks) {
      const lines = realLines(block);
      if (lines.length === 0) continue;
      real++;
      content.blocks.push(block);
      for (const line of lines) content.lines.push(line);
    }
    if (!top && real > 0) content.headings.push({ text: section.normalizedTitle, line: section.line });
    for (const child of section.children) visit(child, false);
  };
  for (const section of sections) visit(section, true);
  return content;
}
