// The preview's OutputChannel, created on first use so activation stays cheap.
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

export function previewLog(message: string): void {
  channel ??= vscode.window.createOutputChannel('System Design Preview');
  channel.appendLine(`[${new Date().toISOString()}] ${message}`);
}

export function disposePreviewLog(): void {
  channel?.dispose();
  channel = undefined;
}
