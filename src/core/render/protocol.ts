// Messages between the preview host and its webview, and strict validation of what the webview sends.
import type { ExportTheme } from './exportHtml';
import type { RenderedBlock } from './renderDocument';

const THEMES: readonly ExportTheme[] = ['light', 'dark', 'hc-dark', 'hc-light'];

// ---------------------------------------------------------------- host → webview

export interface UpdateMessage {
  type: 'update';
  version: number;
  blocks: RenderedBlock[];
  phaseBar: string;
  title: string;
  lineCount: number;
  /** Document URI, kept in the webview state so the serializer can restore the panel. */
  resource: string;
}

export interface ScrollToMessage {
  type: 'scrollTo';
  /** 0-based line, fractional for smooth sync. */
  line: number;
}

export interface CollectExportMessage {
  type: 'collectExport';
  requestId: number;
}

export type HostMessage = UpdateMessage | ScrollToMessage | CollectExportMessage;

/** The webview's reading of what the host sends: the same definitions, checked field by field. */
export function readHostMessage(raw: unknown): HostMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'update': {
      const { version, blocks, phaseBar, title, lineCount, resource } = raw;
      if (typeof version !== 'number' || !Array.isArray(blocks) || !blocks.every(isBlock)) return undefined;
      return {
        type: 'update',
        version,
        blocks,
        phaseBar: typeof phaseBar === 'string' ? phaseBar : '',
        title: typeof title === 'string' ? title : '',
        lineCount: typeof lineCount === 'number' ? lineCount : 0,
        resource: typeof resource === 'string' ? resource : '',
      };
    }
    case 'scrollTo':
      return typeof raw.line === 'number' && Number.isFinite(raw.line) ? { type: 'scrollTo', line: raw.line } : undefined;
    case 'collectExport':
      return typeof raw.requestId === 'number' ? { type: 'collectExport', requestId: raw.requestId } : undefined;
    default:
      return undefined;
  }
}

function isBlock(value: unknown): value is RenderedBlock {
  return isRecord(value) && typeof value.key === 'string' && typeof value.html === 'string' && typeof value.line === 'number';
}

// ---------------------------------------------------------------- webview → host

export interface DiagramError {
  /** 0-based document line of the diagram's opening fence. */
  line: number;
  /** 1-based line inside the diagram source when Mermaid reported one. */
  diagramLine?: number;
  message: string;
}

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'scroll'; line: number }
  | { type: 'reveal'; line: number }
  | { type: 'openLink'; href: string }
  | { type: 'saveDiagram'; format: 'svg' | 'png'; data: string }
  | { type: 'diagramErrors'; version: number; errors: DiagramError[]; omitted: number }
  | { type: 'rendered'; version: number; svgCount: number; errorCount: number; renders: number }
  | { type: 'exportData'; requestId: number; theme: ExportTheme; diagrams: { hash: string; svg: string }[]; omitted: number };

export const LIMITS = {
  href: 2048,
  errorMessage: 2000,
  errors: 500,
  diagrams: 500,
  /** One SVG or PNG data URL. */
  payload: 20 * 1024 * 1024,
  /** All the SVGs of one export together. */
  exportBytes: 64 * 1024 * 1024,
  hash: 32,
} as const;

/**
 * A list cut to what one message may carry, and how many were left out. Both sides use it: the webview
 * sends at most this much, and the host keeps the first entries of a longer list instead of rejecting
 * the message (which left diagnostics stale and the export waiting).
 */
export function capList<T>(list: readonly T[], max: number, size?: (item: T) => number, maxTotal = Infinity): { items: T[]; omitted: number } {
  let total = 0;
  let end = 0;
  for (; end < list.length && end < max; end++) {
    total += size ? size(list[end]) : 0;
    if (total > maxTotal) break;
  }
  return { items: list.slice(0, end), omitted: list.length - end };
}

/** What the webview sends for its diagram errors and export SVGs: capped, with the count left out. */
export function cappedErrors(errors: readonly DiagramError[]): { errors: DiagramError[]; omitted: number } {
  const { items, omitted } = capList(errors, LIMITS.errors);
  return { errors: items, omitted };
}

export function cappedSvgs(diagrams: readonly { hash: string; svg: string }[]): { diagrams: { hash: string; svg: string }[]; omitted: number } {
  const { items, omitted } = capList(diagrams, LIMITS.diagrams, (d) => d.svg.length, LIMITS.exportBytes);
  return { diagrams: items, omitted };
}

