// Gives every section of a document the part of a design document it is (requirements, estimation,
// alternatives...), from its heading's words, its place under its parent and among its siblings, and,
// when the heading says nothing, from what it contains. Frameworks map these kinds to their phases.
import { normalizeHeading } from '../headingText';
import type { ParsedDocument, PhaseKind, Section } from '../types';
import { signals } from './content';
import { CJK_TERMS, foldWord, leadingRuns, VOCABULARY, VOCABULARY_WORDS, type VocabularyEntry } from './vocabulary';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

export type ClassifiedBy = 'heading' | 'typo' | 'shape' | 'content' | 'place' | 'parent' | 'title' | 'none';

export interface SectionClass {
  /** The part this section belongs to (its own or its parent's); undefined when it is none. */
  kind?: PhaseKind;
  /** True when this heading starts its part; false when it continues its parent's. */
  starts: boolean;
  /** Further parts the heading names ("CDN and load balancing" is scaling and caching). */
  also: PhaseKind[];
  /** Every part the heading names, general words included ("Context, requirements & API design"): its sub-sections may take any. */
  names?: PhaseKind[];
  /** What the section covers within its kind; two starts with one facet at one level repeat each other. */
  facet?: string;
  /** The vocabulary phrasing that decided it, as folded. */
  phrase?: string;
  by: ClassifiedBy;
  /** Why, in a few words, for the checklist's tooltip. */
  reason: string;
  /** Set on "References", "Appendix" and what is under them: never a part, and nothing inside is either. */
  apart?: boolean;
}

/** Headings are read up to this many words: enough for any real title, and linear on absurd ones. */
const MAX_TITLE_WORDS = 40;
/** Longest vocabulary phrasing, in words. */
const MAX_PHRASE_WORDS = Math.max(...[...VOCABULARY.keys()].map((k) => k.split(' ').length));
/** Every vocabulary phrasing's leading words ("back", "back of", …): a run of words that is none of them starts no phrasing. */
const PHRASE_STARTS = new Set([...VOCABULARY.keys()].flatMap(leadingRuns));
/** Parts whose sub-sections stay in them unless a sub-heading names another part in two or more words. */
const STICKY = new Set<PhaseKind>(['estimation', 'requirements', 'trade-offs', 'risks', 'open-questions', 'wrap-up', 'rollout', 'testing']);
const DESIGN = new Set<PhaseKind>(['high-level-design', 'deep-dive', 'api', 'data-model', 'decision']);

interface Hit {
  entry: VocabularyEntry;
  phrase: string;
  start: number;
  words: number;
  typo: boolean;
}

const cache = new ObjectMemo<ParsedDocument, Map<Section, SectionClass>>(MEMO_LIMITS.docs);

/** Every heading section of the document with its class. Parsed documents never change: kept per document. */
export function classifySections(doc: ParsedDocument): Map<Section, SectionClass> {
  let classes = cache.get(doc);
  if (!classes) cache.set(doc, (classes = classify(doc)));
  return classes;
}

function classify(doc: ParsedDocument): Map<Section, SectionClass> {
  const classes = new Map<Section, SectionClass>();
  const title = documentTitle(doc);
  const visit = (section: Section, parent: SectionClass | undefined): void => {
    const own = section === title ? titleClass() : parent?.apart ? apartClass(parent) : classifyOne(section, parent, codeOnly(doc, section));
    classes.set(section, own);
    for (const child of section.children) visit(child, section === title ? undefined : own);
  };
  for (const top of doc.root.children) visit(top, undefined);
  placeByPosition(doc, classes);
  pairDownsides(doc, classes);
  return classes;
}

/** "### Pros" then "### Cons": the downside right after an upside is the other half of one comparison. */
function pairDownsides(doc: ParsedDocument, classes: Map<Section, SectionClass>): void {
  for (const section of doc.sections) {
    const c = classes.get(section);
    if (c?.kind !== 'risks' || !c.starts) continue;
    const siblings = section.parent?.children ?? doc.root.children;
    const before = siblings[siblings.indexOf(section) - 1];
    const prev = before && classes.get(before);
    if (prev?.kind === 'trade-offs' && prev.facet === 'pros-cons') {
      classes.set(section, { ...c, kind: 'trade-offs', facet: 'pros-cons', reason: `the other side of "${before.title}"` });
      relabelChildren(section, classes);
    }
  }
}

