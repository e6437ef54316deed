// Preview webview entry: receives rendered blocks from the host, patches the page, draws diagrams, syncs scroll.
import { cappedErrors, cappedSvgs, readHostMessage, type UpdateMessage } from '../core/render/protocol';
import { installContextMenu } from './contextMenu';
import { diagramLinkAnswers } from './diagramLinks';
import { collectSvgs, idle, renderPending, type PassResult } from './diagrams';
import { getState, patchState, post } from './host';
import { patchBlocks } from './patch';
import { sanitizePhaseBar } from './sanitize';
import { lineAtTop, offsetForLine } from './scrollSync';
import { currentTheme, watchTheme } from './theme';

const content = document.getElementById('sd-content') as HTMLElement;
const phaseBar = document.getElementById('sd-phasebar') as HTMLElement;
let version = 0;
let lastPostedLine = -1;
let ignoreScrollUntil = 0;
let restoredScroll = false;

function report(result: PassResult | undefined): void {
  if (!result) return;
  // At most what one message may carry, with a count of the rest: an over-long list would be refused whole.
  post({ type: 'diagramErrors', version, ...cappedErrors(result.errors) });
  post({ type: 'rendered', version, svgCount: result.svgCount, errorCount: result.errors.length, renders: result.renders });
}

/** Height of the sticky phase bar, which covers the top of the page. */
function headerInset(): number {
  return phaseBar.getBoundingClientRect().height;
}

function scrollToLine(line: number): void {
  const offset = offsetForLine(content, line);
  if (offset === undefined) return;
  ignoreScrollUntil = Date.now() + 250;
  window.scrollTo(0, Math.max(0, offset - headerInset() - 4));
}

function onUpdate(msg: UpdateMessage): void {
  version = msg.version;
  if (msg.resource) patchState({ resource: msg.resource });
  document.title = msg.title || 'System Design Preview';
  phaseBar.replaceChildren(sanitizePhaseBar(msg.phaseBar));
  patchBlocks(content, msg.blocks);
  if (!restoredScroll) {
    restoredScroll = true;
    const saved = getState().line;
    if (typeof saved === 'number' && saved > 0) scrollToLine(saved);
  }
  void renderPending(content).then(report);
}

window.addEventListener('message', (event: MessageEvent) => {
  // The host's messages, read by the definitions the host writes them with (core/render/protocol.ts).
  const msg = readHostMessage(event.data);
  switch (msg?.type) {
    case 'update':
      onUpdate(msg);
      break;
    case 'scrollTo':
      scrollToLine(msg.line);
      break;
    case 'collectExport': {
      const { requestId } = msg;
      void idle().then(() => post({ type: 'exportData', requestId, theme: currentTheme(), ...cappedSvgs(collectSvgs(content)) }));
      break;
    }
  }
});

// Preview → editor scroll sync, throttled to one post per frame and muted right after a host-driven scroll.
let scrollQueued = false;
window.addEventListener('scroll', () => {
  if (scrollQueued) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    if (Date.now() < ignoreScrollUntil) return;
    const line = lineAtTop(content, headerInset());
    if (line === undefined || line === lastPostedLine) return;
    lastPostedLine = line;
    patchState({ line });
    post({ type: 'scroll', line });
  });
}, { passive: true });

document.addEventListener('dblclick', (event) => {
  const target = event.target as Element | null;
  if (!target || target.closest('.sd-diagram-toolbar, .sd-menu')) return;
  const el = target.closest<HTMLElement>('#sd-content [data-line]');
  const line = Number(el?.dataset.line);
  if (el && Number.isInteger(line)) post({ type: 'reveal', line });
});

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const jump = target?.closest<HTMLElement>('[data-jump]');
  if (jump) {
    const line = Number(jump.dataset.jump);
    if (Number.isInteger(line)) scrollToLineAndSync(line);
    return;
  }
  const link = target?.closest('a');
  if (!link) return;
  // Links never navigate the webview; the host decides what (if anything) to open.
  event.preventDefault();
  if (link.closest('.sd-diagram-svg') && !diagramLinkAnswers(link, event.detail === 0 ? undefined : { x: event.clientX, y: event.clientY })) return;
  const href = link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
  if (href.startsWith('#')) {
    let slug = href.slice(1);
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // keep the raw fragment
    }
    const heading = content.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug)}"]`);
    if (heading) scrollToElement(heading);
  } else if (href) {
    post({ type: 'openLink', href: href.slice(0, 2048) });
  }
});

function scrollToElement(target: HTMLElement): void {
  window.scrollTo(0, Math.max(0, target.getBoundingClientRect().top + window.scrollY - headerInset() - 4));
}

function scrollToLineAndSync(line: number): void {
  const target = content.querySelector<HTMLElement>(`[data-line="${line}"]`);
  if (target) scrollToElement(target);
}

installContextMenu(content);
watchTheme(() => void renderPending(content).then(report));
post({ type: 'ready' });
// Fetch the Mermaid chunk while the host renders the first update.
void import('./mermaidLoader').then((m) => m.loadMermaid(currentTheme())).catch(() => undefined);
