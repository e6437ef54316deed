// The one Mermaid configuration of the preview and of exported pages: the same lock on both.
import type { MermaidConfig } from 'mermaid';

/** Settings a `%%{init}%%` directive or a diagram's `config:` front matter may not override. */
export const LOCKED_KEYS = [
  'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering',
  'htmlLabels', 'themeCSS', 'fontFamily', 'dompurifyConfig',
];

/** Strict security, errors returned rather than drawn, and SVG text labels (HTML labels would be stripped). */
export function lockedConfig(extra: MermaidConfig): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    // SVG text instead of HTML labels: sanitizes cleanly and lets PNG export draw to canvas untainted.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    secure: LOCKED_KEYS,
    ...extra,
  };
}
