// The per-framework template snippets, generated from the built-in framework definitions.
import { BUILT_IN_FRAMEWORKS } from '../core/frameworks/builtins';
import type { FrameworkDef } from '../core/types';
import { frameworkSnippetLines } from './templates';

export const TEMPLATE_SNIPPETS_FILE = 'snippets/templates.code-snippets';

export interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

export function templateSnippets(frameworks: readonly FrameworkDef[] = BUILT_IN_FRAMEWORKS): Record<string, SnippetEntry> {
  const out: Record<string, SnippetEntry> = {};
  for (const framework of frameworks) {
    out[`Design document: ${framework.title}`] = {
      prefix: `sd-template-${framework.id}`,
      description: `A full design document following "${framework.title}": ${framework.description}`,
      body: frameworkSnippetLines(framework),
    };
  }
  return out;
}

/** The file's exact text, so a test can tell when the committed file is out of date. */
export function templateSnippetsText(): string {
  return `${JSON.stringify(templateSnippets(), null, 2)}\n`;
}
