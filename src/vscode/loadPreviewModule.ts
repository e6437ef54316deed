// Loads previewModule.ts on first use (opening, restoring or exporting a preview). scripts/build.mjs
// keeps this require out of dist/extension.js and points it at dist/previewModule.js beside it.
import type * as PreviewModule from './previewModule';

let loaded: typeof PreviewModule | undefined;

export function previewModule(): typeof PreviewModule {
  return (loaded ??= require('./previewModule') as typeof PreviewModule);
}

/** The module if something already loaded it (deactivation and error reports must not load it). */
export function loadedPreviewModule(): typeof PreviewModule | undefined {
  return loaded;
}
