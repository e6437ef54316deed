// The analysis a lens or hover should show: the service's cached one, or the debounced run that is coming.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/types';
import type { DesignServices } from '../services';

/** How long to wait for the debounced run before asking for one (typing pauses are longer). */
const WAIT_MS = 1500;

/**
 * Waits for the service's own (debounced) analysis of the current version rather than forcing one per
 * request, so typing does not analyse on every keystroke; falls back to analysing now.
 */
export async function cachedAnalysis(services: DesignServices, document: vscode.TextDocument, token: vscode.CancellationToken): Promise<Analysis | undefined> {
  const service = services.analysis;
  if (service.isFresh(document)) return service.peek(document);
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      cancelled.dispose();
      resolve();
    };
    const timer = setTimeout(done, WAIT_MS);
    const subscription = services.onDidAnalyze((event) => {
      if (event.document === document && service.isFresh(document)) done();
    });
    const cancelled = token.onCancellationRequested(done);
  });
  if (token.isCancellationRequested) return undefined;
  return service.isFresh(document) ? service.peek(document) : service.analyze(document);
}
