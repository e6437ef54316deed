// Loads Mermaid's parser (dist/webview/parseMermaid.js, an ES module that shares the preview's Mermaid
// chunks) the first time a checked document has a ```mermaid fence; a run without diagrams never pays for it.
import type { DiagramParser } from '../core/diagrams/diagramCheck';
import { importBeside } from './besideModule';

let loading: Promise<DiagramParser> | undefined;

/** Mermaid's parser; rejects with a readable reason when its bundle cannot be loaded. */
export function loadDiagramParser(): Promise<DiagramParser> {
  return (loading ??= importBeside<{ parseMermaid: DiagramParser }>('webview/parseMermaid.js', 'diagramParser/parseMermaid.ts').then(
    (module) => module.parseMermaid,
    (error: unknown) => {
      throw new Error(`the Mermaid parser: ${error instanceof Error ? error.message : String(error)}`);
    },
  ));
}
