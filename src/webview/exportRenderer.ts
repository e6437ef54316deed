// Inline renderer for exported HTML files (the CLI): draws the diagram placeholders once the page loads.
import mermaid from 'mermaid';
import { diagramLinkAnswers } from './diagramLinks';
import { lockedConfig } from './mermaidConfig';
import { sanitizeSvg } from './sanitize';

async function renderAll(): Promise<void> {
  const dark = document.body.classList.contains('sd-theme-dark') || document.body.classList.contains('sd-theme-hc-dark');
  mermaid.initialize(lockedConfig({ theme: dark ? 'dark' : 'default' }));
  let n = 0;
  for (const container of Array.from(document.querySelectorAll<HTMLElement>('.sd-diagram:not(.sd-diagram-static)'))) {
    const source = container.querySelector('.sd-diagram-source')?.textContent ?? '';
    const frame = document.createElement('div');
    try {
      const { svg } = await mermaid.render(`sd-export-${++n}`, source);
      frame.className = 'sd-diagram-svg';
      frame.innerHTML = sanitizeSvg(svg);
    } catch (err) {
      frame.className = 'sd-diagram-error';
      frame.textContent = `Diagram error: ${err instanceof Error ? err.message : String(err)}`;
    }
    container.append(frame);
    container.classList.add('sd-diagram-static');
  }
  document.body.dataset.diagramsRendered = String(n);
}

void renderAll();

// The same rule as in the preview: a node styled to cover its diagram does not catch the clicks meant for it.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('.sd-diagram a');
  if (link && !diagramLinkAnswers(link, event.detail === 0 ? undefined : { x: event.clientX, y: event.clientY })) event.preventDefault();
});
