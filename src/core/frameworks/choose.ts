// Picks the framework a document is checked against: forced option > front matter > setting > detection.
import type { FrameworkChoice, LoadedFramework, ParsedDocument, Range } from '../types';
import { indexFrameworks, matchedPhases } from './match';
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
  /** Matched weight over total weight; required phases weigh 2, optional ones 1. */
  score: number;
}

/** Front-matter keys that name a framework, in order of precedence. */
const FRAMEWORK_KEYS = ['sysdesign', 'framework'] as const;
const DETECT_WORDS = new Set(['', 'auto', 'detect', 'true', 'yes', 'on']);
/** A specific framework is detected only when it covers three quarters of its weight and at least three phases;
 * generic headings (requirements, design, trade-offs) alone say nothing about which framework was followed. */
const MIN_SCORE = 0.75;
const MIN_MATCHED = 3;

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
    if (DETECT_WORDS.has(id.toLowerCase())) continue;
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

/** Scores every framework by the share of its phases the document's headings match. */
export function scoreFrameworks(doc: ParsedDocument, frameworks: LoadedFramework[]): DetectionScore[] {
  indexFrameworks(frameworks);
  return frameworks.map((framework) => {
    const matched = matchedPhases(doc, framework);
    let got = 0;
    let total = 0;
    for (const phase of framework.phases) {
      const weight = phase.required ? 2 : 1;
      total += weight;
      if (matched.has(phase)) got += weight;
    }
    return { framework, matched: matched.size, total: framework.phases.length, score: total === 0 ? 0 : got / total };
  });
}

export function detectFramework(doc: ParsedDocument, registry: FrameworkRegistry): FrameworkChoice {
  const frameworks = registry.list();
  const fallback = registry.get(registry.defaultId) ?? frameworks[0];
  const scores = scoreFrameworks(doc, frameworks);
  const defaultScore = scores.find((s) => s.framework === fallback);

  let best: DetectionScore | undefined;
  for (const s of scores) {
    const eligible = s.framework === fallback || (s.score >= MIN_SCORE && s.matched >= MIN_MATCHED);
    // Ties go to the default, then to the earlier framework.
    if (eligible && (!best || s.score > best.score + 1e-9 || (Math.abs(s.score - best.score) <= 1e-9 && s.framework === fallback))) {
      best = s;
    }
  }
  const describe = (s: DetectionScore) => `headings match ${s.matched} of ${s.total} phases of '${s.framework.title}'`;

  if (best && best.matched > 0) {
    return { framework: best.framework, source: 'detected', reason: `detected: ${describe(best)} (best of ${frameworks.length})` };
  }
  const detail = defaultScore ? `; ${describe(defaultScore)}` : '';
  return {
    framework: fallback,
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
