// Number literal grammar: grouping, decimals, exponents, superscript powers, magnitude suffixes and words.

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-',
};

export interface ScannedNumber {
  value: number;
  end: number;
  /** Significant figures as written (for `=` claims rounded by their author). */
  sig: number;
  /** `1,00`-style grouping that is not a number; `end` stops before the comma. */
  badGrouping?: boolean;
}

const GROUPED = /\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?/y;
const GROUPED_LOOSE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?/y;
const UNDERSCORED = /\d+(?:_\d+)+(?:\.\d+)?/y;
const PLAIN = /\d+(?:\.\d+)?|\.\d+/y;
const EXPONENT = /[eE][+-]?\d+(?![\p{L}\d])/uy;
const BAD_GROUP = /,\d{1,2}(?!\d)|,\d{4,}/y;

function sticky(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** Significant figures of a literal as written (50,000,000 → 8, 1.50 → 3). */
export function sigFigs(digits: string): number {
  // One pass: skip `,`/`_`, stop at an exponent, split at the first two `.`-separated parts.
  let part = 0;
  let intLen = 0;
  let intStarted = false;
  let fracLen = 0;
  let fracSig = 0;
  let fracStarted = false;
  for (let k = 0; k < digits.length; k++) {
    const ch = digits[k];
    if (ch === ',' || ch === '_') continue;
    if (ch === 'e' || ch === 'E') break;
    if (ch === '.') {
      part++;
      continue;
    }
    if (part === 0) {
      if (intStarted || ch !== '0') {
        intStarted = true;
        intLen++;
      }
    } else if (part === 1) {
      fracLen++;
      if (fracStarted || ch !== '0') {
        fracStarted = true;
        fracSig++;
      }
    }
  }
  if (fracLen) {
    if (intLen) return intLen + fracLen;
    return Math.max(1, fracSig);
  }
  // Trailing zeros count: `= 500` next to 511 is a rounding the author should mark with ≈.
  return Math.max(1, intLen);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A key of SUPERSCRIPT: ¹ ² ³ (Latin-1) or ⁰ ⁴-⁹ ⁻ (U+2070 block). */
function isSuperscript(code: number): boolean {
  return code === 0xb9 || code === 0xb2 || code === 0xb3 || code === 0x2070 || (code >= 0x2074 && code <= 0x2079) || code === 0x207b;
}

/** Integers up to this many digits are exact in a double, so summing digits gives what Number() does. */
const EXACT_DIGITS = 15;

/** Value of a literal like `5,116` or `26`: digits (with `,`/`_` groups) summed by hand, else Number(). */
function literalValue(raw: string): number {
  let v = 0;
  let digits = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 44 /* , */ || c === 95 /* _ */) continue;
    if (!isDigit(c) || ++digits > EXACT_DIGITS) return Number(raw.includes(',') || raw.includes('_') ? raw.replace(/[,_]/g, '') : raw);
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The raw literal at `at`, or undefined; the common plain case (`1200`, `3.5`) is read without regexes. */
function rawNumber(text: string, at: number): { raw: string; badGrouping: boolean } | undefined {
  let j = at;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  const after = text.charCodeAt(j);
  // Grouped and underscored forms need `,` or `_` right after the first digit run.
  if (after !== 44 /* , */ && after !== 95 /* _ */) {
    if (after === 46 /* . */ && isDigit(text.charCodeAt(j + 1))) {
      j += 2;
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    } else if (j === at) {
      return undefined;
    }
    return { raw: text.slice(at, j), badGrouping: false };
  }
  let badGrouping = false;
  let raw = sticky(GROUPED, text, at);
  if (raw === undefined) {
    raw = sticky(GROUPED_LOOSE, text, at);
    if (raw !== undefined) badGrouping = true; // `1,000,00`: a group of the wrong size follows
  }
  raw ??= sticky(UNDERSCORED, text, at) ?? sticky(PLAIN, text, at);
  return raw === undefined ? undefined : { raw, badGrouping };
}

/**
 * `86 400`, `5 242 880 000`: digits grouped by single spaces (or no-break spaces), each group after
 * the first exactly three digits. Prose only: in a strict line a space separates two values.
 */
const SPACE_GROUPED = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]|[ \u00a0\u202f]\d)/y;

