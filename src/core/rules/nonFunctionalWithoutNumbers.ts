// SD009: non-functional requirements without numbers for scale, latency or availability.
import type { Block, ParsedDocument, PhaseResult, Range, RuleContext, RuleDef, RuleFinding, Section, TextEdit } from '../types';
import { NFR_TARGETS, ruleOption } from './ruleOptions';
import { appendToSectionEdit, insertBlockEdit } from './util/edits';
import { numberFacts, type NumberFacts } from './util/quantities';
import { eol, lineRange } from './util/ranges';
import { blockAt, blocksBetween, needMet, phaseRanges, phaseSubHeadings, sectionsOfKind } from './util/sections';
import { nfrSkeletonLines, type NfrDimension } from './util/skeleton';

/** The lines that state the non-functional requirements, and how they were found. */
interface NfrPart {
  ranges: Array<[number, number]>;
  /** Where to report: the NFR heading or label, else the requirements heading. */
  anchor: Range;
  /** The NFR sub-section, when it has a heading of its own. */
  section?: Section;
  /** Set when the NFR label sits in a code fence, where a Markdown fix would not belong. */
  inCode: boolean;
  /** False when the requirements are split and no non-functional part exists. */
  found: boolean;
}

const NFR_TITLE = /\bnon ?functional\b|\bnfrs?\b|\bquality attributes\b/;
const NFR_LABEL = /^(?:non[- ]?functional|nfrs?)\b/;
const OTHER_LABEL = /^(?:functional|features?\b|out of scope|non-goals|assumptions?|constraints?|open questions?|questions?|clarif)/;
const FUNCTIONAL_LABEL = /^functional\b/;
// Both labels above contain one of these (lower-casing never makes them from other letters): lines
// without either skip the label clean-up.
const MAY_BE_LABEL = /functional|nfr/i;

