// Draws Mermaid placeholders: SVG cached by source hash and theme, stale passes abandoned by generation.
import type { DiagramError } from '../core/render/protocol';
import { diagramErrorDetails } from '../core/diagrams/diagramCheck';
import type { ExportTheme } from '../core/render/exportHtml';
import { loadMermaid } from './mermaidLoader';
import { sanitizeSvg } from './sanitize';
import { currentTheme } from './theme';
import { attachZoom } from './zoom';

type Outcome = { svg: string } | { error: string; diagramLine?: number };

const cache = new Map<string, Outcome>();
let generation = 0;
let renderCount = 0;
let idCounter = 0;
let running: Promise<void> = Promise.resolve();

export interface PassResult {
  svgCount: number;
  errors: DiagramError[];
  renders: number;
}

function sourceOf(container: HTMLElement): string {
  return container.querySelector<HTMLElement>(':scope > .sd-diagram-source')?.textContent ?? '';
}

async function renderSource(source: string, theme: ExportTheme): Promise<Outcome> {
  const mermaid = await loadMermaid(theme);
  renderCount++;
  const id = `sd-mermaid-${++idCounter}`;
  try {
    const { svg } = await mermaid.render(id, source);
    return { svg: sanitizeSvg(svg) };
  } catch (err) {
    const { message, diagramLine } = diagramErrorDetails(err);
    return diagramLine === undefined ? { error: message } : { error: message, diagramLine };
  } finally {
    // Mermaid leaves its scratch element behind when rendering fails.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

function show(container: HTMLElement, outcome: Outcome, themeKey: string): void {
  container.querySelector(':scope > .sd-diagram-body')?.remove();
  const body = document.createElement('div');
  body.className = 'sd-diagram-body';
  if ('svg' in outcome) {
    const frame = document.createElement('div');
    frame.className = 'sd-diagram-svg';
    frame.innerHTML = outcome.svg; // sanitized by sanitizeSvg when cached
    body.append(frame);
    container.classList.remove('sd-diagram-failed');
    delete container.dataset.error;
    delete container.dataset.errorLine;
    body.dataset.kind = 'svg';
  } else {
    const box = document.createElement('div');
    box.className = 'sd-diagram-error';
    box.setAttribute('role', 'alert');
    const heading = document.createElement('strong');
    heading.textContent = 'Diagram error';
    const text = document.createElement('pre');
    text.textContent = outcome.error;
    box.append(heading, text);
    body.append(box);
    container.classList.add('sd-diagram-failed');
    container.dataset.error = outcome.error;
    if (outcome.diagramLine !== undefined) container.dataset.errorLine = String(outcome.diagramLine);
    body.dataset.kind = 'error';
  }
  container.append(body);
  container.dataset.rendered = themeKey;
  if ('svg' in outcome) attachZoom(container);
}

/** Renders every placeholder not yet drawn for the current theme. Resolves false when superseded. */
export function renderPending(root: ParentNode, force = false): Promise<PassResult | undefined> {
  const myGeneration = ++generation;
  const pass = running.then(async () => {
    const theme = currentTheme();
    const containers = Array.from(root.querySelectorAll<HTMLElement>('.sd-diagram'));
    for (const container of containers) {
      if (myGeneration !== generation) return undefined;
      const hash = container.dataset.hash ?? '';
      if (!force && container.dataset.rendered === theme) continue;
      const key = `${theme}:${hash}`;
      let outcome = cache.get(key);
      if (!outcome) {
        outcome = await renderSource(sourceOf(container), theme);
        cache.set(key, outcome);
        // A newer pass (new text or theme) owns the DOM now; the cached result still helps it.
        if (myGeneration !== generation || theme !== currentTheme()) return undefined;
      }
      if (container.isConnected) show(container, outcome, theme);
    }
    return summarize(root);
  });
  running = pass.then(() => undefined, () => undefined);
  return pass;
}

export function summarize(root: ParentNode): PassResult {
  const errors: DiagramError[] = [];
  let svgCount = 0;
  for (const container of Array.from(root.querySelectorAll<HTMLElement>('.sd-diagram'))) {
    if (container.querySelector(':scope > .sd-diagram-body .sd-diagram-svg > svg')) svgCount++;
    const message = container.dataset.error;
    if (message === undefined) continue;
    const line = Number(container.dataset.line);
    const diagramLine = container.dataset.errorLine !== undefined ? Number(container.dataset.errorLine) : undefined;
    errors.push({ line: Number.isInteger(line) ? line : 0, message, ...(diagramLine !== undefined ? { diagramLine } : {}) });
  }
  return { svgCount, errors, renders: renderCount };
}

/**
 * The diagram drawn for another theme (a light page while VS Code is dark), as sanitized SVG text.
 * Queued behind the passes, so Mermaid is configured for one theme at a time; cached like the rest.
 */
export function svgForTheme(container: HTMLElement, theme: ExportTheme): Promise<string | undefined> {
  const task = running.then(async () => {
    const key = `${theme}:${container.dataset.hash ?? ''}`;
    let outcome = cache.get(key);
    if (!outcome) {
      outcome = await renderSource(sourceOf(container), theme);
      cache.set(key, outcome);
    }
    return 'svg' in outcome ? outcome.svg : undefined;
  });
  running = task.then(() => undefined, () => undefined);
  return task;
}

/** Resolves once every queued pass has finished. */
export function idle(): Promise<void> {
  return running;
}

/** Unique rendered SVGs by hash, for the HTML export. */
export function collectSvgs(root: ParentNode): { hash: string; svg: string }[] {
  const seen = new Map<string, string>();
  for (const container of Array.from(root.querySelectorAll<HTMLElement>('.sd-diagram'))) {
    const hash = container.dataset.hash;
    const svg = container.querySelector(':scope > .sd-diagram-body .sd-diagram-svg > svg');
    if (hash && svg && !seen.has(hash)) seen.set(hash, new XMLSerializer().serializeToString(svg));
  }
  return Array.from(seen, ([hash, svg]) => ({ hash, svg }));
}
