// Loads Mermaid on first need (a separate chunk) and configures it for the current theme.
import type { Mermaid, MermaidConfig } from 'mermaid';
import type { ExportTheme } from '../core/render/exportHtml';
import { mermaidThemeConfig } from './theme';

let loading: Promise<Mermaid> | undefined;
let configuredFor: ExportTheme | undefined;

/** Settings a `%%{init}%%` directive in a document may not override. */
const LOCKED_KEYS = [
  'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering',
  'htmlLabels', 'themeCSS', 'fontFamily', 'dompurifyConfig',
];

export async function loadMermaid(theme: ExportTheme): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  const mermaid = await loading;
  if (configuredFor !== theme) {
    const config: MermaidConfig = {
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      // SVG text instead of HTML labels: sanitizes cleanly and lets PNG export draw to canvas untainted.
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      secure: LOCKED_KEYS,
      fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
      ...mermaidThemeConfig(theme),
    };
    mermaid.initialize(config);
    configuredFor = theme;
  }
  return mermaid;
}
