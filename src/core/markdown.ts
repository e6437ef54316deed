// The single markdown-it configuration shared by the analyzer, the preview and the HTML export.
import MarkdownIt from 'markdown-it';

export type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

/**
 * Raw HTML stays off: the analyzer sees it as text and the preview never injects it. Linkify is off
 * because bare URLs in estimates would turn into links mid-line.
 */
export function createMarkdownIt(): MarkdownItInstance {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}

let shared: MarkdownItInstance | undefined;

/** A process-wide instance for parsing; rendering callers that add rules must create their own. */
export function sharedMarkdownIt(): MarkdownItInstance {
  return (shared ??= createMarkdownIt());
}
