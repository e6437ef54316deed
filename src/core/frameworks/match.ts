// Decides which framework phase, if any, each heading of a document stands for.
import { normalizeHeading } from '../headingText';
import type { FrameworkDef, ParsedDocument, PhaseDef, Section } from '../types';

export interface PhaseMatch {
  phase: PhaseDef;
  /** The normalised phrasing that matched. */
  phrase: string;
}

interface Phrasing {
  phase: PhaseDef;
  order: number;
  text: string;
  /** ` text `, so whole-word containment is one indexOf. */
  padded: string;
  words: number;
}

/** Phrasings indexed by their first word, so a heading is only compared with phrasings that can occur in it. */
const phrasingCache = new WeakMap<FrameworkDef, Map<string, Phrasing[]>>();

function phrasingsByFirstWord(framework: FrameworkDef): Map<string, Phrasing[]> {
  let index = phrasingCache.get(framework);
  if (!index) {
    index = new Map();
    framework.phases.forEach((phase, order) => {
      const seen = new Set<string>();
      for (const heading of phase.headings) {
        const text = normalizeHeading(heading);
        if (text === '' || seen.has(text)) continue;
        seen.add(text);
        const words = text.split(' ');
        const entry: Phrasing = { phase, order, text, padded: ` ${text} `, words: words.length };
        const bucket = index!.get(words[0]);
        if (bucket) bucket.push(entry);
        else index!.set(words[0], [entry]);
      }
    });
    phrasingCache.set(framework, index);
  }
  return index;
}

/**
 * The phase a heading names, or undefined. `inherited` is the phase of the nearest matched ancestor:
 * under it, a heading claims a different phase only when it names it clearly — with a phrase of two
 * or more words, or by leading with it — so "Microservices Architecture" inside a scaling section stays
 * part of scaling while "API Design" inside a deep dive becomes the API phase.
 */
export function matchPhase(section: Section, framework: FrameworkDef, inherited?: PhaseDef): PhaseMatch | undefined {
  const title = section.normalizedTitle;
  if (title === '') return undefined;
  // Detection matches every heading against every framework, on every keystroke: remember the answers.
  let memo = matchMemo.get(framework);
  if (!memo) matchMemo.set(framework, (memo = new Map()));
  const key = inherited ? `${inherited.id}\u0000${title}` : title;
  const known = memo.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = computePhase(title, framework, inherited);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, found ?? null);
  return found;
}

let matchMemo = new WeakMap<FrameworkDef, Map<string, PhaseMatch | null>>();
const MAX_MEMO = 20_000;

/** Forgets remembered heading matches (for a first-analysis measurement). */
export function clearMatchMemo(): void {
  matchMemo = new WeakMap();
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
    phases = new Set([...matchSections(doc, framework).values()].map((m) => m.phase));
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

function computePhase(title: string, framework: FrameworkDef, inherited: PhaseDef | undefined): PhaseMatch | undefined {
  const padded = ` ${title} `;
  const index = phrasingsByFirstWord(framework);
  let best: Phrasing | undefined;
  let bestAt = -1;
  // Words found by scanning, not split(): this runs for every heading against every framework.
  // A repeated word re-checks the same phrasings with the same result, so no de-duplication is needed.
  for (let start = 0; start < title.length; ) {
    let end = title.indexOf(' ', start);
    if (end < 0) end = title.length;
    const bucket = index.get(title.slice(start, end));
    start = end + 1;
    if (!bucket) continue;
    for (const p of bucket) {
      const at = padded.indexOf(p.padded);
      if (at < 0) continue;
      if (inherited && p.phase !== inherited && p.words < 2 && at !== 0) continue;
      if (!best || better(p, at, best, bestAt)) {
        best = p;
        bestAt = at;
      }
    }
  }
  return best && { phase: best.phase, phrase: best.text };
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
  // chooseFramework matches every framework and buildChecklist then matches the chosen one again:
  // remember the result per parsed document (documents are not changed after parsing). Read-only.
  let byFramework = matchCache.get(doc);
  if (!byFramework) matchCache.set(doc, (byFramework = new WeakMap()));
  let matches = byFramework.get(framework);
  if (!matches) byFramework.set(framework, (matches = computeMatches(doc, framework)));
  return matches;
}

const matchCache = new WeakMap<ParsedDocument, WeakMap<FrameworkDef, Map<Section, PhaseMatch>>>();

function computeMatches(doc: ParsedDocument, framework: FrameworkDef): Map<Section, PhaseMatch> {
  const matches = new Map<Section, PhaseMatch>();
  const titles = doc.sections.filter((s) => s.level === 1);
  const title = titles.length === 1 && titles[0].children.length > 0 ? titles[0] : undefined;

  const visit = (section: Section, inherited: PhaseDef | undefined): void => {
    let phase = inherited;
    if (section.level > 0 && section !== title) {
      const match = matchPhase(section, framework, inherited);
      if (match && match.phase !== inherited) {
        matches.set(section, match);
        phase = match.phase;
      }
    }
    for (const child of section.children) visit(child, phase);
  };
  visit(doc.root, undefined);
  return matches;
}

/** The phase each section's own blocks count towards: its own match, else its nearest matched ancestor's. */
export function owningPhase(section: Section, matches: Map<Section, PhaseMatch>): PhaseDef | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    const match = matches.get(s);
    if (match) return match.phase;
  }
  return undefined;
}
