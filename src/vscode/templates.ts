// The editor's new-document text, from the core's one template builder (src/core/designTemplate.ts).
import { designDocument } from '../core/designTemplate';
import type { FrameworkDef } from '../core/types';

export { escapeSnippet } from '../core/designTemplate';

/** Snippet body lines: front matter naming the framework, a title tab stop, one section per phase. */
export function frameworkSnippetLines(framework: FrameworkDef): string[] {
  return designDocument(framework, { mode: 'snippet' }).split('\n');
}
