// The preview webview's HTML shell and its Content-Security-Policy (shared by the host and the browser tests).
import { escapeHtml } from './escape';

export interface ShellOptions {
  /** `webview.cspSource`, or the test server's origin. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Scripts loaded before the main one (the browser-test harness); they get the same nonce. */
  preludeScriptUris?: string[];
}

/**
 * Scripts need the nonce. Styles cannot carry one: Mermaid writes a `<style>` into every SVG, and once a
 * nonce appears in style-src browsers ignore 'unsafe-inline', which would strip every diagram's styling.
 */
/**
 * What the preview and the export both lock down: nothing loads by default, and no `<base>` or form can
 * redirect links or submissions (neither falls back to default-src).
 */
export const LOCKED_CSP = ["default-src 'none'", "base-uri 'none'", "form-action 'none'"] as const;

export function previewCsp(cspSource: string, nonce: string): string {
  return [
    ...LOCKED_CSP,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} https: data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function buildPreviewShell(options: ShellOptions): string {
  const nonce = escapeHtml(options.nonce);
  const scripts = [...(options.preludeScriptUris ?? []), options.scriptUri]
    .map((src) => `<script type="module" nonce="${nonce}" src="${escapeHtml(src)}"></script>`)
    .join('\n');
  return `${htmlHead(previewCsp(options.cspSource, options.nonce), 'System Design Preview', `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">`)}
<body class="sd-preview">
<div id="sd-phasebar"></div>
<main id="sd-content" aria-live="polite"></main>
${scripts}
</body>
</html>
`;
}

/** The start of every page we write (preview and export): its CSP first, so nothing loads before it applies. */
export function htmlHead(csp: string, title: string, extra: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${extra}
<title>${escapeHtml(title)}</title>
</head>`;
}

/** A random nonce from a caller-supplied source of random bytes (the core has no crypto of its own). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(18), (b) => b.toString(16).padStart(2, '0')).join('');
}
