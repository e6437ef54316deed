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
const LATEX_SKIP = /\\(?:text|mathrm|mathbf|left|right|quad|qquad|,|;|!| )/y;

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

export function tokenize(text: string, opts: LexOptions): Token[] {
  const out: Token[] = [];
  // A line with LaTeX commands uses `$` as math delimiters, not dollars.
  const latex = LATEX_CMD.test(text);
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
    if (latex && (code === 36 /* $ */ || code === 123 /* { */ || code === 125 /* } */)) {
      i++;
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
      const n = scanNumber(text, i)!;
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
  if (opts.lenient) markRanges(out);
  return out;
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