export type ValidationResult = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function isLine(value: unknown, lineCount: number): value is number {
  return isCount(value) && value < Math.max(lineCount, 1);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function fail(reason: string): ValidationResult {
  return { ok: false, reason };
}

/** Accepts only the messages the webview is allowed to send, field by field; anything else is rejected. */
export function validateWebviewMessage(raw: unknown, ctx: { lineCount: number }): ValidationResult {
  if (!isRecord(raw) || typeof raw.type !== 'string') return fail('not an object with a string type');
  switch (raw.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'scroll':
    case 'reveal':
      if (!isLine(raw.line, ctx.lineCount)) return fail(`${raw.type}: line must be an integer within the document`);
      return { ok: true, message: { type: raw.type, line: raw.line } };
    case 'openLink':
      if (!isText(raw.href, LIMITS.href) || raw.href.length === 0) return fail('openLink: href must be a short string');
      return { ok: true, message: { type: 'openLink', href: raw.href } };
    case 'saveDiagram': {
      if (raw.format !== 'svg' && raw.format !== 'png') return fail('saveDiagram: format must be svg or png');
      if (!isText(raw.data, LIMITS.payload)) return fail('saveDiagram: data must be a string within the size limit');
      if (raw.format === 'svg' && !/^\s*<svg[\s>]/.test(raw.data)) return fail('saveDiagram: svg data must start with <svg');
      if (raw.format === 'png' && !/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(raw.data))
        return fail('saveDiagram: png data must be a base64 PNG data URL');
      return { ok: true, message: { type: 'saveDiagram', format: raw.format, data: raw.data } };
    }
    case 'diagramErrors': {
      if (!isCount(raw.version)) return fail('diagramErrors: version must be a non-negative integer');
      if (!Array.isArray(raw.errors)) return fail('diagramErrors: errors must be an array');
      if (raw.omitted !== undefined && !isCount(raw.omitted)) return fail('diagramErrors: omitted must be a count');
      // A longer list than a message may carry keeps its first entries; the rest are counted, not read.
      const kept = capList(raw.errors as unknown[], LIMITS.errors);
      const errors: DiagramError[] = [];
      for (const e of kept.items) {
        if (!isRecord(e) || !isLine(e.line, ctx.lineCount)) return fail('diagramErrors: each error needs a line within the document');
        if (!isText(e.message, LIMITS.errorMessage)) return fail('diagramErrors: message must be a short string');
        if (e.diagramLine !== undefined && !isCount(e.diagramLine, ctx.lineCount)) return fail('diagramErrors: diagramLine out of range');
        errors.push({ line: e.line, message: e.message, ...(e.diagramLine !== undefined ? { diagramLine: e.diagramLine } : {}) });
      }
      return { ok: true, message: { type: 'diagramErrors', version: raw.version, errors, omitted: ((raw.omitted as number | undefined) ?? 0) + kept.omitted } };
    }
    case 'rendered':
      if (!isCount(raw.version) || !isCount(raw.svgCount, 100000) || !isCount(raw.errorCount, 100000) || !isCount(raw.renders))
        return fail('rendered: counts must be non-negative integers');
      return {
        ok: true,
        message: { type: 'rendered', version: raw.version, svgCount: raw.svgCount, errorCount: raw.errorCount, renders: raw.renders },
      };
    case 'exportData': {
      if (!isCount(raw.requestId)) return fail('exportData: requestId must be a non-negative integer');
      const theme = THEMES.find((t) => t === raw.theme);
      if (theme === undefined) return fail('exportData: unknown theme');
      if (!Array.isArray(raw.diagrams)) return fail('exportData: diagrams must be an array');
      if (raw.omitted !== undefined && !isCount(raw.omitted)) return fail('exportData: omitted must be a count');
      const kept = capList(raw.diagrams as unknown[], LIMITS.diagrams, (d) => (isRecord(d) && typeof d.svg === 'string' ? d.svg.length : 0), LIMITS.exportBytes);
      const diagrams: { hash: string; svg: string }[] = [];
      for (const d of kept.items) {
        if (!isRecord(d) || !isText(d.hash, LIMITS.hash) || !/^[a-z0-9]+$/.test(d.hash)) return fail('exportData: bad hash');
        if (!isText(d.svg, LIMITS.payload) || !/^\s*<svg[\s>]/.test(d.svg)) return fail('exportData: svg must start with <svg');
        diagrams.push({ hash: d.hash, svg: d.svg });
      }
      return { ok: true, message: { type: 'exportData', requestId: raw.requestId, theme, diagrams, omitted: ((raw.omitted as number | undefined) ?? 0) + kept.omitted } };
    }
    default:
      return fail(`unknown message type ${JSON.stringify(raw.type.slice(0, 40))}`);
  }
}

/** Document line for a diagram error: the fence line plus Mermaid's own line, when it gave one. */
export function diagramErrorLine(error: DiagramError, lineCount: number): number {
  const line = error.diagramLine !== undefined ? error.line + error.diagramLine : error.line;
  return Math.min(Math.max(line, 0), Math.max(lineCount - 1, 0));
}