/** A line's leading words without list markers, emphasis, numbering or heading marks. */
function labelText(raw: string): string {
  return raw.replace(/^[\s>*_#`+\-\d.)]+/, '').toLowerCase();
}

interface Search {
  part?: NfrPart;
  /** A "Functional" heading or label exists, so the requirements are split by kind. */
  split: boolean;
}

/** The NFR heading or label inside one requirements phase, if it has one. */
function findLabelledPart(ctx: RuleContext, result: PhaseResult): Search {
  const { doc } = ctx;
  const subs = phaseSubHeadings(ctx, result);
  const heading = subs.find((s) => NFR_TITLE.test(s.normalizedTitle));
  if (heading) {
    return { part: { ranges: [[heading.line, heading.endLine]], anchor: heading.headingRange, section: heading, inCode: false, found: true }, split: true };
  }
  const headingLines = new Set(subs.map((s) => s.line));
  let split = subs.some((s) => FUNCTIONAL_LABEL.test(s.normalizedTitle));
  for (const [from, to] of phaseRanges(ctx, result)) {
    for (let line = from; line < to; line++) {
      if (!MAY_BE_LABEL.test(doc.lines[line]) || headingLines.has(line)) continue;
      const label = labelText(doc.lines[line]);
      if (FUNCTIONAL_LABEL.test(label)) split = true;
      // Only a label opens the part; "clarify the non-functional requirements" in prose does not.
      if (!NFR_LABEL.test(label)) continue;
      // The part runs to the next heading or label, staying inside a fence when the label is in one.
      const code = blocksBetween(doc, from, line + 1).find((b: Block) => b.kind === 'code' && b.line < line && line < b.endLine);
      const stop = code ? Math.min(code.endLine - 1, to) : to;
      let end = line + 1;
      while (end < stop && !headingLines.has(end) && !OTHER_LABEL.test(labelText(doc.lines[end]))) end++;
      return { part: { ranges: [[line, end]], anchor: lineRange(doc, line), inCode: !!code, found: true }, split: true };
    }
  }
  return { split };
}

const EXAMPLES: Record<NfrDimension, string> = {
  scale: 'scale ("10M daily users, 2k requests/s at peak")',
  latency: 'latency ("p99 under 200 ms")',
  availability: 'availability ("99.9% uptime")',
};

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function fixFor(doc: ParsedDocument, requirements: Section, part: NfrPart, missing: NfrDimension[]): TextEdit | undefined {
  const body = nfrSkeletonLines(missing).join('\n');
  if (!part.found) {
    const child = requirements.children[0];
    const block = child ? `${'#'.repeat(child.level)} Non-functional requirements\n\n${body}` : `**Non-functional:**\n\n${body}`;
    let line = Math.min(requirements.endLine, doc.lines.length) - 1;
    while (line > requirements.line && doc.lines[line].trim() === '') line--;
    return child ? insertBlockEdit(doc, line + 1, block) : appendToSectionEdit(doc, requirements, block);
  }
  if (part.section) return appendToSectionEdit(doc, part.section, body);
  if (part.inCode) return undefined;
  const [from, to] = part.ranges[part.ranges.length - 1];
  let line = to - 1;
  while (line > from && doc.lines[line].trim() === '') line--;
  // A list item labels the part ("- Non-functional" over its own items): the targets join that list, at
  // the depth of its items, rather than start a new list at the margin.
  const label = LIST_ITEM.exec(doc.lines[from]);
  const list = label ? blockAt(doc, from) : undefined;
  if (label && list?.kind === 'list') {
    // The list ends where the part may not (a paragraph after it belongs to the part, not to the list).
    line = Math.min(line, list.endLine - 1);
    while (line > from && doc.lines[line].trim() === '') line--;
    const last = line > from ? LIST_ITEM.exec(doc.lines[line]) : undefined;
    const indent = last && last[1].length > label[1].length ? last[1] : `${label[1]}${' '.repeat(label[2].length + 1)}`;
    const marker = last && last[1].length > label[1].length ? last[2] : '-';
    const items = nfrSkeletonLines(missing).map((item) => `${indent}${marker} ${item.replace(/^[-*+]\s+/, '')}`);
    const end = { line, character: doc.lines[line].length };
    return { range: { start: end, end }, newText: `${eol(doc)}${items.join(eol(doc))}` };
  }
  return insertBlockEdit(doc, line + 1, body);
}

/** A list item's indentation and marker. */
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+/;

const DIGIT = /\d/;
/** Lines that state a latency or an availability target, not just any duration or percentage. */
const LATENCY_TARGET = /latenc|\bp\d{2,3}\b|response time|\bslo/i;
const AVAILABILITY_TARGET = /\bslo|\bsla|availab|uptime|nines|downtime/i;

export const nonFunctionalWithoutNumbers: RuleDef = {
  code: 'SD009',
  slug: 'non-functional-without-numbers',
  description: 'Non-functional requirements give no numbers for scale, latency or availability.',
  defaultSeverity: 'warning',
  check(ctx) {
    // Only where the framework asks for non-functional requirements: a proposal's goals need no uptime figure.
    const present = sectionsOfKind(ctx, 'requirements').filter(
      ({ result }) => result.status === 'present' && needMet(result, 'non-functional-requirements') !== undefined,
    );
    if (present.length === 0) return [];
    // Frameworks may spread requirements over several phases; they are read as one.
    let part: NfrPart | undefined;
    let owner = present[0];
    let split = false;
    for (const candidate of present) {
      const search = findLabelledPart(ctx, candidate.result);
      split ||= search.split;
      if (search.part) {
        part = search.part;
        owner = candidate;
        break;
      }
    }
    part ??= {
      ranges: present.flatMap(({ result }) => phaseRanges(ctx, result)),
      anchor: owner.section.headingRange,
      inCode: false,
      found: !split,
    };

    const facts: NumberFacts = { scale: false, latency: false, availability: false };
    if (part.found) {
      for (const [from, to] of part.ranges) {
        for (let line = from; line < to; line++) {
          const f = numberFacts(ctx.doc.lines[line]);
          facts.scale ||= f.scale;
          facts.latency ||= f.latency;
          facts.availability ||= f.availability;
        }
      }
    }
    // Targets stated elsewhere (an SLO section, the estimates) are stated: only what the document gives
    // nowhere is missing.
    if (!facts.scale || !facts.latency || !facts.availability) {
      for (const line of ctx.doc.lines) {
        if (!DIGIT.test(line)) continue;
        const f = numberFacts(line);
        facts.scale ||= f.scale;
        facts.latency ||= f.latency && LATENCY_TARGET.test(line);
        facts.availability ||= f.availability && AVAILABILITY_TARGET.test(line);
      }
    }
    const targets = ruleOption(ctx.ruleOptions, 'SD009', 'targets') as readonly NfrDimension[];
    const missing = NFR_TARGETS.filter((d) => targets.includes(d) && !facts[d]);
    if (missing.length === 0) return [];
    const wanted = listWords(missing.map((d) => EXAMPLES[d]));
    const message = part.found
      ? `Non-functional requirements give no number for ${listWords(missing)}. State targets, e.g. ${wanted}.`
      : `"${owner.section.title}" lists functional requirements only. Add non-functional ones with numbers: ${wanted}.`;
    const finding: RuleFinding = { message, range: part.anchor, phaseId: owner.result.phase.id };
    const edit = fixFor(ctx.doc, owner.section, part, missing);
    if (edit) finding.fix = { title: part.found ? 'Add missing targets' : 'Add non-functional requirements', edits: [edit] };
    return [finding];
  },
};
