// The single markdown-it configuration shared by the analyzer, the preview and the HTML export.
import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';

export type { MarkdownIt as MarkdownItInstance } from 'markdown-it';

export interface MarkdownOptions {
  /**
   * Recognise raw HTML blocks. Only the analyzer turns this on (it never renders, and needs HTML
   * comments as their own blocks for suppressions); anything that renders keeps it off.
   */
  html?: boolean;
}

/** Linkify stays off: bare URLs in estimate lines would become links mid-line. */
export function createMarkdownIt(options: MarkdownOptions = {}): MarkdownItInstance {
  return new MarkdownIt({ html: options.html ?? false, linkify: false, typographer: false });
}
