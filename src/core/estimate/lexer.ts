// Splits one estimate line into tokens with exact offsets; marks prose noise (dates, URLs, code) as junk.
import { scanNumber } from './numbers';

export type TokKind =
  | 'num' // number literal; value set
  | 'word'
  | 'op' // + - * / ^
  | 'rel' // = ≈ ~ → =>
  | 'arrow' // -> (conversion or relation, the parser decides)
  | 'lp'
  | 'rp'
  | 'q'
  | 'dollar'
  | 'pct'
  | 'comma'
  | 'hash'
  | 'junk';

export interface Token {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  /** Numeric value of a `num`. */
  value?: number;
  /** Significant figures of a `num` as written. */
  sig?: number;
  /** Canonical operator or relation: `*`, `/`, `≈`... */
  op?: string;
  /** No whitespace between this token and the previous one. */
  glued: boolean;
  /** Why a junk token is junk, for strict error messages. */
  note?: string;
}

export interface LexOptions {
  /** Lenient (prose) lines also treat `5-10` ranges as junk. */
  lenient: boolean;
}

// Multi-character spellings: LaTeX commands, mis-decoded UTF-8 (×, ÷, ≈, → read as Windows-1252).
const SPELLINGS: [string, TokKind, string][] = [
  ['\\approx', 'rel', '≈'], ['\\sim', 'rel', '~'], ['\\simeq', 'rel', '≈'], ['\\rightarrow', 'rel', '→'],
  ['\\Rightarrow', 'rel', '=>'], ['\\to', 'rel', '→'], ['\\times', 'op', '*'], ['\\cdot', 'op', '*'],
  ['\\div', 'op', '/'],
  ['Ã—', 'op', '*'], ['Ã·', 'op', '/'], ['Â·', 'op', '*'], ['â‰ˆ', 'rel', '≈'], ['â†’', 'rel', '→'],
  ['â‡’', 'rel', '=>'], ['=>', 'rel', '=>'], ['==', 'rel', '='], ['->', 'arrow', '->'], ['**', 'junk', ''],
  ['<=', 'junk', ''], ['>=', 'junk', ''], ['!=', 'junk', ''],
];

/** Spellings by first character, in table order (the first that matches wins). */
const SPELLINGS_BY_START = new Map<string, (typeof SPELLINGS)[number][]>();
for (const sp of SPELLINGS) {
  const list = SPELLINGS_BY_START.get(sp[0][0]);
  if (list) list.push(sp);
  else SPELLINGS_BY_START.set(sp[0][0], [sp]);
}

const SINGLE: Record<string, [TokKind, string]> = {
  '+': ['op', '+'], '-': ['op', '-'], '−': ['op', '-'], '×': ['op', '*'], '*': ['op', '*'], '·': ['op', '*'],
  '∙': ['op', '*'], '⋅': ['op', '*'], '/': ['op', '/'], '÷': ['op', '/'], '^': ['op', '^'],
  '=': ['rel', '='], '≈': ['rel', '≈'], '~': ['rel', '~'], '∼': ['rel', '~'], '≃': ['rel', '≈'],
  '≅': ['rel', '≈'], '→': ['rel', '→'], '⇒': ['rel', '=>'], '⟶': ['rel', '→'],
  '(': ['lp', '('], ')': ['rp', ')'], '?': ['q', '?'], '$': ['dollar', '$'], '%': ['pct', '%'],
  ',': ['comma', ','], '#': ['hash', '#'],
};

const SINGLE_BY_CHAR = new Map(Object.entries(SINGLE));

