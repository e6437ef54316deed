// Where preview assets live and which document images the webview may load.
import * as vscode from 'vscode';

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

export function webviewBundleRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** Extension assets plus the document's workspace folder (or, outside a workspace, its own folder). */
export function localRoots(extensionUri: vscode.Uri, documentUri: vscode.Uri): vscode.Uri[] {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? vscode.Uri.joinPath(documentUri, '..');
  return [mediaRoot(extensionUri), webviewBundleRoot(extensionUri), folder];
}

export function isInside(child: vscode.Uri, parent: vscode.Uri): boolean {
  if (child.scheme !== parent.scheme || child.authority !== parent.authority) return false;
  const base = parent.path.endsWith('/') ? parent.path : `${parent.path}/`;
  return child.path === parent.path || child.path.startsWith(base);
}

/** Resolves a document-relative path; undefined when it leaves every allowed root. */
export function resolveRelative(documentUri: vscode.Uri, relPath: string, roots: vscode.Uri[]): vscode.Uri | undefined {
  const base = relPath.startsWith('/')
    ? (vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? vscode.Uri.joinPath(documentUri, '..'))
    : vscode.Uri.joinPath(documentUri, '..');
  const target = vscode.Uri.joinPath(base, relPath.replace(/^\/+/, ''));
  return roots.some((root) => isInside(target, root)) ? target : undefined;
}

/** Image sources for the webview: http(s) and data images as written, relative files via asWebviewUri. */
export function imageResolver(webview: vscode.Webview, documentUri: vscode.Uri, roots: vscode.Uri[]): (src: string) => string | undefined {
  return (src) => {
    if (/^https:\/\//i.test(src) || /^data:image\/(png|jpe?g|gif|webp);/i.test(src)) return src;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
    const target = resolveRelative(documentUri, decodeURIComponent(src.split(/[?#]/)[0]), roots);
    return target ? webview.asWebviewUri(target).toString() : undefined;
  };
}
