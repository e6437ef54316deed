// The editor's analysis on the extension host's own thread, for when the worker cannot run. Built as
// dist/inProcessAnalysis.js beside extension.js (scripts/build.mjs) and required on first use, so the
// host bundle does not carry the whole engine for a fallback.
export { analyzeForEditor } from '../core/editorAnalysis';
