// Follows VS Code's theme (body classes) and tells Mermaid which palette to use.
import type { ExportTheme } from '../core/render/exportHtml';

export function currentTheme(): ExportTheme {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'hc-light';
  if (classes.contains('vscode-high-contrast')) return 'hc-dark';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** Mermaid theme settings for a VS Code theme kind; high contrast gets stark explicit colours. */
export function mermaidThemeConfig(theme: ExportTheme): { theme: 'default' | 'dark' | 'base'; themeVariables?: Record<string, string> } {
  switch (theme) {
    case 'dark':
      return { theme: 'dark' };
    case 'hc-dark':
      return {
        theme: 'base',
        themeVariables: {
          darkMode: 'true', background: '#000000', primaryColor: '#000000', primaryTextColor: '#ffffff',
          primaryBorderColor: '#6fc3df', lineColor: '#ffffff', secondaryColor: '#000000', tertiaryColor: '#000000',
          textColor: '#ffffff', mainBkg: '#000000', nodeBorder: '#6fc3df', clusterBkg: '#000000', edgeLabelBackground: '#000000',
        },
      };
    case 'hc-light':
      return {
        theme: 'base',
        themeVariables: {
          background: '#ffffff', primaryColor: '#ffffff', primaryTextColor: '#000000', primaryBorderColor: '#0f4a85',
          lineColor: '#000000', secondaryColor: '#ffffff', tertiaryColor: '#ffffff', textColor: '#000000', mainBkg: '#ffffff',
          nodeBorder: '#0f4a85', clusterBkg: '#ffffff', edgeLabelBackground: '#ffffff',
        },
      };
    default:
      return { theme: 'default' };
  }
}

/** Calls `onChange` whenever the body's theme class changes. */
export function watchTheme(onChange: (theme: ExportTheme) => void): void {
  let last = currentTheme();
  new MutationObserver(() => {
    const next = currentTheme();
    if (next !== last) {
      last = next;
      onChange(next);
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