function titleClass(): SectionClass {
  return { starts: false, also: [], by: 'title', reason: 'the document title' };
}

/** Under "References" or an appendix nothing is a part of the design. */
function apartClass(parent: SectionClass): SectionClass {
  return { starts: false, also: [], by: 'none', apart: true, reason: parent.reason };
}

/**
 * The heading every other heading sits under, when there is one and it has sub-headings: the
 * document's title, never a part of it ("# Design a chat service" above "## Requirements"...).
 */
function documentTitle(doc: ParsedDocument): Section | undefined {
  const tops = doc.root.children;
  let title: Section | undefined;
  if (tops.length === 1 && tops[0].children.length > 0) title = tops[0];
  else {
    // A lone level-1 heading above level-2 siblings that were written without nesting under it.
    const ones = doc.sections.filter((s) => s.level === 1);
    if (ones.length === 1 && ones[0] === doc.sections[0] && ones[0].children.length > 0) title = ones[0];
  }
  // A page that is one part of a design ("# Back-of-the-envelope estimates") is titled by that part.
  if (title && namesPart(title)) return undefined;
  return title;
}

function namesPart(section: Section): boolean {
  const read = readTitle(section.title, section.normalizedTitle);
  if (read.shape) return false;
  const best = pick(read.hits.filter((h) => h.entry.kind !== 'none'), read.words);
  return best !== undefined && !best.entry.generic && !best.entry.placed && best.words >= 2 && leads(best, read.words) && read.words.length <= best.words + 2;
}

/** A heading written as one code span (`cluster:capacity_memory_bytes:sum`): it names an identifier. */
function codeOnly(doc: ParsedDocument, section: Section): boolean {
  const source = doc.lines[section.line] ?? '';
  return source.includes('`') && CODE_ONLY.test(source.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, ''));
}

