// Zoom and pan for large diagrams: Ctrl/Cmd+wheel, drag, toolbar buttons and keys (+ - 0 arrows).
import { openDiagramMenu } from './contextMenu';

interface View {
  scale: number;
  x: number;
  y: number;
}

const views = new WeakMap<HTMLElement, View>();
const MIN = 0.25;
const MAX = 8;

function viewOf(container: HTMLElement): View {
  let view = views.get(container);
  if (!view) views.set(container, (view = { scale: 1, x: 0, y: 0 }));
  return view;
}

function apply(container: HTMLElement): void {
  const view = viewOf(container);
  const frame = container.querySelector<HTMLElement>('.sd-diagram-svg');
  if (!frame) return;
  frame.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  container.classList.toggle('sd-zoomed', view.scale !== 1 || view.x !== 0 || view.y !== 0);
  container.dataset.zoom = view.scale.toFixed(2);
}

/** Zooms by `factor` keeping the point (px, py) of the viewport fixed. */
export function zoomBy(container: HTMLElement, factor: number, px = 0, py = 0): void {
  const view = viewOf(container);
  const next = Math.min(MAX, Math.max(MIN, view.scale * factor));
  const ratio = next / view.scale;
  view.x = px - (px - view.x) * ratio;
  view.y = py - (py - view.y) * ratio;
  view.scale = next;
  apply(container);
}

export function resetZoom(container: HTMLElement): void {
  views.set(container, { scale: 1, x: 0, y: 0 });
  apply(container);
}

function panBy(container: HTMLElement, dx: number, dy: number): void {
  const view = viewOf(container);
  view.x += dx;
  view.y += dy;
  apply(container);
}

function button(label: string, title: string, action: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = label;
  el.title = title;
  el.setAttribute('aria-label', title);
  el.addEventListener('click', (event) => {
    event.stopPropagation();
    action();
  });
  return el;
}

/** Adds the toolbar and the viewport behaviour to a rendered diagram (idempotent per body). */
export function attachZoom(container: HTMLElement): void {
  if (!container.querySelector(':scope > .sd-diagram-toolbar')) {
    const bar = document.createElement('div');
    bar.className = 'sd-diagram-toolbar';
    const actions = button('⋯', 'Diagram actions', () => openDiagramMenu(container, actions));
    actions.setAttribute('aria-haspopup', 'menu');
    bar.append(
      button('+', 'Zoom in', () => zoomBy(container, 1.25)),
      button('−', 'Zoom out', () => zoomBy(container, 0.8)),
      button('⟲', 'Reset zoom', () => resetZoom(container)),
      actions,
    );
    container.prepend(bar);
  }
  const body = container.querySelector<HTMLElement>(':scope > .sd-diagram-body');
  if (!body || body.dataset.zoomReady) return;
  body.dataset.zoomReady = '1';
  body.tabIndex = 0;
  body.setAttribute('role', 'img');
  body.setAttribute('aria-label', `Diagram at line ${Number(container.dataset.line) + 1}. Plus and minus zoom, arrows pan, 0 resets, Shift+F10 opens actions.`);
  apply(container);

  body.addEventListener('wheel', (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const rect = body.getBoundingClientRect();
    zoomBy(container, event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - rect.left, event.clientY - rect.top);
  }, { passive: false });

  let drag: { id: number; x: number; y: number } | undefined;
  body.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || viewOf(container).scale === 1) return;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    body.setPointerCapture(event.pointerId);
  });
  body.addEventListener('pointermove', (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    panBy(container, event.clientX - drag.x, event.clientY - drag.y);
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
  });
  const endDrag = (): void => {
    drag = undefined;
  };
  body.addEventListener('pointerup', endDrag);
  body.addEventListener('pointercancel', endDrag);

  body.addEventListener('keydown', (event) => {
    const step = 40;
    const handled: Record<string, () => void> = {
      '+': () => zoomBy(container, 1.25),
      '=': () => zoomBy(container, 1.25),
      '-': () => zoomBy(container, 0.8),
      '0': () => resetZoom(container),
      ArrowLeft: () => panBy(container, step, 0),
      ArrowRight: () => panBy(container, -step, 0),
      ArrowUp: () => panBy(container, 0, step),
      ArrowDown: () => panBy(container, 0, -step),
    };
    const action = handled[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  });
}
