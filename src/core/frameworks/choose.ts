// Picks the framework a document is checked against: forced option > front matter > setting > detection.
import { GENRE_NAMES, readGenre } from '../sections/genre';
import type { FrameworkChoice, Genre, LoadedFramework, ParsedDocument, Range } from '../types';
import { gramsOf, matchSections, phrasingKey, rememberOwnPhrasing, type Gram } from './match';
import type { FrameworkRegistry } from './registry';

export interface FrameworkProblem {
  message: string;
  range: Range;
}

export interface ChooseOptions {
  /** From the caller (CLI `--framework`); wins over everything. */
  forced?: string;
  /** From settings; used when the document names no framework. Empty, `auto` or `detect` mean "detect". */
  setting?: string;
}

export interface FrameworkChoiceResult {
  choice: FrameworkChoice;
  problems: FrameworkProblem[];
}

export interface DetectionScore {
  framework: LoadedFramework;
  matched: number;
  total: number;
  /** Sections matched by phrasings few frameworks share: the author wrote this framework's words. */
  own: number;
  /** Matched weight over total weight; required phases weigh 2, optional ones 1. */
  score: number;
}

/** Front-matter keys that name a framework, in order of precedence. */
const FRAMEWORK_KEYS = ['sysdesign', 'framework'] as const;
const DETECT_WORDS = new Set(['', 'auto', 'detect', 'true', 'yes', 'on']);
/** `sysdesign: no` opts a file out of folder walks; checked anyway (named on the command line), it names no framework. */
const OPT_OUT_WORDS = new Set(['false', 'no', 'off', 'none']);
/** A specific framework is detected only when it covers three quarters of its weight and at least three phases;
 * generic headings (requirements, design, trade-offs) alone say nothing about which framework was followed. */
const MIN_SCORE = 0.75;
const MIN_MATCHED = 3;
const MIN_OWN = 2;
/** A phrasing listed by at most this many frameworks is distinctive. */
const DISTINCT_USE = 2;

/** For a set of frameworks: each phrasing key → the frameworks that list it. */
type PhrasingOwners = Map<string, LoadedFramework[]>;

/** The last few framework sets and their phrasing owners (the registry changes rarely; detection runs per keystroke). */
const ownersMemo: Array<{ frameworks: readonly LoadedFramework[]; owners: PhrasingOwners }> = [];

function phrasingOwners(frameworks: readonly LoadedFramework[]): PhrasingOwners {
  const same = ownersMemo.find((m) => m.frameworks.length === frameworks.length && m.frameworks.every((f, i) => f === frameworks[i]));
  if (same) return same.owners;
  const owners: PhrasingOwners = new Map();
  for (const framework of frameworks) {
    for (const phase of framework.phases) {
      for (const heading of phase.headings ?? []) {
        const key = phrasingKey(heading);
        const list = owners.get(key);
        if (!list) owners.set(key, [framework]);
        else if (!list.includes(framework)) list.push(framework);
      }
    }
  }
  ownersMemo.unshift({ frameworks: [...frameworks], owners });
  if (ownersMemo.length > 4) ownersMemo.pop();
  return owners;
}

/**
 * Per framework, the sections whose heading's longest phrasing of that framework is one few of the
 * frameworks list: the author wrote that framework's words ("Connect the dots", not "Requirements").
 * One look-up per word run serves every framework.
 */
function ownCounts(doc: ParsedDocument, frameworks: readonly LoadedFramework[]): Map<LoadedFramework, number> {
  const owners = phrasingOwners(frameworks);
  const counts = new Map<LoadedFramework, number>();
  // Per framework (by its place in the list), the longest of its phrasings in the current title.
  const best: Array<Gram | undefined> = new Array(frameworks.length);
  for (const section of doc.sections) {
    if (section.normalizedTitle === '') continue;
    best.fill(undefined);
    for (const gram of gramsOf(section.normalizedTitle)) {
      const list = owners.get(gram.text);
      if (!list) continue;
      for (const f of list) {
        const k = frameworks.indexOf(f);
        const had = best[k];
        if (!had || gram.words > had.words) best[k] = gram;
      }
    }
    for (let k = 0; k < frameworks.length; k++) {
      const gram = best[k];
      const f = frameworks[k];
      if (gram && sharedBy(owners.get(gram.text), f) <= DISTINCT_USE) counts.set(f, (counts.get(f) ?? 0) + 1);
      // What was found here is what matching each framework would look up again.
      rememberOwnPhrasing(f, section.normalizedTitle, gram);
    }
  }
  return counts;
}

/**
 * How many frameworks list a phrasing, counted among the built-ins and `framework` itself: a team's own
 * framework that lists "Clarifying questions" must not make that phrasing ordinary for the built-ins,
 * or adding it would change which built-in a document that never uses it is checked against.
 */
function sharedBy(list: readonly LoadedFramework[] | undefined, framework: LoadedFramework): number {
  let n = 0;
  for (const f of list ?? []) if (f.origin === 'built-in' || f === framework) n++;
  return n;
}

