// KaTeX as the math renderer of the preview and the exports: MathML, which Chromium and every current
// browser draw without fonts or a stylesheet, so an exported file stays self-contained. Untrusted input:
// no \href, \url or \html* commands (trust off), bounded sizes and macro expansion, errors shown as text.
// Imported only by the preview module and the CLI, never by the extension's entry bundle.
import katex from 'katex';
import type { MathRenderer } from './math';

const cache = new Map<string, string | undefined>();
const MAX_CACHED = 2_000;
/** Longer sources are shown as code: drawing them is not worth the time on every update. */
const MAX_SOURCE = 5_000;

export const katexMath: MathRenderer = (tex, display) => {
  if (tex.length > MAX_SOURCE) return undefined;
  const key = `${display ? 'D' : 'I'}${tex}`;
  if (cache.has(key)) return cache.get(key);
  let html: string | undefined;
  try {
    html = katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, trust: false, strict: 'ignore', maxSize: 50, maxExpand: 200 });
  } catch {
    html = undefined; // not valid TeX: the source is shown instead
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, html);
  return html;
};
