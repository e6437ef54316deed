// The one builder of design-document text: a new document for a framework (the CLI's `new`, the
// editor's New Design Document and its template snippets) and one phase's section (the insert-section
// fix). Snippet mode is the same text with tab stops: the title, then the first line of each section.
import { phaseTemplate } from './rules/util/skeleton';
import type { FrameworkDef, PhaseDef } from './types';
import { yamlScalar } from './textEscapes';

export type TemplateMode = 'text' | 'snippet';

export const DEFAULT_TITLE = 'System name';

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** What a phase's description says, as a comment the rendered document does not show. */
function guidance(phase: PhaseDef): string | undefined {
  const text = phase.description?.replace(/\s+/g, ' ').trim();
  // `--` may not appear inside an HTML comment.
  return text ? `<!-- ${text.replace(/-{2,}/g, '-')} -->` : undefined;
}

/**
 * One phase's section: its heading at `level`, its guidance, then its framework template (or the
 * built-in skeleton for its kind). In snippet mode the body's first line is tab stop `stop`.
 */
export function phaseSection(phase: PhaseDef, level: number, mode: TemplateMode = 'text', stop = 1): string {
  const literal = mode === 'snippet' ? escapeSnippet : (text: string) => text;
  const hashes = '#'.repeat(Math.min(6, Math.max(1, level)));
  const lines = [`${hashes} ${literal(phase.title)}`, ''];
  const note = guidance(phase);
  if (note) lines.push(literal(note), '');
  const [first, ...rest] = phaseTemplate(phase).replace(/\r\n?/g, '\n').split('\n');
  lines.push(mode === 'snippet' ? `\${${stop}:${escapeSnippet(first)}}` : first, ...rest.map(literal));
  return lines.join('\n');
}

/** A whole new document: front matter naming the framework, the title, then each phase in order. */
export function designDocument(framework: FrameworkDef, options: { title?: string; mode?: TemplateMode } = {}): string {
  const mode = options.mode ?? 'text';
  const title = options.title?.trim() || DEFAULT_TITLE;
  const snippet = mode === 'snippet';
  const id = yamlScalar(framework.id);
  const parts = ['---', `sysdesign: ${snippet ? escapeSnippet(id) : id}`, '---', '', `# ${snippet ? `\${1:${escapeSnippet(title)}}` : title}`, ''];
  framework.phases.forEach((phase, i) => parts.push(phaseSection(phase, 2, mode, i + 2), ''));
  if (snippet) parts.push('$0');
  return parts.join('\n');
}
