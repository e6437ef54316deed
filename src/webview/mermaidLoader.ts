// Loads Mermaid on first need (a separate chunk) and configures it for the current theme.
import type { Mermaid } from 'mermaid';
import type { ExportTheme } from '../core/render/exportHtml';
import { lockedConfig } from './mermaidConfig';
import { mermaidThemeConfig } from './theme';

let loading: Promise<Mermaid> | undefined;
let configuredFor: ExportTheme | undefined;

export async function loadMermaid(theme: ExportTheme): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  const mermaid = await loading;
  if (configuredFor !== theme) {
    const config = lockedConfig({
      fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
      ...mermaidThemeConfig(theme),
    });
    mermaid.initialize(config);
    configuredFor = theme;
  }
  return mermaid;
}