function classifyOne(section: Section, parent: SectionClass | undefined, code = false): SectionClass {
  const inherited = parent?.kind;
  const read = readTitle(section.title, section.normalizedTitle);

  // "Option 2: optimistic locking", "Push vs pull", "SQL or NoSQL?": a heading that names options.
  if (read.shape) return start('trade-offs', 'options', 'shape', `the heading compares options ("${read.shape}")`);

  // A heading that is only code (`cluster:capacity_memory_bytes:sum`, `GET /v1/links`) names an identifier, not a part.
  // A label that cannot stand here ("Use case: caching videos in CDN" inside a design) leaves the topic after it to speak.
  // A heading that names several parts ("Context, requirements & API design") lets its sub-sections take any of them.
  const named = (parent?.starts && parent.names) || NO_KINDS;
  const label = read.labelled && fitsUnder(read.labelled.entry.kind as PhaseKind, inherited, named) ? read.labelled : undefined;
  const hits = code ? [] : label ? [label] : read.hits;
  // "References", "Appendix B": never a part. "Notes", "Status": not a part on their own, more of it under one.
  const none = hits.find((h) => h.entry.kind === 'none' && h.start === 0 && (h.entry.facet === 'apart' || !inherited));
  // A general word says what a heading is only where it leads it or is its head noun: "Design", "Proposed
  // design", but not "A 5-step guide to acing the design round".
  const parts = hits.filter(
    (h) =>
      h.entry.kind !== 'none' &&
      (!h.entry.generic || leads(h, read.words) || h.start + h.words === read.words.length) &&
      fitsUnder(h.entry.kind as PhaseKind, inherited, named),
  );
  const best = pick(parts, read.words);
  if (none && (!best || best.words <= none.words)) {
    const apart = none.entry.facet === 'apart';
    return { starts: false, also: [], by: 'none', phrase: none.phrase, reason: `"${none.phrase}" is not a part of the design`, ...(apart ? { apart } : {}) };
  }

  if (inherited) {
    // The heading names its parent's part too ("Alerting requirements" under monitoring): it continues it.
    if (parts.some((h) => h.entry.kind === inherited && !h.entry.placed)) return continues(parent!);
    if (best && !best.entry.generic && named.includes(best.entry.kind as PhaseKind)) return fromHit(best, parts);
    if (best && clearlyOther(best, parts, inherited, read.words, section)) return fromHit(best, parts);
    return continues(parent!);
  }
  if (best) return fromHit(best, parts);
  // "What is Pastebin?": before the design, the introduction (placeByPosition decides by where it stands).
  if (WHAT_IS.test(section.title)) return { kind: 'context', starts: true, also: [], facet: 'summary', phrase: 'what is', by: 'place', reason: 'a question about what the system is' };

  // Nothing in the heading: what the section holds may still say what it is.
  const byContent = contentKind(section);
  if (byContent) return start(byContent.kind, 'content', 'content', byContent.reason);
  return { starts: false, also: [], by: 'none', reason: 'the heading names no part of a design document' };

  function continues(p: SectionClass): SectionClass {
    return { kind: p.kind, starts: false, also: [], facet: p.facet, by: 'parent', reason: `inside "${section.parent?.title ?? ''}"` };
  }

  function fromHit(hit: Hit, all: Hit[]): SectionClass {
    const kind = hit.entry.kind as PhaseKind;
    const also = [...new Set(all.filter((h) => h !== hit && !h.entry.generic && !h.entry.placed && h.entry.kind !== kind).map((h) => h.entry.kind as PhaseKind))];
    // Most headings name one part: only a heading with several hits can name further ones.
    const names = hits.length > 1 ? [...new Set(hits.filter((h) => h.entry.kind !== 'none' && !h.entry.placed && h.entry.kind !== kind).map((h) => h.entry.kind as PhaseKind))] : [];
    const how = hit.typo ? `heading "${section.title}" reads as "${hit.phrase}"` : `heading names "${hit.phrase}"`;
    return {
      kind,
      starts: true,
      also,
      ...(names.length > 0 ? { names } : {}),
      facet: hit.entry.facet ?? hit.phrase,
      phrase: hit.phrase,
      by: hit.entry.placed ? 'place' : hit.typo ? 'typo' : 'heading',
      reason: how,
    };
  }

  function start(kind: PhaseKind, facet: string, by: ClassifiedBy, reason: string): SectionClass {
    if (inherited === kind) return continues(parent!);
    return { kind, starts: true, also: [], facet, by, reason };
  }
}

