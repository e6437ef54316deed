// Mermaid's own parser, for runtimes without a DOM (the CLI, the language server, a web worker): it
// checks a diagram's syntax and never draws it. Built with the preview (dist/webview/parseMermaid.js,
// sharing its Mermaid chunks) and imported only when a document has a ```mermaid fence.
import type { DiagramVerdict } from '../core/diagrams/diagramCheck';
import { diagramErrorDetails } from '../core/diagrams/diagramCheck';

type Mermaid = typeof import('mermaid').default;

let loading: Promise<Mermaid> | undefined;

// Without a DOM, DOMPurify leaves out its methods, and the parsers of some diagram types (class,
// state, Gantt, C4) call them on labels. Parsing only checks syntax: no label from here reaches a
// page, so labels pass through unchanged; the preview and the export draw with the real DOMPurify.
async function withoutDom(): Promise<void> {
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  if (typeof purify.addHook === 'function') return;
  const none = (): void => undefined;
  Object.assign(purify, {
    sanitize: (dirty: unknown) => (typeof dirty === 'string' ? dirty : String(dirty ?? '')),
    addHook: none,
    removeHook: none,
    removeHooks: none,
    removeAllHooks: none,
    setConfig: none,
    clearConfig: none,
    isValidAttribute: () => false,
  });
}

function load(): Promise<Mermaid> {
  return (loading ??= (async () => {
    await withoutDom();
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', logLevel: 'fatal' });
    return mermaid;
  })());
}

/** Mermaid's verdict on one diagram's source. */
export async function parseMermaid(source: string): Promise<DiagramVerdict> {
  const mermaid = await load();
  try {
    await mermaid.parse(source);
    return { ok: true };
  } catch (err) {
    // Some parsers reach for the browser while reading a valid diagram (a sequence diagram's `box`
    // checks its colour through the DOM). Such a failure says nothing about the syntax: no verdict
    // against the diagram, which the preview still draws.
    if (err instanceof ReferenceError || err instanceof TypeError) return { ok: true };
    return { ok: false, ...diagramErrorDetails(err) };
  }
}
