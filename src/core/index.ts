// Public surface of the pure core, shared by the extension, the CLI and the webview export.
export * from './types';
export * from './markdown';
export { parseDocument, splitLines } from './parse';
export { normalizeHeading } from './headingText';
export * from './rules';
