// Loads frameworkFiles.ts on first use, so activating in a workspace without `.sysdesign/frameworks/*.json`
// never loads the schema validator or jsonc-parser. scripts/build.mjs keeps this require out of
// dist/extension.js and points it at dist/frameworkFiles.js, next to the bundle that requires it.
import type * as FrameworkFiles from './frameworkFiles';

let loaded: typeof FrameworkFiles | undefined;

export function frameworkFiles(): typeof FrameworkFiles {
  return (loaded ??= require('./frameworkFiles') as typeof FrameworkFiles);
}
