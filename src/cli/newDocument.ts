// The text of a new design document: front matter, title, and each phase heading with its template.
import { basename } from 'node:path';
import type { LoadedFramework } from '../core/types';

/** Front matter naming the framework, the title, then each phase heading and its template. */
export function newDocument(framework: LoadedFramework, title: string): string {
  const parts = [`---\nsysdesign: ${framework.id}\ntitle: ${yamlScalar(title)}\n---\n`, `# ${title}\n`];
  for (const phase of framework.phases) {
    const guidance = phase.description ? `<!-- ${phase.description.replace(/--+/g, '-')} -->\n\n` : '';
    const template = phase.template?.trim() ? `${phase.template.trim()}\n` : '';
    parts.push(`## ${phase.title}\n\n${guidance}${template}`);
  }
  return parts.join('\n');
}

/** `chat-service.design.md` → `Chat Service`. */
export function titleFromFileName(path: string): string {
  const stem = basename(path).replace(/(\.design)?\.(md|markdown|mdx)$/i, '');
  const words = stem.split(/[-_\s.]+/).filter(Boolean);
  if (words.length === 0) return 'System Design';
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

/** A plain YAML scalar when safe, else a double-quoted one (JSON strings are valid YAML). */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ,.()'/&+-]*$/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}
