// When a document is too big to analyse live: the size check and the notice text (no `vscode`, unit-testable).

import { CONFIG_CODES } from '../core/codeIds';

/** Editor-only code for the "analysis paused" notice (in the core's code catalog with the others). */
export const PAUSED_CODE = CONFIG_CODES.analysisPaused.code;
export const MAX_SIZE_SETTING = 'systemDesign.maxDocumentSizeMB';
export { DEFAULT_MAX_DOCUMENT_SIZE_MB, MIN_MAX_DOCUMENT_SIZE_MB } from '../core/config/designConfig';

const BYTES_PER_MB = 1024 * 1024;

export interface PausedInfo {
  sizeMB: number;
  limitMB: number;
  /** One sentence for the Problems panel, the status bar tooltip and the checklist. */
  message: string;
}

function formatMB(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/**
 * Paused when the text is larger than the limit. Length in UTF-16 units stands in for bytes: it is free
 * (no encoding pass over megabytes) and exact for the ASCII that design docs mostly are.
 */
export function pausedFor(textLength: number, limitMB: number): PausedInfo | undefined {
  if (textLength <= limitMB * BYTES_PER_MB) return undefined;
  const sizeMB = textLength / BYTES_PER_MB;
  return {
    sizeMB,
    limitMB,
    message: `System Design analysis paused: this document is ${formatMB(sizeMB)} MB, larger than ${MAX_SIZE_SETTING} (${limitMB} MB). Raise the setting to analyse it.`,
  };
}

/** Front matter sits at the top: recognising a too-large document reads only this much of it. */
export const RECOGNITION_HEAD_CHARS = 64 * 1024;

/** What an analysis path does with a text of a given size. */
export type SizeVerdict = { kind: 'analyse' } | { kind: 'paused'; paused: PausedInfo } | { kind: 'skip' };

/**
 * The one size gate for open documents and the workspace check: within the limit, analyse; over it,
 * only the head is recognised (`isDesignHead`, called only then): a design document is paused, any
 * other file skipped.
 */
export function sizeVerdict(textLength: number, limitMB: number, isDesignHead: () => boolean): SizeVerdict {
  const paused = pausedFor(textLength, limitMB);
  if (!paused) return { kind: 'analyse' };
  return isDesignHead() ? { kind: 'paused', paused } : { kind: 'skip' };
}

/** Why a design command does nothing on a paused document (it has no analysis to work from). */
export function pausedCommandMessage(paused: PausedInfo, action: string): string {
  return `System Design: analysis is paused for documents larger than ${paused.limitMB} MB (${MAX_SIZE_SETTING}); this one is ${formatMB(paused.sizeMB)} MB. Raise the setting to ${action}.`;
}

/** What the preview shows instead of a too-large document (Markdown, rendered by the usual pipeline). */
export function pausedPreviewMarkdown(paused: PausedInfo): string {
  return [
    '# Preview paused',
    '',
    `This document is ${formatMB(paused.sizeMB)} MB, larger than \`${MAX_SIZE_SETTING}\` (${paused.limitMB} MB), so it is not rendered here: rendering it would freeze the editor.`,
    '',
    'Raise the setting, or make the document smaller, and the preview comes back on the next edit.',
    '',
  ].join('\n');
}
