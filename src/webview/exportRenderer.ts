// Inline renderer for exported HTML files (the CLI): draws the diagram placeholders once the page loads.
import mermaid from 'mermaid';
import { sanitizeSvg } from './sanitize';

async function renderAll(): Promise<void> {
  const dark = document.body.classList.contains('sd-theme-dark') || document.body.classList.contains('sd-theme-hc-dark');
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'htmlLabels', 'themeCSS', 'fontFamily'],
    theme: dark ? 'dark' : 'default',
  });
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
