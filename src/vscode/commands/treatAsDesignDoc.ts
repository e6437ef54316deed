// "Treat This File as a Design Document": adds `sysdesign: <best matching framework>` front matter.
import * as vscode from 'vscode';
import { pausedCommandMessage } from '../documentSize';
import type { DesignServices } from '../services';
import { targetDocument } from './pickFramework';
import { setFramework } from './selectFramework';

export async function treatAsDesignDoc(services: DesignServices, uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  const current = await services.analysis.analyze(document);
  if (current?.document.frontMatter.data.sysdesign !== undefined) {
    void vscode.window.showInformationMessage('System Design: this document already names its framework in front matter.');
    return false;
  }
  const text = document.getText();
  // The detection below analyses the whole text at once: not past the size limit, or the host would stall.
  const paused = services.analysis.pausedBySize(document.uri, text.length);
  if (paused) {
    void vscode.window.showInformationMessage(pausedCommandMessage(paused, 'detect its framework'));
    return false;
  }
  // Analysed as if it were a design document, the detected framework is the one whose phases fit best.
  const analysis = await services.analysis.analyzeText(document.uri, text, true);
  if (!analysis) return false;
  return setFramework(document, analysis.choice.framework.id);
}
