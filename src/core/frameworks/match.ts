// Decides which framework phase, if any, each heading of a document stands for.
import { normalizeHeading } from '../headingText';
import type { FrameworkDef, ParsedDocument, PhaseDef, Section } from '../types';

export interface PhaseMatch {
  phase: PhaseDef;
  /** The normalised phrasing that matched. */
  phrase: string;
}

interface Phrasing {
  framework: FrameworkDef;
  phase: PhaseDef;
  order: number;
  text: string;
  /** ` text `, so whole-word containment is one indexOf. */
  padded: string;
  words: number;
  /** The answer when this phrasing wins, built once (callers only read matches). */
  match: PhaseMatch;
}

/**
 * Phrasings of every framework matched so far, indexed by their first word: a heading's words are
 * looked up once for all frameworks, and a heading is only compared with phrasings that can occur in
 * it. Built from framework definitions only, so it survives clearMatchMemo. Frameworks loaded from a
 * workspace are new objects on every reload: past MAX_INDEXED the index starts over.
 */
let phrasingIndex = new Map<string, Phrasing[]>();
let indexed = new Set<FrameworkDef>();
const MAX_INDEXED = 64;

function ensureIndexed(framework: FrameworkDef): void {
  if (indexed.has(framework)) return;
  if (indexed.size >= MAX_INDEXED) {
    phrasingIndex = new Map();
    indexed = new Set();
  }
  indexed.add(framework);
  framework.phases.forEach((phase, order) => {
    const seen = new Set<string>();
    for (const heading of phase.headings) {
      const text = normalizeHeading(heading);
      if (text === '' || seen.has(text)) continue;
      seen.add(text);
      const words = text.split(' ');
      const entry: Phrasing = { framework, phase, order, text, padded: ` ${text} `, words: words.length, match: { phase, phrase: text } };
      const bucket = phrasingIndex.get(words[0]);
      if (bucket) bucket.push(entry);
      else phrasingIndex.set(words[0], [entry]);
    }
  });
  // Remembered hits were found without this framework's phrasings.
  titleHits.clear();
}

/** Indexes frameworks up front, so matching them one after another keeps the remembered hits. */
export function indexFrameworks(frameworks: readonly FrameworkDef[]): void {
  for (const framework of frameworks) ensureIndexed(framework);
}

/** Every phrasing (of any indexed framework) a heading contains, with where it starts in ` title `. */
interface Hits {
  phrasings: Phrasing[];
  at: number[];
}

const NO_HITS: Hits = { phrasings: [], at: [] };

/**
 * Hits per normalised title. Detection asks about every heading for every framework, and keystrokes
 * rarely change headings: the title's words are scanned once and the answer is kept (content-derived,
 * so clearMatchMemo forgets it).
 */
let titleHits = new Map<string, Hits>();
const MAX_MEMO = 20_000;

function hitsFor(title: string): Hits {
  let hits = titleHits.get(title);
  if (hits) return hits;
  const padded = ` ${title} `;
  // Words found by scanning, not split(). A repeated word adds the same hits again, which cannot change the best one.
  for (let start = 0; start < title.length; ) {
    let end = title.indexOf(' ', start);
    if (end < 0) end = title.length;
    const bucket = phrasingIndex.get(title.slice(start, end));
    start = end + 1;
    if (!bucket) continue;
    for (const p of bucket) {
      const at = padded.indexOf(p.padded);
      if (at < 0) continue;
      if (!hits) hits = { phrasings: [], at: [] };
      hits.phrasings.push(p);
      hits.at.push(at);
    }
  }
  if (titleHits.size >= MAX_MEMO) titleHits.clear();
  titleHits.set(title, (hits ??= NO_HITS));
  return hits;
}

/**
 * The phase a heading names, or undefined. `inherited` is the phase of the nearest matched ancestor:
 * under it, a heading claims a different phase only when it names it clearly — with a phrase of two
 * or more words, or by leading with it — so "Microservices Architecture" inside a scaling section stays
 * part of scaling while "API Design" inside a deep dive becomes the API phase.
 */
export function matchPhase(section: Section, framework: FrameworkDef, inherited?: PhaseDef): PhaseMatch | undefined {
  ensureIndexed(framework);
  return bestMatch(section.normalizedTitle, framework, inherited);
}

/** bestMatch for a framework already in the index. */
function bestMatch(title: string, framework: FrameworkDef, inherited: PhaseDef | undefined): PhaseMatch | undefined {
  if (title === '') return undefined;
  const hits = hitsFor(title);
  let best: Phrasing | undefined;
  let bestAt = -1;
  for (let i = 0; i < hits.phrasings.length; i++) {
    const p = hits.phrasings[i];
    if (p.framework !== framework) continue;
    const at = hits.at[i];
    if (inherited && p.phase !== inherited && p.words < 2 && at !== 0) continue;
    if (!best || better(p, at, best, bestAt)) {
      best = p;
      bestAt = at;
    }
  }
  return best?.match;
}

