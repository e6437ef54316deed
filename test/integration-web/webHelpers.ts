// Helpers for the web worker host's tests: no Node (no path, fs or process), only the vscode API.
import * as vscode from 'vscode';

export { codeOf, waitFor } from '../integration/common';

// The launcher prints page-console lines that start with this marker (see test/integration/output.ts).
const MARKER = '\u2063sdd-test\u2063';

/** console.log with printf-style %s/%d/%j (mocha's reporters format that way), marked for the launcher. */
export function log(...args: unknown[]): void {
  let rest = args;
  let text = '';
  if (typeof args[0] === 'string') {
    rest = args.slice(1);
    text = args[0].replace(/%[sdij%]/g, (spec) => (spec === '%%' ? '%' : rest.length > 0 ? String(spec === '%j' ? JSON.stringify(rest.shift()) : rest.shift()) : spec));
  }
  const tail = rest.map((a) => String(a)).join(' ');
  console.log(MARKER + [text, tail].filter((part) => part !== '').join(' ').replace(/\x1b\[[0-9;]*m/g, ''));
}

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web workbench opened no folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture(name)));
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
