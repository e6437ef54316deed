// The documents the browser tests render: the project's examples when present, else our fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

export interface Doc {
  name: string;
  text: string;
}

function mdFiles(dir: string): Doc[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

export function exampleDocs(): Doc[] {
  const examples = mdFiles(join(ROOT, 'examples')).filter((d) => /```mermaid/.test(d.text));
  return examples.length > 0 ? examples : [fixture('design.md')];
}

export function fixture(name: string): Doc {
  return { name, text: readFileSync(join(ROOT, 'test/browser/fixtures', name), 'utf8') };
}

/** Number of ```mermaid fences, counted independently of the renderer. */
export function countMermaidFences(text: string): number {
  return (text.match(/^\s{0,3}(```|~~~)\s*mermaid\b/gim) ?? []).length;
}

/** Diagrams broken on purpose in the examples (see examples/README.md): they must show as errors. */
export const PLANTED_BROKEN: Record<string, number> = { 'news-feed.design.md': 1 };
