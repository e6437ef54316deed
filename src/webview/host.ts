// The only channel to the extension host: VS Code's webview API (or the test harness's stand-in).
import type { WebviewMessage } from '../core/render/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface PreviewState {
  resource?: string;
  line?: number;
}

const api: VsCodeApi = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function getState(): PreviewState {
  const state = api.getState();
  return typeof state === 'object' && state !== null ? (state as PreviewState) : {};
}

export function patchState(patch: PreviewState): void {
  api.setState({ ...getState(), ...patch });
}