const DECIMAL_COMMA = /\d{1,3},\d{1,2}(?![\d,.])/y;

/** Scans a number starting at `at` (a digit or a `.` before a digit). */
export function scanNumber(text: string, at: number, spaceGroups = false): ScannedNumber | undefined {
  // `50,5 PB`: a decimal comma (prose only; a strict line reports it as a grouping error).
  const comma = spaceGroups ? sticky(DECIMAL_COMMA, text, at) : undefined;
  if (comma) return { value: Number(comma.replace(',', '.')), end: at + comma.length, sig: sigFigs(comma.replace(',', '.')) };
  const spaced = spaceGroups && !isDigit(text.charCodeAt(at - 1)) ? sticky(SPACE_GROUPED, text, at) : undefined;
  const found = spaced ? { raw: spaced, badGrouping: false } : rawNumber(text, at);
  if (found === undefined) return undefined;
  const raw = found.raw;
  let badGrouping = found.badGrouping;
  let end = at + raw.length;
  let value = spaced ? Number(spaced.replace(/[ \u00a0\u202f]/g, '')) : literalValue(raw);
  const sig = sigFigs(spaced ? spaced.replace(/[ \u00a0\u202f]/g, '') : raw);
  if (text.charCodeAt(end) === 44 /* , */ && !raw.includes(',')) {
    BAD_GROUP.lastIndex = end;
    if (BAD_GROUP.exec(text)) badGrouping = true;
  }
  const e = text.charCodeAt(end);
  const exp = e === 101 || e === 69 ? sticky(EXPONENT, text, end) : undefined;
  if (exp) {
    value = value * 10 ** Number(exp.slice(1));
    end += exp.length;
  }
  let sup = '';
  while (end < text.length && isSuperscript(text.charCodeAt(end))) sup += SUPERSCRIPT[text[end++]];
  if (sup) {
    const p = Number(sup);
    if (Number.isFinite(p)) value = value ** p;
  }
  return { value, end, sig, badGrouping };
}

/** Magnitude suffixes glued to a number (`12K`, `1bn`). `B` is decided by the parser. */
export const SUFFIX: Record<string, number> = {
  K: 1e3, k: 1e3, M: 1e6, MM: 1e6, G: 1e9, B: 1e9, bn: 1e9, Bn: 1e9, T: 1e12, tn: 1e12,
};

/** Capital magnitude letters that also stand apart from their number (`50 M`, `5 G`); `B` apart is bytes. */
const SPACED_SUFFIXES = new Map([['K', 1e3], ['M', 1e6], ['G', 1e9], ['T', 1e12]]);

/** Magnitude words after a number (`2.6 million`). */
export const MAGNITUDE_WORDS: Record<string, number> = {
  thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9,
  trillion: 1e12, trillions: 1e12, lakh: 1e5, crore: 1e7,
};

/*
 * Map lookups: indexing a Record with a word sliced from the line made V8 look the string up in its
 * table of property names on every token, and also found Object.prototype's (`toString`, `constructor`).
 */
const MAGNITUDES = new Map(Object.entries(MAGNITUDE_WORDS));
const SUFFIXES = new Map(Object.entries(SUFFIX));

/** The multiplier of a magnitude word in any case (`Million` → 1e6), else undefined. */
export function magnitudeOf(word: string): number | undefined {
  return MAGNITUDES.get(word.toLowerCase());
}

/** The multiplier of a magnitude suffix as written (`K` → 1e3), else undefined. */
export function suffixOf(word: string): number | undefined {
  return SUFFIXES.get(word);
}

/** The multiplier of a magnitude word, or of a capital magnitude letter written apart (`50 M`). */
export function spacedMagnitudeOf(word: string): number | undefined {
  return SPACED_SUFFIXES.get(word) ?? magnitudeOf(word);
}
