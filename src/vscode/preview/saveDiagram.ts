// Saves a diagram the webview exported (SVG text or a PNG data URL) where the user chooses.
import * as vscode from 'vscode';

export async function saveDiagram(format: 'svg' | 'png', data: string, documentUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const base = documentUri.path.split('/').pop()?.replace(/\.[^.]*$/, '') || 'diagram';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(documentUri, '..', `${base}-diagram.${format}`),
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    saveLabel: `Save diagram as ${format.toUpperCase()}`,
  });
  if (!target) return undefined;
  const bytes = format === 'svg'
    ? new TextEncoder().encode(data)
    : Uint8Array.from(Buffer.from(data.slice(data.indexOf(',') + 1), 'base64'));
  await vscode.workspace.fs.writeFile(target, bytes);
  return target;
}