const WORD = /[\p{L}_][\p{L}\p{N}_]*(?:['’-][\p{L}\p{N}_]+)*/uy;
const URL = /[a-z][a-z0-9+.-]*:\/\/\S*|www\.\S+/iy;
const DATE = /\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?/y;
/** Clock times and ratios (10:30, 100:1). */
const CLOCK = /\d+:\d+(?::\d+)?/y;
const VERSION = /\d+\.\d+\.\d+[\w.-]*/y;
const LATEX_CMD = /\\[A-Za-z]+/;
const MAYBE_URL = /:\/\/|www\./i;
const LATEX_SKIP = /\\(?:text|mathrm|mathbf|mathit|mathsf|boldsymbol|operatorname|displaystyle|textstyle|left|right|big|Big|quad|qquad|space|thinspace|enspace|hspace|,|;|!|:| )/y;
/** A backslash before punctuation escapes it (GitBook and Pandoc exports write `2B \* 12`). */
const ESCAPABLE = new Set(['*', '_', '=', '+', '-', '~', '#', '%', '|', '<', '>', '(', ')', '[', ']', '.', '!', '`', '$', '&']);

function at(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Dates, versions and clock times at a digit; each pattern needs a telltale character after the first digit run. */
function noiseAt(text: string, i: number): string | undefined {
  let j = i;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return undefined;
  const next = text.charCodeAt(j);
  if (next === 45 /* - */) return j - i === 4 ? at(DATE, text, i) : undefined;
  if (next === 46 /* . */) return at(VERSION, text, i);
  if (next === 58 /* : */) return at(CLOCK, text, i);
  return undefined;
}

/**
 * `x` or `X` glued to the digits after it, after a value: `50 M X100`, `3x4`, `2 x1.5`. Not hex (`0x1F`):
 * the digits must end the word.
 */
function timesBeforeDigits(text: string, i: number, previous: Token | undefined): boolean {
  if (!previous || (previous.kind !== 'num' && previous.kind !== 'word' && previous.kind !== 'rp')) return false;
  if (previous.kind === 'num' && previous.end === i && previous.text === '0') return false;
  let j = i + 1;
  if (!isDigit(text.charCodeAt(j)) || /^x(?:86|64)\b/i.test(text.slice(i, i + 4))) return false;
  while (j < text.length && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44)) j++;
  return j >= text.length || !isAsciiWordChar(text.charCodeAt(j)) || /[KMBkmbT]\b/.test(text.slice(j, j + 2));
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * The end of the word at `i` (-1 when none). An ASCII word that ends at ASCII punctuation or space is read by hand; anything
 * that could continue it under the Unicode pattern (letters beyond ASCII, `'`, `’`, `-`) uses WORD.
 */
function wordEnd(text: string, i: number, code: number): number {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) {
    let j = i + 1;
    while (j < text.length && isAsciiWordChar(text.charCodeAt(j))) j++;
    const next = j < text.length ? text.charCodeAt(j) : 32;
    if (next < 128 && next !== 39 /* ' */ && next !== 45 /* - */) return j;
  }
  WORD.lastIndex = i;
  return WORD.test(text) ? WORD.lastIndex : -1;
}

/**
 * Positions of backticks and math delimiters that only frame an estimate (`` `3M * 150KB => 450 GB` ``,
 * GitHub math `` $`10^6 / 86400 = 12`$ ``): the lexer reads through them. Code that is not arithmetic
 * stays one junk token.
 */
function transparentDelimiters(text: string): Set<number> | undefined {
  let found: Set<number> | undefined;
  for (let i = text.indexOf('`'); i >= 0 && i < text.length; ) {
    let run = 1;
    while (text.charCodeAt(i + run) === 96) run++;
    const close = text.indexOf('`'.repeat(run), i + run);
    if (close < 0) break;
    const body = text.slice(i + run, close);
    if (ESTIMATE_LIKE.test(body)) {
      found ??= new Set();
      for (let k = 0; k < run; k++) {
        found.add(i + k);
        found.add(close + k);
      }
      // GitHub math: `$` right outside the backticks.
      if (text.charCodeAt(i - 1) === 36) found.add(i - 1);
      if (text.charCodeAt(close + run) === 36) found.add(close + run);
    }
    i = text.indexOf('`', close + run);
  }
  return found;
}

/** A digit and an operator or a relation: the code span holds arithmetic. */
const ESTIMATE_LIKE = /\d[^]*(?:[*×x·/÷^+=≈~→]|->|\\times|\\cdot|\\frac)|(?:[*×·/÷^=≈~→]|->)[^]*\d/;

/** Phrases authors use as relations: `which translates into 23 writes/s`, `is about 1.2 TB`. */
const WORD_RELATIONS: Array<[string[], string]> = [
  [['translates', 'into'], '≈'], [['translates', 'to'], '≈'], [['translate', 'to'], '≈'], [['translate', 'into'], '≈'],
  [['is', 'about'], '≈'], [['is', 'around'], '≈'], [['is', 'roughly'], '≈'], [['is', 'approximately'], '≈'], [['is', 'approx'], '≈'],
  [['comes', 'to'], '≈'], [['works', 'out', 'to'], '≈'], [['adds', 'up', 'to'], '≈'], [['results', 'in'], '≈'],
  [['which', 'is'], '='], [['that', 'is'], '='], [['equals'], '='], [['equal', 'to'], '='], [['gives', 'us'], '='], [['gives'], '='],
  [['roughly'], '≈'], [['approximately'], '≈'], [['approx'], '≈'], [['about'], '≈'], [['around'], '≈'], [['nearly'], '≈'], [['almost'], '≈'],
];

/** WORD_RELATIONS by their first word, in order (words are compared once per token, not per phrase). */
const RELATIONS_BY_FIRST = new Map<string, Array<[string[], string]>>();
for (const entry of WORD_RELATIONS) {
  const list = RELATIONS_BY_FIRST.get(entry[0][0]);
  if (list) list.push(entry);
  else RELATIONS_BY_FIRST.set(entry[0][0], [entry]);
}

/** Whether the words after `toks[k]` are the rest of `words`. */
function restMatches(toks: Token[], k: number, words: string[]): boolean {
  for (let j = 1; j < words.length; j++) {
    const w = toks[k + j];
    if (!w || w.kind !== 'word' || w.text.length !== words[j].length || w.text.toLowerCase() !== words[j]) return false;
  }
  return true;
}

const CONNECTIVES = new Set(['which', 'that', 'this', 'it', 'and', 'so', 'what', 'thus']);

/**
 * Turns relation phrases into one relation token each, when a number or an open bracket comes next. A
 * relation token right before (`= about 12K`, `≈ roughly`) absorbs the phrase.
 */
function markWordRelations(toks: Token[], text: string): Token[] {
  // Most lines name no relation in words: keep their array.
  if (!toks.some((t) => t.kind === 'word' && RELATIONS_BY_FIRST.has(t.text.toLowerCase()))) return toks;
  const out: Token[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    let matched: [string[], string] | undefined;
    const entries = t.kind === 'word' ? RELATIONS_BY_FIRST.get(t.text.toLowerCase()) : undefined;
    if (entries) {
      for (const entry of entries) {
        if (!restMatches(toks, k, entry[0])) continue;
        const next = toks[k + entry[0].length];
        if (next && (next.kind === 'num' || next.kind === 'lp' || next.kind === 'dollar' || (next.kind === 'rel' && next.op === '~'))) matched = entry;
        break;
      }
    }
    if (!matched) {
      out.push(t);
      continue;
    }
    const [words, op] = matched;
    const last = toks[k + words.length - 1];
    // `2M uploads/day, which translates into 23/s`: the connecting words before the phrase belong to it.
    while (out.length > 0 && (out[out.length - 1].kind === 'comma' || (out[out.length - 1].kind === 'word' && CONNECTIVES.has(out[out.length - 1].text.toLowerCase())))) out.pop();
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'rel') {
      // `= about 12K`: one relation; an approximate word makes it `≈`.
      prev.end = last.end;
      prev.text = text.slice(prev.start, last.end);
      if (op === '≈') prev.op = '≈';
    } else {
      out.push({ kind: 'rel', text: text.slice(t.start, last.end), start: t.start, end: last.end, value: undefined, sig: undefined, op, glued: t.glued, note: 'words' });
    }
    k += words.length - 1;
  }
  return out;
}

export function tokenize(text: string, opts: LexOptions): Token[] {
  const out: Token[] = [];
  // A line with LaTeX commands or display math uses `$` as math delimiters, not dollars.
  const latex = LATEX_CMD.test(text) || text.includes('$$');
  const see = text.includes('`') ? transparentDelimiters(text) : undefined;
  // \frac{a}{b}: the roles of open braces ('plain' ones are dropped), and whether the next `{` is a fraction's.
  const braces: Array<'plain' | 'num' | 'den'> = [];
  let fracArg: 'num' | 'den' | undefined;
  // A link needs `://` or `www.`; without either the URL pattern is not tried per word.
  const links = MAYBE_URL.test(text);
  let i = 0;
  let glued = false;
  // Every token has the same fields, so the parser's reads stay monomorphic.
  const push = (kind: TokKind, start: number, end: number, op: string | undefined, note: string | undefined) => {
    out.push({ kind, text: text.slice(start, end), start, end, value: undefined, sig: undefined, op, glued, note });
    glued = true;
  };
  // Dispatch on the character code: `text[i]` is only read for the rarer symbols below.
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 0xa0 || code === 0xc2 /* Â */) {
      i++;
      glued = false;
      continue;
    }
    if (see?.has(i)) {
      i++;
      glued = false;
      continue;
    }
    // `$$`: display math delimiters, never two dollar signs.
    if (code === 36 && text.charCodeAt(i + 1) === 36) {
      i += 2;
      glued = false;
      continue;
    }
    if (latex && code === 123 /* { */) {
      const role = fracArg ?? 'plain';
      braces.push(role);
      fracArg = undefined;
      if (role !== 'plain') push('lp', i, i + 1, '(', undefined);
      i++;
      continue;
    }
    if (latex && code === 125 /* } */) {
      const role = braces.pop() ?? 'plain';
      if (role !== 'plain') push('rp', i, i + 1, ')', undefined);
      if (role === 'num') {
        // The denominator's brace follows, perhaps after spaces: the fraction bar sits between them.
        let j = i + 1;
        while (text.charCodeAt(j) === 32) j++;
        if (text.charCodeAt(j) === 123) {
          push('op', i, i + 1, '/', undefined);
          fracArg = 'den';
        }
      }
      i++;
      continue;
    }
    if (latex && code === 36 /* $ */) {
      i++;
      continue;
    }
    if (code === 92 /* \ */ && ESCAPABLE.has(text[i + 1] ?? '')) {
      // An escaped operator is that operator; the backslash is only Markdown's.
      i++;
      continue;
    }
    if (latex && code === 92 && text.startsWith('\\frac', i) && !/[A-Za-z]/.test(text[i + 5] ?? '')) {
      fracArg = 'num';
      i += 5;
      continue;
    }
    // Every LATEX_SKIP spelling starts with a backslash.
    if (latex && code === 92) {
      const skip = at(LATEX_SKIP, text, i);
      if (skip) {
        i += skip.length;
        continue;
      }
    }
    if (code === 96 /* ` */) {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? text.length : close + 1;
      push('junk', i, end, undefined, 'inline code');
      i = end;
      continue;
    }
    // Bold markers in prose (`**50M** × 2`) are formatting, not operators.
    if (opts.lenient && (code === 42 /* * */ || code === 95 /* _ */) && text.charCodeAt(i + 1) === code) {
      i += 2;
      continue;
    }
    const folded = code | 32;
    if (folded >= 97 && folded <= 122) {
      // An ASCII letter starts no spelling, number or operator: only a link or a word.
      const link = links ? at(URL, text, i) : undefined;
      if (link && /[:.]/.test(link)) {
        push('junk', i, i + link.length, undefined, 'a link');
        i += link.length;
        continue;
      }
      if (folded === 120 /* x */ && timesBeforeDigits(text, i, out[out.length - 1])) {
        push('op', i, i + 1, '*', undefined);
        i++;
        continue;
      }
      const end = wordEnd(text, i, code);
      push('word', i, end, undefined, undefined);
      i = end;
      continue;
    }
    // No spelling or command starts with a digit or `.`.
    if (isDigit(code) || (code === 46 /* . */ && isDigit(text.charCodeAt(i + 1)))) {
      const noise = noiseAt(text, i);
      if (noise) {
        push('junk', i, i + noise.length, undefined, 'a date, time or version');
        i += noise.length;
        continue;
      }
      const n = scanNumber(text, i, opts.lenient)!;
      out.push({
        kind: 'num',
        text: text.slice(i, n.end),
        start: i,
        end: n.end,
        value: n.value,
        sig: n.sig,
        op: undefined,
        glued,
        note: n.badGrouping ? 'bad-grouping' : undefined,
      });
      glued = true;
      i = n.end;
      continue;
    }
    const c = text[i];
    const candidates = SPELLINGS_BY_START.get(c);
    const spellable = candidates !== undefined;
    if (spellable) {
      let sp: (typeof SPELLINGS)[number] | undefined;
      for (const cand of candidates) {
        if (text.startsWith(cand[0], i)) {
          sp = cand;
          break;
        }
      }
      if (sp) {
        push(sp[1], i, i + sp[0].length, sp[2], undefined);
        i += sp[0].length;
        continue;
      }
    }
    if (c === '\\') {
      const m = /\\[A-Za-z]*/y;
      m.lastIndex = i;
      const cmd = m.exec(text)![0];
      const end = i + Math.max(1, cmd.length);
      push('junk', i, end, undefined, `unknown command ${cmd}`);
      i = end;
      continue;
    }
    const s = SINGLE_BY_CHAR.get(c);
    if (s && !spellable) {
      push(s[0], i, i + 1, s[1], undefined);
      i++;
      continue;
    }
    const url = links && ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) ? at(URL, text, i) : undefined;
    if (url && /[:.]/.test(url)) {
      push('junk', i, i + url.length, undefined, 'a link');
      i += url.length;
      continue;
    }
    const wend = wordEnd(text, i, code);
    if (wend > i) {
      push('word', i, wend, undefined, undefined);
      i = wend;
      continue;
    }
    if (s) {
      push(s[0], i, i + 1, s[1], undefined);
      i++;
      continue;
    }
    // Surrogate pairs (emoji) stay one junk token.
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    push('junk', i, i + len, undefined, `'${text.slice(i, i + len)}'`);
    i += len;
  }
  if (opts.lenient) {
    markRanges(out);
    markDashSeparators(out);
    markColonClaims(out);
    return dropDanglingOperators(mergeRelations(markWordRelations(out, text), text));
  }
  return out;
}

