// Loads Mermaid's parser (dist/diagramParser/, an ES module beside cli.js) the first time a checked
// document has a ```mermaid fence; a run without diagrams never pays for it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagramParser } from '../core/diagrams/diagramCheck';

let loading: Promise<DiagramParser> | undefined;

/** Mermaid's parser; rejects with a readable reason when its bundle cannot be loaded. */
export function loadDiagramParser(): Promise<DiagramParser> {
  // The path is built at run time so the CLI bundle does not swallow Mermaid. Unbundled (tests run
  // the source under tsx) there is no bundle beside this file, and the source module stands in place.
  const bundled = join(__dirname, 'diagramParser', 'parseMermaid.mjs');
  const file = pathToFileURL(existsSync(bundled) ? bundled : join(__dirname, '..', 'diagramParser', 'parseMermaid.ts')).href;
  return (loading ??= (import(file) as Promise<{ parseMermaid: DiagramParser }>).then(
    (module) => module.parseMermaid,
    (error: unknown) => {
      throw new Error(`the Mermaid parser could not be loaded from ${file}: ${error instanceof Error ? error.message : String(error)}`);
    },
  ));
}
