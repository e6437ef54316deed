// One self-contained HTML file for a design doc: inline CSS, diagrams as inline SVG (or an inline renderer).
import { escapeHtml } from './escape';
import type { RenderedDocument } from './renderDocument';
import { htmlHead, LOCKED_CSP } from './shell';

export type ExportTheme = 'light' | 'dark' | 'hc-dark' | 'hc-light';

export interface ExportOptions {
  doc: RenderedDocument;
  css: string;
  /** SVG markup per diagram hash, taken from the rendered preview. */
  svgs?: Map<string, string>;
  /** Inline renderer for diagrams without an SVG (the CLI): code of a classic script and its nonce. */
  script?: { code: string; nonce: string };
  theme?: ExportTheme;
  fallbackTitle?: string;
}

const PLACEHOLDER = /<div class="sd-diagram" data-line="(\d+)" data-hash="([a-z0-9]+)"><pre class="sd-diagram-source">([\s\S]*?)<\/pre><\/div>/g;

/** Swaps diagram placeholders for their SVG; placeholders without one stay as source for the inline renderer. */
export function fillDiagrams(html: string, svgs: Map<string, string> | undefined): string {
  if (!svgs || svgs.size === 0) return html;
  return html.replace(PLACEHOLDER, (whole, line: string, hash: string) => {
    const svg = svgs.get(hash);
    if (svg === undefined) return whole;
    return `<div class="sd-diagram sd-diagram-static" data-line="${line}" data-hash="${hash}"><div class="sd-diagram-svg">${svg}</div></div>`;
  });
}

export function exportCsp(scriptNonce?: string): string {
  const script = scriptNonce ? `script-src 'nonce-${scriptNonce}'` : "script-src 'none'";
  return [...LOCKED_CSP, "style-src 'unsafe-inline'", 'img-src data: https:', script].join('; ');
}

export function buildExportHtml(options: ExportOptions): string {
  const { doc } = options;
  const title = doc.title || options.fallbackTitle || 'System design';
  const body = doc.blocks.map((b) => fillDiagrams(b.html, options.svgs)).join('');
  const themeClass = `sd-theme-${options.theme ?? 'light'}`;
  // `</script` inside the inlined bundle would end the element early.
  const script = options.script
    ? `<script nonce="${escapeHtml(options.script.nonce)}">${options.script.code.replace(/<\/script/gi, '<\\/script')}</script>\n`
    : '';
  const style = `<meta name="generator" content="System Design Docs">\n<style>\n${options.css.replace(/<\/style/gi, '<\\/style')}\n</style>`;
  return `${htmlHead(exportCsp(options.script?.nonce), title, style)}
<body class="sd-export ${themeClass}">
${doc.phaseBar}
<main id="sd-content">
${body}
</main>
${script}</body>
</html>
`;
}
