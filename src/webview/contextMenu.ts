// In-webview context menu for diagrams: copy/save as SVG, save as PNG, as shown or for a light page. Keyboard: arrows, Home/End, Enter, Escape.
import { post } from './host';
import { svgForTheme } from './diagrams';
import { copyPng, copyText, diagramSvg, offscreenSvg, svgText, svgToPng } from './svgExport';
import { currentTheme } from './theme';

/** The diagram drawn in the light theme on white, whatever VS Code's theme: for documents and slides. */
async function forLightPage(container: HTMLElement, svg: SVGSVGElement, format: 'svg' | 'png'): Promise<void> {
  const light = currentTheme() === 'light' ? undefined : await svgForTheme(container, 'light');
  const drawn = light ? offscreenSvg(light) : { svg, done: () => undefined };
  try {
    if (!drawn.svg) throw new Error('the diagram could not be drawn in the light theme');
    post({ type: 'saveDiagram', format, data: format === 'svg' ? svgText(drawn.svg) : await svgToPng(drawn.svg, 2, '#ffffff') });
  } catch (err) {
    status(container, `Export failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    drawn.done();
  }
}

let openMenu: { el: HTMLElement; returnFocus: HTMLElement | null } | undefined;

export function closeMenu(restoreFocus = true): void {
  if (!openMenu) return;
  const { el, returnFocus } = openMenu;
  openMenu = undefined;
  el.remove();
  if (restoreFocus) returnFocus?.focus();
}

function status(container: HTMLElement, text: string): void {
  let note = container.querySelector<HTMLElement>(':scope > .sd-diagram-status');
  if (!note) {
    note = document.createElement('div');
    note.className = 'sd-diagram-status';
    note.setAttribute('role', 'status');
    container.append(note);
  }
  note.textContent = text;
}

const ITEMS: { label: string; run: (container: HTMLElement, svg: SVGSVGElement) => Promise<void> }[] = [
  {
    label: 'Copy diagram as SVG',
    run: async (container, svg) => status(container, (await copyText(svgText(svg))) ? 'SVG copied.' : 'Copy failed.'),
  },
  {
    label: 'Copy diagram as PNG',
    run: async (container, svg) => {
      const copied = await svgToPng(svg).then(copyPng, () => false);
      status(container, copied ? 'PNG copied.' : 'This editor does not allow copying images: use Save diagram as PNG.');
    },
  },
  { label: 'Save diagram as SVG', run: async (_c, svg) => post({ type: 'saveDiagram', format: 'svg', data: svgText(svg) }) },
  {
    label: 'Save diagram as PNG',
    run: async (container, svg) => {
      try {
        post({ type: 'saveDiagram', format: 'png', data: await svgToPng(svg) });
      } catch (err) {
        status(container, `PNG export failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  },
  { label: 'Save diagram for a light page as SVG', run: (container, svg) => forLightPage(container, svg, 'svg') },
  { label: 'Save diagram for a light page as PNG', run: (container, svg) => forLightPage(container, svg, 'png') },
];

/** Opens the menu for `container` at a point (mouse) or under `anchor` (keyboard). */
export function openDiagramMenu(container: HTMLElement, anchor: HTMLElement | null, point?: { x: number; y: number }): void {
  const svg = diagramSvg(container);
  if (!svg) return;
  closeMenu(false);
  const menu = document.createElement('div');
  menu.className = 'sd-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Diagram actions');
  const buttons = ITEMS.map((item) => {
    const el = document.createElement('button');
    el.type = 'button';
    el.setAttribute('role', 'menuitem');
    el.tabIndex = -1;
    el.textContent = item.label;
    el.addEventListener('click', (event) => {
      event.stopPropagation();
      closeMenu();
      void item.run(container, svg);
    });
    menu.append(el);
    return el;
  });
  menu.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 };
    if (event.key in move) {
      event.preventDefault();
      buttons[(move[event.key] + buttons.length) % buttons.length].focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      closeMenu();
    }
  });
  document.body.append(menu);
  const rect = anchor?.getBoundingClientRect();
  const x = point?.x ?? rect?.left ?? 0;
  const y = point?.y ?? rect?.bottom ?? 0;
  menu.style.left = `${Math.min(x + window.scrollX, window.scrollX + document.documentElement.clientWidth - menu.offsetWidth - 4)}px`;
  menu.style.top = `${y + window.scrollY}px`;
  openMenu = { el: menu, returnFocus: anchor ?? (container.querySelector<HTMLElement>('.sd-diagram-body') ?? null) };
  buttons[0].focus();
}

/** Right-click, Shift+F10 and the Menu key on diagrams; clicks elsewhere close the menu. */
export function installContextMenu(root: HTMLElement): void {
  root.addEventListener('contextmenu', (event) => {
    const container = (event.target as Element | null)?.closest<HTMLElement>('.sd-diagram');
    if (!container || !diagramSvg(container)) return;
    event.preventDefault();
    openDiagramMenu(container, container.querySelector<HTMLElement>('.sd-diagram-body'), { x: event.clientX, y: event.clientY });
  });
  root.addEventListener('keydown', (event) => {
    if (!(event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) return;
    const container = (event.target as Element | null)?.closest<HTMLElement>('.sd-diagram');
    if (!container) return;
    event.preventDefault();
    openDiagramMenu(container, event.target as HTMLElement);
  });
  document.addEventListener('pointerdown', (event) => {
    if (openMenu && !openMenu.el.contains(event.target as Node)) closeMenu(false);
  });
}
