// Maps the document's classified sections onto a framework's phases: a section of kind K belongs to the
// framework's phase of kind K (or one that covers K); a phrasing the framework lists itself wins.
import { normalizeHeading } from '../headingText';
import { classifySections, clearTitleMemo, type SectionClass } from '../sections/classify';
import { foldPhrase, foldWord, leadingRuns } from '../sections/vocabulary';
import type { FrameworkDef, ParsedDocument, PhaseDef, PhaseKind, Section } from '../types';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

export interface PhaseMatch {
  phase: PhaseDef;
  /** The normalised phrasing that matched, when a heading's words decided it. */
  phrase: string;
  /** Why the section is this phase, when its class decided it (see matchReason). */
  reason?: string;
  /** True when one of the framework's own phrasings decided it (detection prefers such frameworks). */
  own?: boolean;
}

interface FrameworkIndex {
  /** Folded phrasings the framework lists itself → its phase and word count. */
  phrasings: Map<string, OwnPhrasing>;
  maxWords: number;
  byKind: Map<PhaseKind, PhaseDef>;
  /** Normalised title → its own phrasing (null: none). Titles repeat across keystrokes and detection runs. */
  memo: Map<string, OwnPhrasing | null>;
  memoGeneration: number;
}

type OwnPhrasing = { phase: PhaseDef; words: number; text: string };
const MEMO_LIMIT = 4096;

const indexes = new WeakMap<FrameworkDef, FrameworkIndex>();
/** Bumped by clearMatchMemo: each index's title memo starts empty again. */
let memoGeneration = 0;

function indexOf(framework: FrameworkDef): FrameworkIndex {
  let index = indexes.get(framework);
  if (index) return index;
  const phrasings = new Map<string, OwnPhrasing>();
  const byKind = new Map<PhaseKind, PhaseDef>();
  let maxWords = 0;
  for (const phase of framework.phases) {
    if (!byKind.has(phase.kind)) byKind.set(phase.kind, phase);
    for (const heading of phase.headings ?? []) {
      const text = phrasingKey(heading);
      if (text === '' || phrasings.has(text)) continue;
      const words = text.split(' ').length;
      maxWords = Math.max(maxWords, words);
      phrasings.set(text, { phase, words, text });
    }
  }
  // A phase that covers another kind takes it when no phase is of that kind.
  for (const phase of framework.phases) for (const kind of phase.covers ?? []) if (!byKind.has(kind)) byKind.set(kind, phase);
  indexes.set(framework, (index = { phrasings, maxWords, byKind, memo: new Map(), memoGeneration }));
  return index;
}

/** The framework's own phrasing a heading contains (most words wins), if any. */
function ownPhrasing(title: string, index: FrameworkIndex): OwnPhrasing | undefined {
  if (index.phrasings.size === 0 || title === '') return undefined;
  if (index.memoGeneration !== memoGeneration) {
    index.memo = new Map();
    index.memoGeneration = memoGeneration;
  }
  const known = index.memo.get(title);
  if (known !== undefined) return known ?? undefined;
  const found = readOwnPhrasing(title, index);
  if (index.memo.size >= MEMO_LIMIT) index.memo = new Map();
  index.memo.set(title, found ?? null);
  return found;
}

/**
 * Records what detection already found for a title: `gram` is the framework's longest own phrasing in it
 * (undefined: none), so matching the framework afterwards does not read the title again.
 */
export function rememberOwnPhrasing(framework: FrameworkDef, title: string, gram: Gram | undefined): void {
  const index = indexOf(framework);
  if (index.memoGeneration !== memoGeneration) {
    index.memo = new Map();
    index.memoGeneration = memoGeneration;
  }
  const hit = gram && index.phrasings.get(gram.text);
  if (index.memo.size >= MEMO_LIMIT) index.memo = new Map();
  index.memo.set(title, hit ?? null);
}

function readOwnPhrasing(title: string, index: FrameworkIndex): OwnPhrasing | undefined {
  let best: OwnPhrasing | undefined;
  for (const gram of gramsOf(title)) {
    if (gram.words > index.maxWords || (best && gram.words <= best.words)) continue;
    const hit = index.phrasings.get(gram.text);
    if (hit) best = hit;
  }
  return best;
}

/** A framework heading phrasing as titles are looked up: folded, and no longer than a title's word runs. */
export function phrasingKey(heading: string): string {
  const text = foldPhrase(normalizeHeading(heading));
  // A phrasing longer than titles are cut into is matched by its first MAX_GRAM words.
  const words = text.split(' ', MAX_GRAM + 1);
  const key = words.length > MAX_GRAM ? words.slice(0, MAX_GRAM).join(' ') : text;
  // A title's word runs are cut only as far as some phrasing starts with them: a new start forgets the cut runs.
  for (const start of leadingRuns(key)) {
    if (!phrasingStarts.has(start)) {
      phrasingStarts.add(start);
      gramMemo = new Map();
    }
  }
  return key;
}

/** The leading words of every phrasing made into a key so far: a run of a title's words that is none of them matches nothing. */
const phrasingStarts = new Set<string>();

