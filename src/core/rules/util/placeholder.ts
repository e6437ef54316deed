// Decides whether a section says anything yet: headings alone, TODOs and empty labels don't count.
import type { Block, ParsedDocument, Section } from '../../types';
import { sectionBlocks } from './sections';

const PLACEHOLDERS = new Set([
  '',
  'todo',
  'to do',
  'tbd',
  'tba',
  'tbc',
  'fixme',
  'wip',
  'na',
  'n a',
  'none yet',
  'coming soon',
  'placeholder',
  'fill in',
  'fill me in',
  'fill this in',
  'to be done',
  'to be decided',
  'to be written',
  'write me',
  'lorem ipsum',
]);

const HTML_COMMENT = /<!--[\s\S]*?-->/g;

/** `TODO`, `...`, `Pros: TBD`, `**Option A:**` — text with no content beyond a label. */
export function isPlaceholderText(text: string): boolean {
  let s = text.replace(HTML_COMMENT, ' ');
  const colon = s.indexOf(':');
  // A short label before a colon ("Latency target:") carries no content by itself.
  if (colon >= 0 && colon <= 40) s = s.slice(colon + 1);
  s = s.replace(/<[^<>\n]{0,60}>/g, ' ');
  const folded = s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // "TODO (p99 in ms)" is a placeholder with a hint; "Todo lists" is a sentence.
  return PLACEHOLDERS.has(folded) || /^[\s*_`~(\[-]*(?:TODO|TBD|FIXME)\b/.test(s);
}

export function isPlaceholderBlock(block: Block): boolean {
  switch (block.kind) {
    case 'html':
      return block.text.replace(HTML_COMMENT, '').trim() === '';
    case 'hr':
      return true;
    case 'code':
      return block.text.trim() === '';
    case 'list':
      return (block.items ?? []).every((item) => isPlaceholderText(item.text));
    case 'table':
      return (block.table?.rows ?? []).every((row) => row.every((cell) => isPlaceholderText(cell)));
    default:
      return block.text.split('\n').every((line) => isPlaceholderText(line));
  }
}

/** True when a section (sub-sections included) holds only headings and placeholder text. */
export function isPlaceholderSection(doc: ParsedDocument, section: Section): boolean {
  return sectionBlocks(doc, section).every(isPlaceholderBlock);
}
