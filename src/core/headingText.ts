// Folds a heading's text into the comparable form that framework phrasings are matched against.

// "Step 3:", "phase 10 -", "part ii.", "1.2)", "4 " — a number needs a separator or a space after it,
// so "10x traffic" keeps its number.
const NUMBERING =
  /^(?:(?:step|phase|part|section|chapter|stage)\s*)?(?:\d+(?:\.\d+)*\.?(?:\s*[):\-–—]\s*|\s+)|[ivx]+\s*[.):\-–—]\s*)/;
const LEADING_JUNK = /^[^\p{L}\p{N}]+/u;

export function normalizeHeading(text: string): string {
  let s = text.toLowerCase().replace(LEADING_JUNK, '');
  for (let i = 0; i < 2; i++) s = s.replace(NUMBERING, '').replace(LEADING_JUNK, '');
  return s
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
