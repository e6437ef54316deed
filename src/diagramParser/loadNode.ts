// Loads Mermaid's parser on Node (the CLI, the language server, the editor's worker thread) the first
// time a document has a ```mermaid fence: dist/webview/parseMermaid.js, an ES module that shares the
// preview's Mermaid chunks. A run without diagrams never pays for it.
import { importBeside } from '../cli/besideModule';
import type { DiagramParser } from '../core/diagrams/diagramCheck';

let loading: Promise<DiagramParser> | undefined;

/** Mermaid's parser; rejects with a readable reason when it cannot be loaded (the next call tries again). */
export function loadDiagramParser(): Promise<DiagramParser> {
  return (loading ??= importBeside<{ parseMermaid: DiagramParser }>('webview/parseMermaid.js', 'diagramParser/parseMermaid.ts').then(
    (module) => module.parseMermaid,
    (error: unknown) => {
      loading = undefined;
      throw new Error(`Mermaid's parser: ${error instanceof Error ? error.message : String(error)}`);
    },
  ));
}
