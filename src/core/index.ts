// Public surface of the pure core, shared by the extension, the CLI and the webview export.
export * from './types';
export * from './markdown';
export { parseDocument, splitLines } from './parse';
export { normalizeHeading } from './headingText';
export * from './frameworks';
export * from './checklist';
export * from './recognize';
export { Glob, matchesAnyGlob, type GlobOptions } from './glob';
export * from './rules';
export * from './estimate';
export { addDiagramFindings, analyze, analyzeParsed, builtInRegistry, CONFIG_CODES, type AnalyzeInput } from './analyze';
export { diagramFindings, mermaidBlocks, type DiagramParser, type DiagramVerdict } from './diagrams/diagramCheck';
export { classifySections, type SectionClass, type ClassifiedBy } from './sections/classify';
export { readGenre, designByOutline, type GenreReading } from './sections/genre';
