// Imports a module built beside the Node bundles in dist/ (cli.js, server.js, analysisWorker.js), built
// apart so a run that does not need it never loads it. Unbundled (tests run the source under tsx) nothing sits beside this file, and the source
// module is imported in its place.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `bundled`: the path under dist/; `source`: the path under src/ (both relative to them). */
export async function importBeside<T>(bundled: string, source: string): Promise<T> {
  // Paths are built at run time so the CLI bundle does not swallow the module.
  const built = join(__dirname, bundled);
  const file = existsSync(built) ? built : join(__dirname, '..', source);
  try {
    return (await import(pathToFileURL(file).href)) as T;
  } catch (error) {
    throw new Error(`${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}
