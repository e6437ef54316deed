// A forgiving SQL tokenizer: enough to read DDL in design docs. It never throws; unterminated
// strings and comments simply run to the end of the text.

export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Source text of the token. */
  text: string;
  /** Identifier value: unquoted, lower-cased for words; the raw character for punctuation. */
  value: string;
  /** Offsets into the source text, end exclusive. */
  start: number;
  end: number;
}

// Character codes the scanner branches on (it reads codes, not one-character strings, to stay fast).
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const FF = 12;
const MINUS = 45;
const HASH = 35;
const SLASH = 47;
const STAR = 42;
const SINGLE = 39;
const DOUBLE = 34;
const BACKTICK = 96;
const BRACKET = 91;
const BRACKET_CLOSE = 93;
const DOLLAR = 36;
const DOT = 46;

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57) || code === DOLLAR;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** SQL fences rarely change between keystrokes: their tokens are kept by text (read-only). */
let memo = new Map<string, SqlToken[]>();
const MAX_MEMO = 512;

export function tokenizeSql(src: string): SqlToken[] {
  let tokens = memo.get(src);
  if (!tokens) {
    if (memo.size >= MAX_MEMO) memo = new Map();
    memo.set(src, (tokens = readSqlTokens(src)));
  }
  return tokens;
}

/** Forgets remembered SQL tokens (for a first-analysis measurement). */
export function clearSqlMemo(): void {
  memo = new Map();
}

function readSqlTokens(src: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const code = src.charCodeAt(i);
    if (code === SPACE || code === TAB || code === LF || code === CR || code === FF) {
      i++;
    } else if ((code === MINUS && src.charCodeAt(i + 1) === MINUS) || code === HASH) {
      const newline = src.indexOf('\n', i);
      i = newline < 0 ? n : newline;
    } else if (code === SLASH && src.charCodeAt(i + 1) === STAR) {
      const close = src.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (code === SINGLE) {
      const start = i++;
      while (i < n) {
        if (src.charCodeAt(i) !== SINGLE) i++;
        else if (src.charCodeAt(i + 1) === SINGLE) i += 2;
        else break;
      }
      i = Math.min(n, i + 1);
      tokens.push({ kind: 'string', text: src.slice(start, i), value: src.slice(start + 1, i - 1), start, end: i });
    } else if (code === DOUBLE || code === BACKTICK || code === BRACKET) {
      // Quoted identifier; doubled quotes escape themselves. It ends at the line's end if unclosed.
      const close = code === BRACKET ? BRACKET_CLOSE : code;
      const start = i++;
      let value = '';
      let from = i;
      while (i < n) {
        const c = src.charCodeAt(i);
        if (c === close && close !== BRACKET_CLOSE && src.charCodeAt(i + 1) === close) {
          value += src.slice(from, i + 1);
          i += 2;
          from = i;
        } else if (c === close || c === LF) break;
        else i++;
      }
      value += src.slice(from, i);
      if (src.charCodeAt(i) === close) i++;
      tokens.push({ kind: 'quoted', text: src.slice(start, i), value, start, end: i });
    } else if (code === DOLLAR && dollarTag(src, i) !== undefined) {
      // Postgres dollar-quoted body ($$ ... $$ or $tag$ ... $tag$): skipped as one string.
      const tag = dollarTag(src, i)!;
      const close = src.indexOf(tag, i + tag.length);
      const start = i;
      i = close < 0 ? n : close + tag.length;
      tokens.push({ kind: 'string', text: src.slice(start, i), value: '', start, end: i });
    } else if (isWordStart(code)) {
      const start = i;
      // Most identifiers are already lower case: they keep their text as value (no second string).
      let upper = false;
      for (let c = code; i < n && isWordPart((c = src.charCodeAt(i))); i++) if ((c >= 65 && c <= 90) || c > 127) upper = true;
      const text = src.slice(start, i);
      tokens.push({ kind: 'word', text, value: upper ? text.toLowerCase() : text, start, end: i });
    } else if (isDigit(code)) {
      const start = i;
      while (i < n && (isDigit(src.charCodeAt(i)) || src.charCodeAt(i) === DOT)) i++;
      const text = src.slice(start, i);
      tokens.push({ kind: 'number', text, value: text, start, end: i });
    } else {
      const text = src[i];
      tokens.push({ kind: 'punct', text, value: text, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** `$$` or `$tag$` starting at `at`, if there is one. */
function dollarTag(src: string, at: number): string | undefined {
  let i = at + 1;
  while (i < src.length && i - at < 64 && isWordPart(src.charCodeAt(i)) && src.charCodeAt(i) !== DOLLAR) i++;
  return src.charCodeAt(i) === DOLLAR ? src.slice(at, i + 1) : undefined;
}
