// The single markdown-it configuration shared by the analyzer, the preview and the HTML export.
import MarkdownIt from 'markdown-it';

/**
 * Raw HTML stays off: the analyzer sees it as text and the preview never injects it. Linkify is off
 * because bare URLs in estimates would turn into links mid-line.
 */
export function createMarkdownIt(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}

let shared: MarkdownIt | undefined;

/** A process-wide instance for parsing; rendering callers that add rules must create their own. */
export function sharedMarkdownIt(): MarkdownIt {
  return (shared ??= createMarkdownIt());
}
