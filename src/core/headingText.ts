// Folds a heading's text into the comparable form that framework phrasings are matched against.

// "Step 3:", "phase 10 -", "part ii.", "1.2)", "4 " — a number needs a separator or a space after it,
// so "10x traffic" keeps its number.
const NUMBERING =
  /^(?:(?:step|phase|part|section|chapter|stage)\s*)?(?:\d+(?:\.\d+)*\.?(?:\s*[):\-–—]\s*|\s+)|[ivx]+\s*[.):\-–—]\s*)/;
const LEADING_JUNK = /^[^\p{L}\p{N}]+/u;

// The same classes for ASCII text, where a non-Unicode regex is several times faster.
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_LEADING_JUNK = /^[^a-z0-9]+/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const AMPERSAND = /&/g;

export function normalizeHeading(text: string): string {
  const ascii = ASCII.test(text);
  const junk = ascii ? ASCII_LEADING_JUNK : LEADING_JUNK;
  let s = text.toLowerCase().replace(junk, '');
  // NUMBERING can only start with a digit or an ASCII letter of its words or numerals; most headings skip both rounds.
  if (mayBeNumbered(s.charCodeAt(0))) {
    for (let i = 0; i < 2; i++) s = s.replace(NUMBERING, '').replace(junk, '');
  }
  if (s.includes('&')) s = s.replace(AMPERSAND, ' and ');
  return s.replace(ascii ? ASCII_NON_WORD : NON_WORD, ' ').trim();
}

/** Digits, and the first letters of step/phase/part/section/chapter/stage and of roman numerals (text is lower-cased). */
function mayBeNumbered(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x73 /* s */ || c === 0x70 /* p */ || c === 0x63 /* c */ || c === 0x69 /* i */ || c === 0x76 /* v */ || c === 0x78 /* x */;
}
