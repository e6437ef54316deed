// Finds the sections a rule should look at: phases by kind, and the blocks and lines inside a section.
import type { Block, ContentNeed, ParsedDocument, PhaseKind, PhaseResult, RuleContext, Section } from '../../types';
import { MEMO_LIMITS, ObjectMemo } from '../../objectMemo';

export interface PhaseSection {
  result: PhaseResult;
  section: Section;
}

/**
 * The checklist's answer for one need of a phase: true when found, false when missing, undefined when
 * the framework does not ask this phase for it (then rules about it stay quiet: a proposal's goals are
 * not asked for p99 latency). Rules read this instead of matching patterns of their own.
 */
export function needMet(result: PhaseResult, need: ContentNeed): boolean | undefined {
  if (!result.phase.needs.includes(need)) return undefined;
  return result.checks.find((c) => c.id === need)?.ok ?? false;
}

/** Phases of one kind that have a heading in the document, in framework order. */
export function sectionsOfKind(ctx: RuleContext, kind: PhaseKind): PhaseSection[] {
  const found: PhaseSection[] = [];
  for (const result of ctx.phases) {
    if (result.phase.kind === kind && result.section) found.push({ result, section: result.section });
  }
  return found;
}

// Several rules read the same phase in one analysis: what they share is kept per analysis (the
// context object is new for every analysis, so nothing outlives it). Read-only.
interface PhaseMemo {
  /** Each phase's section or duplicate → its phase, or null when several phases list it. */
  owners: Map<Section, PhaseResult | null>;
  ranges: Map<PhaseResult, Array<[number, number]>>;
}
const memos = new ObjectMemo<RuleContext, PhaseMemo>(MEMO_LIMITS.docs);

function memoFor(ctx: RuleContext): PhaseMemo {
  let memo = memos.get(ctx);
  if (!memo) {
    const owners = new Map<Section, PhaseResult | null>();
    const own = (section: Section, result: PhaseResult) => {
      const owner = owners.get(section);
      owners.set(section, owner === undefined || owner === result ? result : null);
    };
    for (const result of ctx.phases) {
      if (result.section) own(result.section, result);
      for (const duplicate of result.duplicates) own(duplicate, result);
    }
    memos.set(ctx, (memo = { owners, ranges: new Map() }));
  }
  return memo;
}

/**
 * Line ranges [from, to) of a phase's sections (the first and any duplicates), minus sub-sections that
 * belong to another phase (an "### API" inside a deep dive is the API's content), heading lines excluded.
 */
export function phaseRanges(ctx: RuleContext, result: PhaseResult): Array<[number, number]> {
  const memo = memoFor(ctx);
  let ranges = memo.ranges.get(result);
  if (!ranges) memo.ranges.set(result, (ranges = readRanges(ctx, result, memo.owners)));
  return ranges;
}

function readRanges(ctx: RuleContext, result: PhaseResult, owners: PhaseMemo['owners']): Array<[number, number]> {
  if (!result.section) return [];
  // Another phase's section: listed by some phase, and not by this one alone.
  const isOther = (section: Section) => {
    const owner = owners.get(section);
    return owner !== undefined && owner !== result;
  };
  const ranges: Array<[number, number]> = [];
  for (const section of [result.section, ...result.duplicates]) {
    let from = section.line + 1;
    const walk = (s: Section) => {
      for (const child of s.children) {
        if (isOther(child)) {
          if (child.line > from) ranges.push([from, child.line]);
          from = child.endLine;
        } else walk(child);
      }
    };
    walk(section);
    const end = Math.min(section.endLine, ctx.doc.lines.length);
    if (end > from) ranges.push([from, end]);
  }
  return ranges;
}

/** The phase's own lines (see phaseRanges), each section's heading title first as a line of its own. */
export function phaseLines(ctx: RuleContext, result: PhaseResult): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  somePhaseLine(ctx, result, (text, line) => {
    out.push([line, text]);
    return false;
  });
  return out;
}

/**
 * Calls `visit` with each of the phase's lines, in phaseLines order, until it returns true; says whether
 * one did. The rules use it rather than phaseLines: no [line, text] pair per line.
 */
export function somePhaseLine(ctx: RuleContext, result: PhaseResult, visit: (text: string, line: number) => boolean): boolean {
  if (!result.section) return false;
  for (const heading of [result.section, ...result.duplicates]) if (visit(`# ${heading.title}`, heading.line)) return true;
  const lines = ctx.doc.lines;
  for (const [from, to] of phaseRanges(ctx, result)) {
    for (let line = from; line < to; line++) if (visit(lines[line], line)) return true;
  }
  return false;
}

/** The phase's own blocks (see phaseRanges). */
export function phaseBlocks(ctx: RuleContext, result: PhaseResult): Block[] {
  const out: Block[] = [];
  for (const [from, to] of phaseRanges(ctx, result)) blocksBetween(ctx.doc, from, to, out);
  return out;
}

/** Headings inside the phase's own part (duplicates included), other phases' sub-sections excluded. */
export function phaseSubHeadings(ctx: RuleContext, result: PhaseResult): Section[] {
  if (!result.section) return [];
  const ranges = phaseRanges(ctx, result);
  const out: Section[] = [];
  const walk = (s: Section) => {
    for (const child of s.children) {
      if (ranges.some(([from, to]) => child.line >= from && child.line < to)) out.push(child);
      walk(child);
    }
  };
  walk(result.section);
  for (const duplicate of result.duplicates) walk(duplicate);
  return out;
}

/** Index of the first of the document's ordered blocks that starts on or after `line`. */
function firstBlockFrom(blocks: readonly Block[], line: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Blocks on lines [from, to), found by binary search over the document's ordered block list; appended to `out` when given. */
export function blocksBetween(doc: ParsedDocument, from: number, to: number, out: Block[] = []): Block[] {
  const blocks = doc.blocks;
  for (let i = firstBlockFrom(blocks, from); i < blocks.length && blocks[i].line < to; i++) out.push(blocks[i]);
  return out;
}

/** The top-level block holding a line, if any. */
export function blockAt(doc: ParsedDocument, line: number): Block | undefined {
  const block = doc.blocks[firstBlockFrom(doc.blocks, line + 1) - 1];
  return block && line < block.endLine ? block : undefined;
}
