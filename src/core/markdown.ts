// The single markdown-it configuration shared by the analyzer, the preview and the HTML export.
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';

export type { MarkdownIt as MarkdownItInstance } from 'markdown-it';

export interface MarkdownOptions {
  /**
   * Recognise raw HTML. The analyzer needs HTML comments as their own blocks (suppressions); the renderer
   * passes every piece of raw HTML through its allow-list (render/rawHtml.ts).
   */
  html?: boolean;
}

/** Linkify stays off: bare URLs in estimate lines would become links mid-line. */
export function createMarkdownIt(options: MarkdownOptions = {}): MarkdownItInstance {
  return new MarkdownIt({ html: options.html ?? false, linkify: false, typographer: false });
}
