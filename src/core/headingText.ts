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

export function normalizeHeading(text: string): string {
  const ascii = ASCII.test(text);
  const junk = ascii ? ASCII_LEADING_JUNK : LEADING_JUNK;
  let s = text.toLowerCase().replace(junk, '');
  for (let i = 0; i < 2; i++) s = s.replace(NUMBERING, '').replace(junk, '');
  return s
    .replace(/&/g, ' and ')
    .replace(ascii ? ASCII_NON_WORD : /[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