const CODE_ONLY = /^\s*`[^`]+`\s*$/;
const WHAT_IS = /^\W*(?:\d+[.)]?\s+)?what(?:\s+is|'s|\s+are)\s+[^?]{1,60}\?\s*$/i;

/** Parts that frame a design (context, requirements) come before it: inside a design part they are more of it ("### Use case: upload"). */
const FRAMING = new Set<PhaseKind>(['context', 'requirements']);

const NO_KINDS: readonly PhaseKind[] = [];

/** A part may start under `inherited` when the parent heading names it too, or when it can stand there at all. */
function fitsUnder(kind: PhaseKind, inherited: PhaseKind | undefined, named: readonly PhaseKind[]): boolean {
  return !inherited || named.includes(kind) || allowedUnder(kind, inherited);
}

function allowedUnder(kind: PhaseKind, parent: PhaseKind): boolean {
  if (!FRAMING.has(kind)) return true;
  return parent === 'context' || parent === 'requirements';
}

/** Words that may come before a phrase that still leads its heading ("Our API", "The key trade-offs"). */
const LEAD_WORDS = new Set(['the', 'a', 'an', 'our', 'key', 'main', 'core', 'overall', 'general', 'basic', 'brief', 'short', 'more', 'some', 'other', 'final', 'and', 'on', 'about']);

/** Under a part, a sub-heading starts another part only when it says so plainly. */
function clearlyOther(hit: Hit, parts: Hit[], inherited: PhaseKind, words: string[], section: Section): boolean {
  if (hit.entry.generic) return false;
  const kind = hit.entry.kind as PhaseKind;
  // Two phrasings of one part ("Scale assumptions & capacity math"), or a heading its content confirms.
  if (!STICKY.has(inherited) && parts.filter((h) => h.entry.kind === kind).length >= 2) return true;
  if (kind === 'estimation' && contentKind(section)?.kind === 'estimation') return true;
  if (hit.entry.placed) return false;
  // An option's drawbacks ("### Option A" > "#### Cons") are still the comparison.
  if (kind === 'risks' && inherited === 'trade-offs') return false;
  // Alternatives and drawbacks are named in so few words that one is enough, wherever they stand.
  if (kind === 'trade-offs' || kind === 'risks') return true;
  if (STICKY.has(inherited)) return hit.words >= 2;
  // The last word is the head noun: "Create package release API", "Lineage store metadata".
  if (HEAD_KINDS.has(kind) && hit.start + hit.words === words.length) return true;
  return hit.words >= 2 || leads(hit, words);
}

/** Parts that often sit inside a design section under a heading that ends with their name. */
const HEAD_KINDS = new Set<PhaseKind>(['api', 'data-model', 'caching', 'security', 'reliability', 'estimation']);

function leads(hit: Hit, words: string[]): boolean {
  for (let i = 0; i < hit.start; i++) if (!LEAD_WORDS.has(words[i])) return false;
  return true;
}

/** Connectors between coordinated phrases: "Caching and CDN", "Monitoring & alerting", "Rollout/scaling". */
const COORDINATE = new Set(['and', 'or']);
/** After these, the phrase that follows only qualifies the one before: "Operational aspects of API extensions". */
const QUALIFIERS = new Set(['of', 'for', 'on', 'in', 'to', 'with', 'about', 'behind', 'under']);

/**
 * The hit that says what the heading is about. Specific words beat general ones; then more words.
 * Between equals, a phrase qualified by "of"/"for" and coordinated phrases ("X and Y", "X, Y") keep the
 * first; otherwise the phrase further right wins, as English puts the head noun last ("Database scaling").
 */
function pick(hits: Hit[], words: string[]): Hit | undefined {
  let best: Hit | undefined;
  // "Prior art, alternatives and future possibilities": the part the heading names most often is its subject.
  const named = (h: Hit) => hits.filter((o) => o.entry.kind === h.entry.kind && !o.entry.generic).length;
  for (const h of hits) {
    if (!best) best = h;
    else if (!!h.entry.generic !== !!best.entry.generic) best = h.entry.generic ? best : h;
    else if (!h.entry.generic && !h.entry.placed && !best.entry.placed && named(h) !== named(best)) best = named(h) > named(best) ? h : best;
    else if (!!h.entry.placed !== !!best.entry.placed) {
      // A word whose meaning depends on its place loses, unless it ends the heading ("Final architecture summary").
      const placed = h.entry.placed ? h : best;
      const other = placed === h ? best : h;
      best = placed.start + placed.words === words.length && placed.start > other.start ? placed : other;
    } else if (h.words !== best.words) best = h.words > best.words ? h : best;
    else if (h.start !== best.start) {
      const [left, right] = h.start < best.start ? [h, best] : [best, h];
      best = firstWins(left, right, words) ? left : right;
    }
  }
  return best;
}

function firstWins(left: Hit, right: Hit, words: string[]): boolean {
  // An activity that leads its heading is its subject: "Monitoring OTel-Arrow performance", "Caching user feeds".
  if (left.start === 0 && left.words === 1 && left.phrase.endsWith('ing')) return true;
  const between = words.slice(left.start + left.words, right.start);
  // "Protocol details": a compound noun, whose head is the last word.
  if (between.length === 0) return false;
  return between.some((w) => QUALIFIERS.has(w)) || between.every((w) => COORDINATE.has(w));
}

interface TitleReading {
  hits: Hit[];
  /** The heading's words as matched (plurals folded, typos corrected). */
  words: string[];
  /** Set when the heading names options: "Option 2", "X vs Y", "X or Y?". */
  shape?: string;
  /** "Solution: throttling requests": a part's name written as the heading's label says what it is. */
  labelled?: Hit;
}

const OPTION_LABEL = /^(?:option|alternative|approach|choice|solution|design)\s*(?:#\s*)?(?:\d+|[a-h]|one|two|three|four|i{1,3}|iv)\b/;
/** "Option: custom data formats", "Alternative - a sidecar": a label written with a colon or dash. */
const OPTION_COLON = /^[\s*_`]*(?:option|alternative|approach)\s*[:\-–—]/i;
/** A short label before a colon: "Solution: …", "Proposal: …", "Step 3 - Design deep dive: …". */
const LABEL_PREFIX = /^[\s*_`]*([^:]{2,30}?)\s*:\s+\S/;
const VERSUS = / (?:vs|versus) /;
const PARENTHESIZED = /\([^)]*\)|\[[^\]]*\]/g;
/** Headings longer than this are sentences: only their first words are read for a part's name. */
const LONG_TITLE_WORDS = 10;
const QUESTION_OR = /\S \bor\b \S/;

let titleMemo = new Map<string, TitleReading>();
const MAX_MEMO = 20_000;

function readTitle(raw: string, normalized: string): TitleReading {
  // The raw title decides the reading (the normalised one is made from it): most titles are read once.
  const seen = rawMemo.get(raw);
  if (seen) return seen;
  const question = /[?？]\s*$/.test(raw);
  // "Storage math (IOPS vs. throughput)": options compared in an aside do not make the heading a comparison.
  const versus = MAY_COMPARE.test(raw) && VERSUS.test(` ${normalizeHeading(raw.replace(PARENTHESIZED, ' '))} `);
  const option = OPTION_COLON.test(raw);
  const key = `${question ? '?' : ''}${versus ? 'v' : ''}${option ? 'o' : ''}|${normalized}`;
  let reading = titleMemo.get(key);
  if (reading) return reading;
  reading = scanTitle(normalized, question, versus || option);
  const prefix = LABEL_PREFIX.exec(raw);
  if (prefix && !reading.shape) {
    const words = normalizeHeading(prefix[1]).split(' ').map(foldWord);
    const entry = VOCABULARY.get(words.join(' '));
    if (entry && entry.kind !== 'none') reading = { ...reading, labelled: { entry: { ...entry, generic: false, placed: false }, phrase: words.join(' '), start: 0, words: words.length, typo: false } };
  }
  if (titleMemo.size >= MAX_MEMO) titleMemo = new Map();
  titleMemo.set(key, reading);
  if (rawMemo.size >= MAX_MEMO) rawMemo = new Map();
  rawMemo.set(raw, reading);
  return reading;
}

let rawMemo = new Map<string, TitleReading>();
/** Only a title with one of these words can compare options ("Push vs pull"). */
const MAY_COMPARE = /vs|versus/i;

/** Forgets remembered heading readings (for a first-analysis measurement). */
export function clearTitleMemo(): void {
  titleMemo = new Map();
  rawMemo = new Map();
  nearMemo = new Map();
}

function scanTitle(normalized: string, question: boolean, versus: boolean): TitleReading {
  if (normalized === '') return { hits: [], words: [] };
  const words = normalized.split(' ', MAX_TITLE_WORDS);
  const choice = question && words.length <= 6 && (QUESTION_OR.test(normalized) || normalized.includes('还是'));
  const shape = OPTION_LABEL.test(normalized) ? words.slice(0, 2).join(' ') : versus || choice ? normalized : undefined;
  if (shape) return { hits: [], words, shape };
  const typo: boolean[] = [];
  const folded = words.map((w, i) => {
    const f = foldWord(w);
    // Only long words are corrected: short ones are too often another real word ("tracking", "tracing").
    if (VOCABULARY_WORDS.has(f) || f.length < MIN_TYPO_LENGTH) return f;
    const fixed = nearWord(f);
    typo[i] = fixed !== undefined;
    return fixed ?? f;
  });
  const hits: Hit[] = [];
  // Chinese words hold several terms each: the longest term found in a word is a hit on that word.
  for (let i = 0; i < folded.length; i++) {
    if (!HAN.test(folded[i])) continue;
    const found = CJK_TERMS.find(([term]) => folded[i].includes(term));
    if (found) hits.push({ entry: found[1], phrase: found[0], start: i, words: 1, typo: false });
  }
  // A sentence used as a heading names its subject first; phrases deep inside it are not its topic.
  const reach = folded.length > LONG_TITLE_WORDS ? 2 : folded.length;
  for (let i = 0; i < reach; i++) {
    let key = '';
    for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= folded.length; n++) {
      key = n === 1 ? folded[i] : `${key} ${folded[i + n - 1]}`;
      if (!PHRASE_STARTS.has(key)) break;
      const entry = VOCABULARY.get(key);
      if (!entry || (entry.whole && n !== folded.length) || (entry.leading && i !== 0)) continue;
      let fixed = false;
      for (let k = i; k < i + n; k++) fixed ||= typo[k] === true;
      hits.push({ entry, phrase: key, start: i, words: n, typo: fixed });
    }
  }
  // A phrase inside a longer hit of the same span ("level design" inside "high level design") adds nothing.
  return { words: folded, hits: hits.filter((h) => !hits.some((o) => o !== h && o.words > h.words && o.start <= h.start && o.start + o.words >= h.start + h.words)) };
}

const MIN_TYPO_LENGTH = 9;
const HAN = /\p{Script=Han}/u;
const byLength = new Map<number, string[]>();
for (const word of VOCABULARY_WORDS) {
  const list = byLength.get(word.length);
  if (list) list.push(word);
  else byLength.set(word.length, [word]);
}

/** The vocabulary word one edit away (a letter missing, extra, wrong or two swapped), if exactly one is. */
let nearMemo = new Map<string, string | null>();

/** The one vocabulary word a long word is a single edit away from, if exactly one. */
function nearWord(word: string): string | undefined {
  const known = nearMemo.get(word);
  if (known !== undefined) return known ?? undefined;
  const found = readNearWord(word);
  if (nearMemo.size >= MAX_MEMO) nearMemo = new Map();
  nearMemo.set(word, found ?? null);
  return found;
}

function readNearWord(word: string): string | undefined {
  let found: string | undefined;
  for (let len = word.length - 1; len <= word.length + 1; len++) {
    for (const candidate of byLength.get(len) ?? []) {
      if (candidate.length < MIN_TYPO_LENGTH - 1 || !oneEdit(word, candidate)) continue;
      if (found && found !== candidate) return undefined;
      found = candidate;
    }
  }
  return found;
}

function oneEdit(a: string, b: string): boolean {
  if (a.length === b.length) {
    let first = -1;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (first >= 0) {
        // Two differences: only a swap of neighbours is one edit.
        return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
      }
      first = i;
    }
    return first >= 0;
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

interface ContentGuess {
  kind: PhaseKind;
  reason: string;
}

/** A section whose heading says nothing: arithmetic is an estimate, CREATE TABLE a data model, endpoints an API. */
function contentKind(section: Section): ContentGuess | undefined {
  let arithmetic = 0;
  let endpoints = 0;
  let schema = false;
  for (const block of section.blocks) {
    const s = signals(block);
    arithmetic += s.arithmetic;
    endpoints += s.endpoints;
    schema ||= s.schema;
  }
  if (schema) return { kind: 'data-model', reason: 'it defines tables or fields' };
  if (endpoints >= 2) return { kind: 'api', reason: `it lists ${endpoints} endpoints` };
  if (arithmetic >= 2) return { kind: 'estimation', reason: `it computes with numbers (${arithmetic} lines)` };
  return undefined;
}

/**
 * Headings whose meaning depends on their place: "Summary" or "Overview" opens a document (context)
 * or closes it (wrap-up); "Scale" before any design is the estimate, after it the scaling plan.
 */
function placeByPosition(doc: ParsedDocument, classes: Map<Section, SectionClass>): void {
  const order = doc.sections;
  const firstDesign = order.findIndex((s) => {
    const c = classes.get(s);
    return c?.starts === true && c.kind !== undefined && DESIGN.has(c.kind);
  });
  let lastPart = -1;
  order.forEach((s, i) => {
    const c = classes.get(s);
    if (c?.starts && c.by !== 'place') lastPart = i;
  });
  order.forEach((section, i) => {
    const c = classes.get(section);
    if (!c || c.by !== 'place') return;
    const beforeDesign = firstDesign < 0 || i < firstDesign;
    let kind: PhaseKind | undefined;
    let reason: string;
    if (c.phrase === 'scale' || c.phrase === 'throughput') {
      kind = beforeDesign ? 'estimation' : 'scaling';
      reason = beforeDesign ? `"${section.title}" before the design: the expected load` : `"${section.title}" after the design: how it scales`;
    } else if (c.phrase === 'storage') {
      kind = beforeDesign ? 'estimation' : 'data-model';
      reason = beforeDesign ? '"Storage" before the design: how much is stored' : '"Storage" in the design: where the data lives';
    } else if (c.phrase === 'what is') {
      if (!beforeDesign) {
        // A question about what the system is, in the middle of the design, names no part.
        classes.set(section, { starts: false, also: [], by: 'none', reason: 'the heading names no part of a design document' });
        relabelChildren(section, classes);
        return;
      }
      kind = 'context';
      reason = `"${section.title}" opens the document: what the system is`;
    } else if (c.phrase === 'question' && comparesOptions(section, classes)) {
      kind = 'trade-offs';
      reason = 'questions answered by comparing options under it';
    } else if (c.phrase === 'question') {
      kind = beforeDesign ? 'requirements' : 'open-questions';
      reason = beforeDesign ? 'questions before the design: clarifying the problem' : 'questions after the design: still open';
    } else if (c.facet === 'capabilities') {
      kind = beforeDesign ? 'requirements' : 'deep-dive';
      reason = beforeDesign ? `"${section.title}" before the design: what it must do` : `"${section.title}" after the design: what it does`;
    } else if (c.facet === 'considerations') {
      kind = beforeDesign ? 'context' : 'wrap-up';
      reason = beforeDesign ? `"${section.title}" before the design: what frames it` : `"${section.title}" after the design: what is left`;
    } else if (i > lastPart && !beforeDesign) {
      kind = c.phrase === 'overview' ? 'high-level-design' : 'wrap-up';
      reason = `"${section.title}" closes the document`;
    } else if (beforeDesign) {
      kind = 'context';
      reason = `"${section.title}" opens the document`;
    } else {
      kind = c.phrase === 'overview' ? 'high-level-design' : 'context';
      reason = `"${section.title}" in the middle of the design`;
    }
    const parentKind = section.parent ? classes.get(section.parent)?.kind : undefined;
    if (parentKind && parentKind !== kind) {
      // Under another part, a placed word just continues it ("### Summary" inside a deep dive).
      classes.set(section, { kind: parentKind, starts: false, also: [], facet: classes.get(section.parent!)?.facet, by: 'parent', reason: `inside "${section.parent!.title}"` });
      relabelChildren(section, classes);
      return;
    }
    classes.set(section, { ...c, kind, facet: c.facet, reason });
    relabelChildren(section, classes);
  });
}

/** "Key questions" whose sub-sections are "Option 1 / Option 2": the questions are settled by a comparison. */
function comparesOptions(section: Section, classes: Map<Section, SectionClass>): boolean {
  let options = 0;
  for (const child of section.children) if (classes.get(child)?.by === 'shape') options++;
  return options >= 2;
}

/** Children that continued a re-placed section continue its new kind; those that started it now continue it. */
function relabelChildren(section: Section, classes: Map<Section, SectionClass>): void {
  const kind = classes.get(section)?.kind;
  for (const child of section.children) {
    const c = classes.get(child);
    if (c && !c.starts && c.by === 'parent') {
      classes.set(child, { ...c, kind });
      relabelChildren(child, classes);
    } else if (c && c.starts && c.kind === kind) {
      classes.set(child, { ...c, starts: false });
    }
  }
}
