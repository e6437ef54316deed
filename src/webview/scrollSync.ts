// Maps between source lines and scroll positions using the blocks' data-line attributes.

interface Anchor {
  line: number;
  top: number;
}

function anchors(root: HTMLElement): Anchor[] {
  const list: Anchor[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-line]'))) {
    if (el.closest('.sd-diagram-body')) continue;
    const line = Number(el.dataset.line);
    if (!Number.isFinite(line)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.height === 0 && rect.width === 0) continue;
    list.push({ line, top: rect.top + window.scrollY });
  }
  return list.sort((a, b) => a.line - b.line || a.top - b.top);
}

/** Scroll offset showing `line` (fractional lines interpolate between neighbouring blocks) at the top. */
export function offsetForLine(root: HTMLElement, line: number): number | undefined {
  const list = anchors(root);
  if (list.length === 0) return undefined;
  let before = list[0];
  let after: Anchor | undefined;
  for (const anchor of list) {
    if (anchor.line <= line) before = anchor;
    else {
      after = anchor;
      break;
    }
  }
  if (line <= before.line || !after) return before.top;
  const fraction = (line - before.line) / (after.line - before.line);
  return before.top + (after.top - before.top) * fraction;
}

/** Source line at the top of the viewport (integer), below a sticky header `inset` pixels tall. */
export function lineAtTop(root: HTMLElement, inset = 0): number | undefined {
  const list = anchors(root);
  if (list.length === 0) return undefined;
  const y = window.scrollY + inset + 6; // callers scroll targets to 4 px below the inset
  let best = list[0];
  let next: Anchor | undefined;
  for (const anchor of list) {
    if (anchor.top <= y) best = anchor;
    else {
      next = anchor;
      break;
    }
  }
  if (!next || y <= best.top) return best.line;
  const fraction = (y - best.top) / Math.max(1, next.top - best.top);
  return Math.floor(best.line + (next.line - best.line) * fraction);
}