/**
 * `- storage - 1 TB overall`, `62 ^ 8 - 2.18e14 which is 200 trillion`: where a spaced dash sits between
 * words, the author uses spaced dashes as punctuation, and none of them on the line is a minus.
 */
function markDashSeparators(toks: Token[]): void {
  const spaced = (k: number) => {
    const t = toks[k];
    return t.kind === 'op' && t.op === '-' && t.text === '-' && !t.glued && k + 1 < toks.length && !toks[k + 1].glued;
  };
  let punctuation = false;
  for (let k = 1; k + 1 < toks.length && !punctuation; k++) {
    if (spaced(k) && toks[k - 1].kind === 'word' && toks[k + 1].kind === 'word') punctuation = true;
  }
  if (!punctuation) return;
  for (let k = 0; k < toks.length; k++) {
    if (spaced(k)) {
      toks[k].kind = 'junk';
      toks[k].note = 'a dash';
    }
  }
}

/** `600 billion messages * 100 KB *  = 60TB`: an operator with nothing after it before a relation is a slip of the pen. */
function dropDanglingOperators(toks: Token[]): Token[] {
  const dangling = (t: Token, k: number) => t.kind === 'op' && t.op !== '-' && toks[k + 1]?.kind === 'rel' && k > 0 && toks[k - 1].kind !== 'rel';
  // Most lines have none: keep their array.
  return toks.some(dangling) ? toks.filter((t, k) => !dangling(t, k)) : toks;
}

