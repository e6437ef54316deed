// Exported HTML opened in Chromium: self-contained (no request leaves the file), diagrams present, CSP quiet.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { runRender } from '../../src/cli/commands/render';
import { buildExportHtml } from '../../src/core/render/exportHtml';
import { katexMath } from '../../src/core/render/katexMath';
import { renderDocument } from '../../src/core/render/renderDocument';
import { makeNonce } from '../../src/core/render/shell';
import { randomBytes } from 'node:crypto';
import { XSS_CORPUS } from './xssCorpus';
import { launchChromium } from './harness/browser';
import { countMermaidFences, exampleDocs, fixture, PLANTED_BROKEN } from './harness/docs';
import { openPreview } from './harness/preview';
import { startHarness, type Harness } from './harness/server';

const ROOT = join(__dirname, '..', '..');

describe('HTML export (Chromium)', function () {
  let harness: Harness;
  let browser: Browser | undefined;
  let dir: string;

  before(async function () {
    browser = await launchChromium(this);
    harness = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'sd-export-'));
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a file and records every request that is not the file itself or inline data. */
  async function open(file: string): Promise<{ page: Page; outside: string[]; violations: string[] }> {
    const page = await browser!.newPage();
    const outside: string[] = [];
    const violations: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('request', (request) => {
      if (request.url() !== url && !request.url().startsWith('data:')) outside.push(request.url());
    });
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused/i.test(msg.text())) violations.push(msg.text());
    });
    page.on('pageerror', (err) => violations.push(`pageerror: ${err.message}`));
    await page.goto(url);
    return { page, outside, violations };
  }

  it('the VS Code export carries the preview\'s SVGs inline and runs no script', async () => {
    const doc = fixture('design.md');
    const preview = await openPreview(browser!, harness.url);
    await preview.update(doc.text);
    await preview.postRaw({ type: 'collectExport', requestId: 1 });
    const reply = (await preview.waitForPosted('exportData')) as unknown as { theme: 'light'; diagrams: { hash: string; svg: string }[] };
    await preview.close();

    const html = buildExportHtml({
      doc: renderDocument(doc.text),
      css: readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8'),
      svgs: new Map(reply.diagrams.map((d) => [d.hash, d.svg])),
      theme: reply.theme,
    });
    assert.doesNotMatch(html, /<script/i);
    const file = join(dir, 'vscode-export.html');
    writeFileSync(file, html);
    const { page, outside, violations } = await open(file);
    assert.equal(await page.locator('.sd-diagram-svg > svg').count(), countMermaidFences(doc.text));
    assert.equal(await page.locator('.sd-diagram-source').count(), 0, 'no placeholder left without its SVG');
    assert.deepEqual(outside, []);
    assert.deepEqual(violations, []);
    await page.close();
  });

  for (const example of exampleDocs()) {
    it(`sysdesign render draws ${example.name}'s diagrams on open from the inlined bundle, offline`, async () => {
      const source = join(ROOT, 'examples', example.name);
      const input = existsSync(source) ? source : join(ROOT, 'test/browser/fixtures', example.name);
      const out = join(dir, `${example.name}.html`);
      const errors: string[] = [];
      const code = await runRender([input, '-o', out], { cwd: ROOT, env: {}, stdout: () => undefined, stderr: (t) => errors.push(t), stdoutIsTTY: false });
      assert.equal(code, 0, errors.join(''));
      const { page, outside, violations } = await open(out);
      await page.waitForFunction(() => document.body.dataset.diagramsRendered !== undefined, undefined, { timeout: 60000 });
      const fences = countMermaidFences(example.text);
      const svgs = await page.locator('.sd-diagram .sd-diagram-svg > svg').count();
      const failed = await page.locator('.sd-diagram .sd-diagram-error').count();
      assert.equal(failed, PLANTED_BROKEN[example.name] ?? 0);
      assert.equal(svgs, fences - failed);
      assert.deepEqual(outside, [], 'no network or file request');
      assert.deepEqual(violations, []);
      await page.close();
    });
  }

  it('the XSS corpus through the export path (markdown and diagrams, with the inlined renderer) runs nothing and loads nothing', async () => {
    const fences = XSS_CORPUS.filter((p) => p.kind === 'mermaid' || p.kind === 'mermaid-actor-links').map((p) => `\`\`\`mermaid\n${p.text}\n\`\`\``);
    const text = ['# Hostile', ...XSS_CORPUS.filter((p) => p.kind === 'markdown' || p.kind === 'math').map((p) => p.text), ...fences].join('\n\n');
    // Images as both exporters resolve them when no file beside the document is embedded: web and inline
    // raster images stay, anything else loses its source.
    const exportImages = (src: string) => (/^(https:|data:image\/(png|jpe?g|gif|webp);)/i.test(src) ? src : undefined);
    const html = buildExportHtml({
      doc: renderDocument(text, { resolveImage: exportImages, math: katexMath }),
      css: readFileSync(join(ROOT, 'media', 'preview.css'), 'utf8'),
      script: { code: readFileSync(join(ROOT, 'dist', 'webview', 'export-renderer.js'), 'utf8'), nonce: makeNonce((n) => randomBytes(n)) },
    });
    const file = join(dir, 'hostile-export.html');
    writeFileSync(file, html);
    const page = await browser!.newPage();
    const pwned: string[] = [];
    const dialogs: string[] = [];
    const outside: string[] = [];
    const url = pathToFileURL(file).href;
    await page.exposeFunction('__report', (what: string) => pwned.push(what));
    await page.addInitScript(() => {
      const w = window as unknown as { __pwned: () => void; __report: (s: string) => void };
      w.__pwned = () => w.__report('pwned');
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // A relative link clicked in an exported file opens a file beside it, as any page's would; every other
    // request (a scheme, the network) counts.
    const beside = pathToFileURL(dir).href;
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:') && !(r.isNavigationRequest() && r.url().startsWith(`${beside}/`))) outside.push(r.url());
    });
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.diagramsRendered !== undefined, undefined, { timeout: 60000 });
    // Touch what a reader would: links, hover, focus.
    for (const link of await page.locator('a').all()) await link.click({ force: true, timeout: 2000 }).catch(() => undefined);
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        el.dispatchEvent(new FocusEvent('focus'));
      }
    });
    await new Promise((done) => setTimeout(done, 300));
    const survivors = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#sd-content *'))
        .filter((el) => ['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link'].includes(el.tagName.toLowerCase()) || Array.from(el.attributes).some((a) => /^on/i.test(a.name)))
        .map((el) => el.tagName.toLowerCase()),
    );
    assert.deepEqual(survivors, [], 'dangerous markup in the export');
    assert.deepEqual(pwned, [], 'a payload ran');
    assert.deepEqual(dialogs, [], 'a dialog opened');
    assert.deepEqual(outside, [], 'a request left the file');
    await page.close();
  });
});
