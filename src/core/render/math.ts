// Math as GitHub reads it, for the renderer: `$…$` and `$$…$$` inline, `$$` blocks, ```math fences.
// What draws it is injected (KaTeX in the preview and the exports); without it, math shows as its source.
import type { MarkdownItInstance } from '../markdown';
import { escapeHtml } from './escape';

/** Draws one formula as HTML (MathML); undefined to show the source instead. */
export type MathRenderer = (tex: string, display: boolean) => string | undefined;

type StateInline = Parameters<Parameters<MarkdownItInstance['inline']['ruler']['push']>[1]>[0];
type StateBlock = Parameters<Parameters<MarkdownItInstance['block']['ruler']['push']>[1]>[0];

const SPACE = /\s/;
/** Characters an inline formula may span. */
const MAX_INLINE = 2_000;
/** Lines a `$$` block may span. */
const MAX_BLOCK_LINES = 200;
const DIGIT = /\d/;

/**
 * `$x^2$`: the opening `$` is followed by a non-space, the closing one preceded by a non-space and not
 * followed by a digit, so prices ("$5 and $10") stay text. `$$…$$` on a line is display math. `` $`…`$ ``
 * is GitHub's math with backticks.
 */
function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */ || src.charCodeAt(start - 1) === 0x5c /* \ */) return false;
  let display = false;
  let open = 1;
  let close: number;
  let tex: string;
  // Searches stop after MAX_INLINE characters: a line of unclosed openers must not make each one scan to its end.
  const limit = Math.min(state.posMax, start + MAX_INLINE);
  if (src.startsWith('$$', start)) {
    display = true;
    open = 2;
    close = bounded(src, '$$', start + 2, limit);
    if (close < 0) return false;
    tex = src.slice(start + 2, close);
    if (!tex.trim()) return false;
  } else if (src.startsWith('$`', start)) {
    close = bounded(src, '`$', start + 2, limit);
    if (close < 0) return false;
    tex = src.slice(start + 2, close);
    open = 2;
  } else {
    if (start + 1 >= state.posMax || SPACE.test(src[start + 1])) return false;
    close = -1;
    for (let i = start + 1; i < limit; i++) {
      if (src.charCodeAt(i) === 0x5c) {
        i++; // an escaped character, `\$` included
        continue;
      }
      if (src.charCodeAt(i) === 0x60 /* ` */) break; // a code span comes first: no math runs into it
      if (src.charCodeAt(i) !== 0x24) continue;
      if (!SPACE.test(src[i - 1]) && !DIGIT.test(src[i + 1] ?? '')) close = i;
      break;
    }
    if (close < 0) return false;
    tex = src.slice(start + 1, close);
  }
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = tex;
    token.markup = src.slice(start, start + open);
    token.meta = { display };
  }
  state.pos = close + open;
  return true;
}

/** Where `marker` starts in `src` between `from` and `limit` (exclusive of a marker that runs past it), or -1. */
function bounded(src: string, marker: string, from: number, limit: number): number {
  const at = src.slice(from, limit).indexOf(marker);
  return at < 0 ? -1 : from + at;
}

/** `$$` opening a line, through the line that ends with `$$`. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  if (!first.startsWith('$$') || state.sCount[startLine] - state.blkIndent >= 4) return false;
  let tex: string;
  let last = startLine;
  const rest = first.slice(2);
  if (rest.trimEnd().endsWith('$$') && rest.trim().length > 2) {
    tex = rest.trimEnd().slice(0, -2);
  } else if (rest.trim() === '' || !rest.includes('$$')) {
    const lines = [rest];
    let found = false;
    // A formula has no blank line and no second opening, and is not hundreds of lines long: the scan stops
    // there (lines of `$$x` would otherwise each scan to the end of the document).
    for (let line = startLine + 1; line < endLine && line <= startLine + MAX_BLOCK_LINES; line++) {
      const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      if (text.trimEnd().endsWith('$$')) {
        lines.push(text.trimEnd().slice(0, -2));
        last = line;
        found = true;
        break;
      }
      if (text.trim() === '' || text.startsWith('$$')) break;
      lines.push(text);
    }
    if (!found) return false;
    tex = lines.join('\n');
  } else {
    return false;
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = tex.trim();
  token.map = [startLine, last + 1];
  token.markup = '$$';
  state.line = last + 1;
  return true;
}

/** A formula drawn by `renderer`, or its source as code when there is none (or it cannot draw it). */
export function mathHtml(tex: string, display: boolean, renderer: MathRenderer | undefined, line?: number): string {
  const at = line === undefined ? '' : ` data-line="${line}"`;
  const drawn = renderer?.(tex, display);
  if (drawn !== undefined) return display ? `<div${at} class="sd-math sd-math-display">${drawn}</div>` : `<span class="sd-math">${drawn}</span>`;
  const source = escapeHtml(display ? `$$${tex}$$` : `$${tex}$`);
  return display ? `<pre${at} class="sd-math-source">${source}</pre>` : `<code class="sd-math-source">${source}</code>`;
}

export function mathPlugin(md: MarkdownItInstance, renderer: (env: unknown) => MathRenderer | undefined): void {
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, idx, _options, env) =>
    mathHtml(tokens[idx].content, (tokens[idx].meta as { display: boolean }).display, renderer(env));
  md.renderer.rules.math_block = (tokens, idx, _options, env) => `${mathHtml(tokens[idx].content, true, renderer(env), tokens[idx].map?.[0])}\n`;
}