/** Forgets remembered heading matches (for a first-analysis measurement). */
export function clearMatchMemo(): void {
  titleHits = new Map();
  phaseSetMemo = new WeakMap();
}

/**
 * The phases a framework finds in the document. Matching depends only on the outline (each heading's
 * level and normalised title), which most keystrokes leave alone, and detection asks this of every
 * framework on every keystroke: remembered per framework for the last few outlines.
 */
export function matchedPhases(doc: ParsedDocument, framework: FrameworkDef): Set<PhaseDef> {
  const key = outlineKey(doc);
  let memo = phaseSetMemo.get(framework);
  if (!memo) phaseSetMemo.set(framework, (memo = new Map()));
  let phases = memo.get(key);
  if (!phases) {
    // Only the phases are needed here; the section map is built for the framework the checklist uses.
    const found = new Set<PhaseDef>();
    forEachMatch(doc, framework, (_, match) => found.add(match.phase));
    phases = found;
    if (memo.size >= 4) memo.delete(memo.keys().next().value!);
    memo.set(key, phases);
  }
  return phases;
}

let phaseSetMemo = new WeakMap<FrameworkDef, Map<string, Set<PhaseDef>>>();
const outlines = new WeakMap<ParsedDocument, string>();

function outlineKey(doc: ParsedDocument): string {
  let key = outlines.get(doc);
  if (key === undefined) {
    key = '';
    for (const s of doc.sections) key += `${s.level}${s.normalizedTitle}\n`;
    outlines.set(doc, key);
  }
  return key;
}

/** More words wins; then the phrase further right (English puts the head noun last: "Database Scaling"); then length; then phase order. */
function better(p: Phrasing, at: number, q: Phrasing, qAt: number): boolean {
  if (p.words !== q.words) return p.words > q.words;
  if (at !== qAt) return at > qAt;
  if (p.text.length !== q.text.length) return p.text.length > q.text.length;
  return p.order < q.order;
}

/**
 * Matches every heading of the document. A heading naming the same phase as its matched ancestor is
 * part of that ancestor (not a duplicate). A lone level-1 heading with sub-headings is the document's
 * title and is never a phase.
 */
export function matchSections(doc: ParsedDocument, framework: FrameworkDef): Map<Section, PhaseMatch> {
  // Asked again for the same document (checklist, views): remember the result per parsed document
  // (documents are not changed after parsing). Read-only.
  let byFramework = matchCache.get(doc);
  if (!byFramework) matchCache.set(doc, (byFramework = new WeakMap()));
  let matches = byFramework.get(framework);
  if (!matches) byFramework.set(framework, (matches = computeMatches(doc, framework)));
  return matches;
}

const matchCache = new WeakMap<ParsedDocument, WeakMap<FrameworkDef, Map<Section, PhaseMatch>>>();

function computeMatches(doc: ParsedDocument, framework: FrameworkDef): Map<Section, PhaseMatch> {
  const matches = new Map<Section, PhaseMatch>();
  forEachMatch(doc, framework, (section, match) => matches.set(section, match));
  return matches;
}

/** Calls `found` for every heading that starts a phase, depth first (document order). */
function forEachMatch(doc: ParsedDocument, framework: FrameworkDef, found: (section: Section, match: PhaseMatch) => void): void {
  ensureIndexed(framework);
  const title = documentTitle(doc);
  const visit = (section: Section, inherited: PhaseDef | undefined): void => {
    let phase = inherited;
    if (section.level > 0 && section !== title) {
      const match = bestMatch(section.normalizedTitle, framework, inherited);
      if (match && match.phase !== inherited) {
        found(section, match);
        phase = match.phase;
      }
    }
    for (const child of section.children) visit(child, phase);
  };
  visit(doc.root, undefined);
}

/** The lone level-1 heading with sub-headings, if there is one. */
function documentTitle(doc: ParsedDocument): Section | undefined {
  let title: Section | undefined;
  for (const s of doc.sections) {
    if (s.level !== 1) continue;
    if (title) return undefined;
    title = s;
  }
  return title && title.children.length > 0 ? title : undefined;
}

/** The phase each section's own blocks count towards: its own match, else its nearest matched ancestor's. */
export function owningPhase(section: Section, matches: Map<Section, PhaseMatch>): PhaseDef | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    const match = matches.get(s);
    if (match) return match.phase;
  }
  return undefined;
}
