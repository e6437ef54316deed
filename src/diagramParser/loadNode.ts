// Loads Mermaid's parser on Node (the CLI, the language server, the editor's worker thread) the first
// time a document has a ```mermaid fence: dist/webview/parseMermaid.js, an ES module that shares the
// preview's Mermaid chunks, beside the bundle that asks for it. A run without diagrams never pays for it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagramParser } from '../core/diagrams/diagramCheck';

let loading: Promise<DiagramParser> | undefined;

/** Mermaid's parser; rejects with a readable reason when it cannot be loaded. */
export function loadDiagramParser(): Promise<DiagramParser> {
  // Bundled, this file sits in dist/; unbundled (tests under tsx), the source module sits beside it.
  const bundled = join(__dirname, 'webview', 'parseMermaid.js');
  const file = existsSync(bundled) ? bundled : join(__dirname, 'parseMermaid.ts');
  return (loading ??= (import(pathToFileURL(file).href) as Promise<{ parseMermaid: DiagramParser }>).then(
    (module) => module.parseMermaid,
    (error: unknown) => {
      loading = undefined;
      throw new Error(`Mermaid's parser could not be loaded from ${file}: ${error instanceof Error ? error.message : String(error)}`);
    },
  ));
}
