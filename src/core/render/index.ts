// Pure HTML rendering of design docs for the preview, the HTML export and the CLI.
export * from './renderDocument';
export * from './protocol';
export * from './links';
export * from './shell';
export * from './exportHtml';
export { contentHash } from './hash';
export { escapeHtml } from './escape';