/** `= ~12K`, `~= 3.7 TB`, `=~ 190 MB/s`, `→ ~1 TB`: two relation marks in a row are one claim, approximate if either is. */
function mergeRelations(toks: Token[], text: string): Token[] {
  let pair = false;
  for (let k = 1; k < toks.length && !pair; k++) pair = toks[k].kind === 'rel' && toks[k - 1].kind === 'rel';
  if (!pair) return toks;
  const out: Token[] = [];
  for (const t of toks) {
    const prev = out[out.length - 1];
    if (t.kind === 'rel' && prev && prev.kind === 'rel') {
      prev.end = t.end;
      prev.text = text.slice(prev.start, t.end);
      if (t.op !== '=' || (prev.op !== '=' && prev.op !== '=>')) prev.op = '≈';
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * `16 bytes for a row * 4 billion rows: 64 GB`: a colon after a calculation, before a value, states its
 * result. A colon after a label (`Storage: 5 GB`) has no operator before it and stays a colon.
 */
function markColonClaims(toks: Token[]): void {
  let op = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'rel') return;
    // An operator after a number (`16 bytes * 4 billion`), not a list star or emphasis.
    if (t.kind === 'op' && (t.op === '*' || t.op === '/') && numberBefore(toks, k)) op = true;
    if (t.kind === 'junk' && t.text === ':') {
      if (op && toks[k + 1]?.kind === 'num') {
        t.kind = 'rel';
        t.op = '=';
        t.note = 'a colon';
        return;
      }
      op = false;
    }
  }
}

/** A number among the three tokens before `k`. */
function numberBefore(toks: Token[], k: number): boolean {
  for (let j = Math.max(0, k - 3); j < k; j++) if (toks[j].kind === 'num') return true;
  return false;
}

/** `5-10 mins`, `2-3 servers`: a glued dash between numbers is a range in prose, not a subtraction. */
function markRanges(toks: Token[]): void {
  for (let k = 1; k + 1 < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'op' && t.op === '-' && t.glued && toks[k + 1].glued && toks[k - 1].kind !== 'op') {
      const prev = toks[k - 1];
      if (prev.kind === 'num' || (prev.kind === 'word' && prev.glued) || prev.kind === 'pct') {
        if (toks[k + 1].kind === 'num') {
          t.kind = 'junk';
          t.note = 'a range';
        }
      }
    }
  }
}
