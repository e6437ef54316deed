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

const QUOTE_CLOSE: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function tokenizeSql(src: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const ch = src[i];
    const code = src.charCodeAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') {
      i++;
    } else if ((ch === '-' && src[i + 1] === '-') || ch === '#') {
      while (i < n && src[i] !== '\n') i++;
    } else if (ch === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (ch === "'") {
      const start = i++;
      while (i < n) {
        if (src[i] === "'" && src[i + 1] === "'") i += 2;
        else if (src[i] === "'") break;
        else i++;
      }
      i = Math.min(n, i + 1);
      tokens.push({ kind: 'string', text: src.slice(start, i), value: src.slice(start + 1, i - 1), start, end: i });
    } else if (ch in QUOTE_CLOSE) {
      const close = QUOTE_CLOSE[ch];
      const start = i++;
      let value = '';
      while (i < n) {
        if (src[i] === close && src[i + 1] === close && close !== ']') {
          value += close;
          i += 2;
        } else if (src[i] === close || src[i] === '\n') break;
        else value += src[i++];
      }
      if (src[i] === close) i++;
      tokens.push({ kind: 'quoted', text: src.slice(start, i), value, start, end: i });
    } else if (ch === '$' && dollarTag(src, i) !== undefined) {
      // Postgres dollar-quoted body ($$ ... $$ or $tag$ ... $tag$): skipped as one string.
      const tag = dollarTag(src, i)!;
      const close = src.indexOf(tag, i + tag.length);
      const start = i;
      i = close < 0 ? n : close + tag.length;
      tokens.push({ kind: 'string', text: src.slice(start, i), value: '', start, end: i });
    } else if (isWordStart(code)) {
      const start = i;
      while (i < n && isWordPart(src.charCodeAt(i))) i++;
      const text = src.slice(start, i);
      tokens.push({ kind: 'word', text, value: text.toLowerCase(), start, end: i });
    } else if (isDigit(code)) {
      const start = i;
      while (i < n && (isDigit(src.charCodeAt(i)) || src[i] === '.')) i++;
      const text = src.slice(start, i);
      tokens.push({ kind: 'number', text, value: text, start, end: i });
    } else {
      tokens.push({ kind: 'punct', text: ch, value: ch, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** `$$` or `$tag$` starting at `at`, if there is one. */
function dollarTag(src: string, at: number): string | undefined {
  let i = at + 1;
  while (i < src.length && i - at < 64 && isWordPart(src.charCodeAt(i)) && src[i] !== '$') i++;
  return src[i] === '$' ? src.slice(at, i + 1) : undefined;
}
