// Drives one preview page like the extension host does: posts updates, waits for the webview's reports.
import type { Browser, Page } from 'playwright-core';
import { renderDocument, type RenderOptions } from '../../../src/core/render/renderDocument';
import type { WebviewMessage } from '../../../src/core/render/protocol';

export type Posted = WebviewMessage & Record<string, unknown>;
export interface RenderedReport {
  type: 'rendered';
  version: number;
  svgCount: number;
  errorCount: number;
  renders: number;
}

export interface PreviewPage {
  page: Page;
  version: number;
  /** Renders `text` as the host would and posts it; resolves with the webview's `rendered` report. */
  update(text: string, options?: RenderOptions): Promise<RenderedReport>;
  /** Same as update without waiting; returns the version posted. */
  send(text: string, options?: RenderOptions): Promise<number>;
  /** Posts a raw message (for hostile-host cases). */
  postRaw(message: unknown): Promise<void>;
  waitForPosted(type: string, predicate?: (m: Posted) => boolean): Promise<Posted>;
  posted(): Promise<Posted[]>;
  violations(): Promise<unknown[]>;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openPreview(browser: Browser, url: string, bodyClass = 'vscode-light'): Promise<PreviewPage> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  await page.goto(url);
  await page.evaluate((cls) => document.body.classList.add(cls), bodyClass);
  const api: PreviewPage = {
    page,
    version: 0,
    consoleErrors,
    async update(text, options) {
      const version = await api.send(text, options);
      return (await api.waitForPosted('rendered', (m) => m.version === version)) as unknown as RenderedReport;
    },
    async send(text, options) {
      const version = ++api.version;
      const doc = renderDocument(text, options);
      await page.evaluate(
        (msg) => window.postMessage(msg, '*'),
        { type: 'update', version, resource: 'file:///workspace/doc.md', blocks: doc.blocks, phaseBar: doc.phaseBar, title: doc.title, lineCount: doc.lineCount },
      );
      return version;
    },
    async postRaw(message) {
      await page.evaluate((msg) => window.postMessage(msg, '*'), message as object);
    },
    async waitForPosted(type, predicate = () => true) {
      // Polled from Node: the page's CSP forbids eval, and the predicate is ordinary test code.
      const deadline = Date.now() + 60000;
      for (;;) {
        const list = await api.posted();
        for (let i = list.length - 1; i >= 0; i--) if (list[i].type === type && predicate(list[i])) return list[i];
        if (Date.now() > deadline) throw new Error(`webview never posted ${type}; got ${list.map((m) => m.type).join(', ')}`);
        await new Promise((done) => setTimeout(done, 10));
      }
    },
    async posted() {
      return page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
    },
    async violations() {
      return page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);
    },
    close: () => page.close(),
  };
  await api.waitForPosted('ready');
  return api;
}
