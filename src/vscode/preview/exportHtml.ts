// "Export to HTML": one self-contained file with the preview's own SVGs inline and images embedded.
import * as vscode from 'vscode';
import { buildExportHtml } from '../../core/render/exportHtml';
import { EMBEDDABLE_IMAGE_NAME, MAX_EMBEDDED_IMAGE_BYTES, sniffImageType } from '../../core/render/imageType';
import { katexMath } from '../../core/render/katexMath';
import { renderDocument } from '../../core/render/renderDocument';
import type { Analysis } from '../../core/types';
import type { PreviewPanel } from './previewPanel';
import { mediaRoot, resolveRelative } from './resources';


/** Reads the document's relative images so the export needs nothing beside it. */
async function embedImages(text: string, documentUri: vscode.Uri): Promise<Map<string, string>> {
  const found = new Set<string>();
  renderDocument(text, { resolveImage: (src) => (found.add(src), src) });
  const folder = vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? vscode.Uri.joinPath(documentUri, '..');
  const embedded = new Map<string, string>();
  for (const src of found) {
    if (!EMBEDDABLE_IMAGE_NAME.test(src.split(/[?#]/)[0]) || /^[a-z][a-z0-9+.-]*:/i.test(src)) continue;
    const target = resolveRelative(documentUri, decodeURIComponent(src.split(/[?#]/)[0]), [folder]);
    if (!target) continue;
    try {
      // A link may lead outside the workspace (`logo.png -> /proc/self/environ`): only plain files whose
      // bytes are an image are embedded.
      const stat = await vscode.workspace.fs.stat(target);
      if ((stat.type & vscode.FileType.SymbolicLink) !== 0 || (stat.type & vscode.FileType.File) === 0 || stat.size > MAX_EMBEDDED_IMAGE_BYTES) continue;
      const bytes = await vscode.workspace.fs.readFile(target);
      const type = sniffImageType(bytes);
      if (type) embedded.set(src, `data:${type};base64,${Buffer.from(bytes).toString('base64')}`);
    } catch {
      // a missing image stays a broken image, as in the preview
    }
  }
  return embedded;
}

export async function buildExportForPanel(
  panel: PreviewPanel,
  document: vscode.TextDocument,
  analysis: Analysis | undefined,
  extensionUri: vscode.Uri,
): Promise<{ html: string; omitted: number }> {
  const reply = await panel.collectExport();
  const text = document.getText();
  const images = await embedImages(text, document.uri);
  const doc = renderDocument(text, {
    analysis,
    math: katexMath,
    resolveImage: (src) => images.get(src) ?? (/^(https:|data:image\/(png|jpe?g|gif|webp);)/i.test(src) ? src : undefined),
  });
  const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(mediaRoot(extensionUri), 'preview.css')));
  const fallbackTitle = document.uri.path.split('/').pop();
  // Diagrams past what one message carries stay as their source in the export.
  const html = buildExportHtml({ doc, css, svgs: new Map(reply.diagrams.map((d) => [d.hash, d.svg])), theme: reply.theme, fallbackTitle });
  return { html, omitted: reply.omitted };
}

export async function chooseExportTarget(documentUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const base = documentUri.path.split('/').pop()?.replace(/\.md$/i, '') || 'design';
  return vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(documentUri, '..', `${base}.html`),
    filters: { HTML: ['html', 'htm'] },
    saveLabel: 'Export',
  });
}