/** Titles are cut into word runs up to this long; a longer framework phrasing is matched by its start. */
const MAX_GRAM = 12;
export type Gram = { text: string; words: number };
/** Title → its folded word runs, shared by every framework's index (folding is the costly part). */
let gramMemo = new Map<string, Gram[]>();

/** A title's folded word runs (1 to MAX_GRAM words) that start some phrasing, in order of start then length. */
export function gramsOf(title: string): Gram[] {
  let grams = gramMemo.get(title);
  if (grams) return grams;
  const words = title.split(' ', 40).map(foldWord);
  grams = [];
  for (let i = 0; i < words.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_GRAM && i + n <= words.length; n++) {
      key = n === 1 ? words[i] : `${key} ${words[i + n - 1]}`;
      if (!phrasingStarts.has(key)) break;
      grams.push({ text: key, words: n });
    }
  }
  if (gramMemo.size >= MEMO_LIMIT) gramMemo = new Map();
  gramMemo.set(title, grams);
  return grams;
}

/** The framework's phase for a section's class: its kind, else one of the further kinds it names. */
function phaseForClass(c: SectionClass, index: FrameworkIndex): PhaseDef | undefined {
  if (!c.kind) return undefined;
  return index.byKind.get(c.kind) ?? c.also.map((k) => index.byKind.get(k)).find((p) => p !== undefined);
}

/** Forgets remembered heading readings (for a first-analysis measurement). */
export function clearMatchMemo(): void {
  clearTitleMemo();
  gramMemo = new Map();
  memoGeneration++;
}


/** The phases a framework finds in the document. */
export function matchedPhases(doc: ParsedDocument, framework: FrameworkDef): Set<PhaseDef> {
  return new Set([...matchSections(doc, framework).values()].map((m) => m.phase));
}

/**
 * Every section that starts a phase, in document order. A section continuing its parent's phase is
 * part of that parent (not a second occurrence). Parsed documents never change: kept per document.
 */
export function matchSections(doc: ParsedDocument, framework: FrameworkDef): Map<Section, PhaseMatch> {
  let byFramework = matchCache.get(doc);
  if (!byFramework) matchCache.set(doc, (byFramework = new Map()));
  let matches = byFramework.get(framework);
  if (!matches) byFramework.set(framework, (matches = computeMatches(doc, framework)));
  return matches;
}

const matchCache = new ObjectMemo<ParsedDocument, Map<FrameworkDef, Map<Section, PhaseMatch>>>(MEMO_LIMITS.docs);

function computeMatches(doc: ParsedDocument, framework: FrameworkDef): Map<Section, PhaseMatch> {
  const index = indexOf(framework);
  const classes = classifySections(doc);
  const matches = new Map<Section, PhaseMatch>();
  const visit = (section: Section, inherited: PhaseDef | undefined): void => {
    const c = classes.get(section);
    let phase = inherited;
    if (c && c.by !== 'title') {
      const found = ownPhrasing(section.normalizedTitle, index);
      // Inside a part, one word of the framework's does not pull a sub-section out ("Database scaling" under scaling).
      const own = found && (c.by !== 'parent' || found.words >= 2) ? found : undefined;
      const vocabularyWords = c.starts && c.phrase ? wordCount(c.phrase) : 0;
      if (own && own.words >= vocabularyWords) {
        if (own.phase !== inherited) {
          matches.set(section, { phase: own.phase, phrase: own.text, own: true });
          phase = own.phase;
        }
      } else if (c.starts) {
        const mapped = phaseForClass(c, index);
        if (mapped && mapped !== inherited) {
          matches.set(section, { phase: mapped, phrase: c.phrase ?? '', reason: c.reason });
          phase = mapped;
        } else if (!mapped && section.parent === doc.root) {
          // A part this framework does not ask for: at the top it is nobody's; nested, it stays its parent's.
          phase = undefined;
        }
      } else if (c.by === 'none') {
        phase = undefined;
      }
    } else if (c?.by === 'title') {
      // The title is no part, unless the framework itself names it ("## Notes" in a notes framework).
      const own = ownPhrasing(section.normalizedTitle, index);
      phase = own?.phase;
      if (own) matches.set(section, { phase: own.phase, phrase: own.text, own: true });
    }
    for (const child of section.children) visit(child, phase);
  };
  for (const top of doc.root.children) visit(top, undefined);
  return matches;
}

/** Why a section is its phase, for the checklist's tooltip (built only for the rows shown). */
export function matchReason(match: PhaseMatch, framework: FrameworkDef): string {
  return match.reason ?? `heading names "${match.phrase}" (a phrasing of ${framework.title})`;
}

function wordCount(phrase: string): number {
  let n = 1;
  for (let i = phrase.indexOf(' '); i >= 0; i = phrase.indexOf(' ', i + 1)) n++;
  return n;
}

/** The phase each section's own blocks count towards: its own match, else its nearest matched ancestor's. */
export function owningPhase(section: Section, matches: Map<Section, PhaseMatch>): PhaseDef | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    const match = matches.get(s);
    if (match) return match.phase;
  }
  return undefined;
}
