// Registers the estimate editor features: code lenses, hovers and their commands.
import * as vscode from 'vscode';
import type { DesignServices } from '../services';
import { EstimateCodeLensProvider, FILL_COMMAND, SHOW_COMMAND } from './codeLens';
import { fillEstimate, showEstimate } from './commands';
import { EstimateHoverProvider } from './hover';

export function registerEstimates(context: vscode.ExtensionContext, services: DesignServices): void {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  const lenses = new EstimateCodeLensProvider(services);
  const analyze = (document: vscode.TextDocument) => services.analysis.analyze(document);
  context.subscriptions.push(
    lenses,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerHoverProvider(selector, new EstimateHoverProvider(services)),
    vscode.commands.registerCommand(FILL_COMMAND, (uri?: unknown, line?: unknown) => fillEstimate(analyze, uri, line)),
    vscode.commands.registerCommand(SHOW_COMMAND, (uri?: unknown, line?: unknown, character?: unknown) => showEstimate(uri, line, character)),
  );
}
