// Hides YAML front matter from the rendered body while keeping every other line at its source position.

/** Returns the text with front-matter lines blanked (so data-line stays true) and how many lines were hidden. */
export function blankFrontMatter(text: string): { text: string; hiddenLines: number } {
  const lines = text.split('\n');
  if (lines.length < 2 || lines[0].replace(/\r$/, '').trim() !== '---') return { text, hiddenLines: 0 };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '').trim();
    if (line === '---' || line === '...') {
      for (let j = 0; j <= i; j++) lines[j] = '';
      return { text: lines.join('\n'), hiddenLines: i + 1 };
    }
  }
  return { text, hiddenLines: 0 };
}
