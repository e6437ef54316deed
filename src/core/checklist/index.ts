// Public surface of the checklist.
export { buildChecklist, phaseContent } from './checklist';
export { detect, NEED_TITLES, type Evidence, type PhaseContent } from './detectors';
export { isPlaceholderText as isPlaceholderLine, isRealBlock, realLines, type ContentLine } from './placeholder';
