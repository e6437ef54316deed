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
  const mant = digits.replace(/[,_]/g, '').replace(/[eE].*$/, '');
  const [int, frac = ''] = mant.split('.');
  const intDigits = int.replace(/^0+/, '');
  if (frac) {
    if (intDigits) return intDigits.length + frac.length;
    return Math.max(1, frac.replace(/^0+/, '').length);
  }
  // Trailing zeros count: `= 500` next to 511 is a rounding the author should mark with ≈.
  return Math.max(1, intDigits.length);
}

/** Scans a number starting at `at` (a digit or a `.` before a digit). */
export function scanNumber(text: string, at: number): ScannedNumber | undefined {
  let badGrouping = false;
  let raw = sticky(GROUPED, text, at);
  if (raw === undefined) {
    raw = sticky(GROUPED_LOOSE, text, at);
    if (raw !== undefined) badGrouping = true; // `1,000,00`: a group of the wrong size follows
  }
  raw ??= sticky(UNDERSCORED, text, at) ?? sticky(PLAIN, text, at);
  if (raw === undefined) return undefined;
  let end = at + raw.length;
  let value = Number(raw.replace(/[,_]/g, ''));
  const sig = sigFigs(raw);
  if (!raw.includes(',')) {
    BAD_GROUP.lastIndex = end;
    if (BAD_GROUP.exec(text)) badGrouping = true;
  }
  const exp = sticky(EXPONENT, text, end);
  if (exp) {
    value = value * 10 ** Number(exp.slice(1));
    end += exp.length;
  }
  let sup = '';
  while (end < text.length && SUPERSCRIPT[text[end]] !== undefined) sup += SUPERSCRIPT[text[end++]];
  if (sup) {
    const p = Number(sup);
    if (Number.isFinite(p)) value = value ** p;
  }
  return { value, end, sig, badGrouping };
}

/** Magnitude suffixes glued to a number (`12K`, `1bn`). `B` is decided by the parser. */
export const SUFFIX: Record<string, number> = {
  K: 1e3, k: 1e3, M: 1e6, MM: 1e6, B: 1e9, bn: 1e9, Bn: 1e9, T: 1e12, tn: 1e12,
};

/** Magnitude words after a number (`2.6 million`). */
export const MAGNITUDE_WORDS: Record<string, number> = {
  thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9,
  trillion: 1e12, trillions: 1e12, lakh: 1e5, crore: 1e7,
};