export function chooseFramework(doc: ParsedDocument, registry: FrameworkRegistry, opts: ChooseOptions = {}): FrameworkChoiceResult {
  const problems: FrameworkProblem[] = [];
  const known = () => registry.ids().join(', ');
  const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  const forced = opts.forced?.trim();
  if (forced) {
    const framework = registry.get(forced);
    if (framework) return { choice: { framework, source: 'option', reason: `chosen by option: '${forced}'` }, problems };
    problems.push({ message: `Unknown framework '${forced}' (given as an option). Known: ${known()}.`, range: top });
  }

  for (const key of FRAMEWORK_KEYS) {
    const value = doc.frontMatter.data[key];
    if (value === undefined || value === null || typeof value === 'boolean') continue;
    const range = keyRange(doc, key);
    if (typeof value === 'object') {
      problems.push({ message: `'${key}:' must be a framework id such as 'default'. Known: ${known()}.`, range });
      break;
    }
    const id = String(value).trim();
    if (DETECT_WORDS.has(id.toLowerCase()) || OPT_OUT_WORDS.has(id.toLowerCase())) continue;
    const framework = registry.get(id);
    if (framework) {
      return {
        choice: { framework, source: 'front-matter', reason: `front matter: ${key}: ${id} (line ${range.start.line + 1})` },
        problems,
      };
    }
    if (!framework) problems.push({ message: `Unknown framework '${id}'. Known: ${known()}.`, range });
    break;
  }

  const setting = opts.setting?.trim();
  if (setting && !DETECT_WORDS.has(setting.toLowerCase())) {
    const framework = registry.get(setting);
    if (framework) return { choice: { framework, source: 'setting', reason: `setting: '${setting}'` }, problems };
    problems.push({ message: `Unknown framework '${setting}' in the default-framework setting. Known: ${known()}.`, range: top });
  }

  return { choice: detectFramework(doc, registry), problems };
}

/**
 * Scores frameworks by the share of their phases the document's headings match. With `eligible`, only
 * the frameworks it accepts (given their own-phrasing count) are matched in full; the rest score 0.
 */
export function scoreFrameworks(doc: ParsedDocument, frameworks: LoadedFramework[], eligible?: (framework: LoadedFramework, own: number) => boolean): DetectionScore[] {
  const owns = ownCounts(doc, frameworks);
  return frameworks.map((framework) => {
    const own = owns.get(framework) ?? 0;
    if (eligible && !eligible(framework, own)) return { framework, matched: 0, total: framework.phases.length, own, score: 0 };
    const matches = matchSections(doc, framework);
    const matched = new Set([...matches.values()].map((m) => m.phase));
    let got = 0;
    let total = 0;
    for (const phase of framework.phases) {
      const weight = phase.required ? 2 : 1;
      total += weight;
      if (matched.has(phase)) got += weight;
    }
    return { framework, matched: matched.size, total: framework.phases.length, own, score: total === 0 ? 0 : got / total };
  });
}

export function genreOf(framework: { genre?: Genre }): Genre {
  return framework.genre ?? 'interview';
}

/**
 * The genre first (an outline with motivation, rollout and alternatives is a proposal, one with a
 * decision and its consequences a decision record, one with estimates and an API an interview
 * write-up), then the framework of that genre whose phases the headings cover best. Each genre's
 * first framework in the registry is its fallback and wins ties; `default` is the last resort.
 */
export function detectFramework(doc: ParsedDocument, registry: FrameworkRegistry): FrameworkChoice {
  const frameworks = registry.list();
  const fallback = registry.get(registry.defaultId) ?? frameworks[0];
  const reading = readGenre(doc);
  const ofGenre = frameworks.filter((f) => genreOf(f) === reading.genre);
  const genreFallback = ofGenre[0] ?? fallback;
  // A particular framework is chosen only when the headings use its own words (the shared vocabulary
  // alone matches every framework of a genre about equally, and most write-ups take the usual order):
  // only those, and the genre's fallback, are worth matching in full.
  const candidate = (f: LoadedFramework, own: number) => f === genreFallback || own >= MIN_OWN;
  const scores = scoreFrameworks(doc, ofGenre.length > 0 ? ofGenre : [fallback], candidate);

  let best: DetectionScore | undefined;
  for (const s of scores) {
    const eligible = s.framework === genreFallback || (s.score >= MIN_SCORE && s.matched >= MIN_MATCHED && s.own >= MIN_OWN);
    // Ties go to the framework whose own words the headings use, then to the genre's fallback, then to the earlier one.
    const tie = best !== undefined && Math.abs(s.score - best.score) <= 1e-9;
    if (eligible && (!best || s.score > best.score + 1e-9 || (tie && (s.own > best.own || (s.own === best.own && s.framework === genreFallback))))) {
      best = s;
    }
  }
  const describe = (s: DetectionScore) => `headings match ${s.matched} of ${s.total} phases of '${s.framework.title}'`;
  const why = reading.evidence.length > 0 ? `reads as ${GENRE_NAMES[reading.genre]} (${reading.evidence.slice(0, 3).map((t) => `"${t}"`).join(', ')}); ` : '';

  if (best && best.matched > 0) {
    return { framework: best.framework, source: 'detected', reason: `detected: ${why}${describe(best)}` };
  }
  const chosen = genreFallback;
  const score = scores.find((s) => s.framework === chosen);
  const detail = score ? `; ${describe(score)}` : '';
  return {
    framework: chosen,
    source: 'default',
    reason: `default: no framework named in front matter or settings, and the headings fit none of ${frameworks.length}${detail}`,
  };
}

/** Range of `key:` ... end of line inside the front matter; the first line when not found. */
function keyRange(doc: ParsedDocument, key: string): Range {
  const fm = doc.frontMatter;
  const pattern = new RegExp(`^(\\s*)["']?${key}["']?\\s*:`);
  for (let line = fm.startLine + 1; line < fm.endLine - 1; line++) {
    const text = doc.lines[line] ?? '';
    const m = pattern.exec(text);
    if (m) return { start: { line, character: m[1].length }, end: { line, character: text.trimEnd().length } };
  }
  return { start: { line: fm.startLine, character: 0 }, end: { line: fm.startLine, character: 3 } };
}
