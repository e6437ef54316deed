// Builds the per-phase checklist: which phases a document covers, which are empty, and what each contains.
import { matchSections, type PhaseMatch } from '../frameworks/match';
import type { ContentNeed, FrameworkDef, ParsedDocument, PhaseDef, PhaseResult, Section, SubCheck } from '../types';
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

  return framework.phases.map((phase): PhaseResult => {
    const sections = sectionsByPhase.get(phase) ?? [];
    if (sections.length === 0) {
      return { phase, status: 'missing', duplicates: [], checks: phase.needs.map((need) => check(need, { ok: false })) };
    }
    const [first, ...duplicates] = sections;
    const own = phaseContent([first], phase, matches);
    const all = duplicates.length > 0 ? phaseContent(sections, phase, matches) : own;
    return {
      phase,
      status: own.blocks.length > 0 ? 'present' : 'empty',
      line: first.line,
      section: first,
      duplicates,
      checks: phase.needs.map((need) => check(need, detect(need, all))),
    };
  });
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
