// The XSS corpus against the real webview: nothing runs, nothing dangerous survives, CSP never has to step in.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { classifyLink } from '../../src/core/render/links';
import { katexMath } from '../../src/core/render/katexMath';
import { renderDocument } from '../../src/core/render/renderDocument';
import { launchChromium } from './harness/browser';
import { openPreview, type PreviewPage } from './harness/preview';
import { startHarness, type Harness } from './harness/server';
import { XSS_CORPUS } from './xssCorpus';

describe('preview XSS corpus (Chromium)', function () {
  let harness: Harness;
  let browser: Browser | undefined;
  let preview: PreviewPage;
  let pwned: string[];
  let dialogs: string[];

  before(async function () {
    browser = await launchChromium(this);
    harness = await startHarness();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });
  beforeEach(async () => {
    pwned = [];
    dialogs = [];
    const context = await browser!.newContext();
    await context.exposeBinding('__pwned', (source) => {
      pwned.push(source.frame.url());
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // openPreview needs a browser; hand it a shim that returns our instrumented page.
    preview = await openPreview({ newPage: async () => page } as unknown as Browser, harness.url);
  });
  afterEach(async () => {
    await preview.page.context().close();
  });

  it('has at least 100 payloads', () => {
    assert.ok(XSS_CORPUS.length >= 100, `${XSS_CORPUS.length} payloads`);
  });

  async function assertClean(label: string): Promise<void> {
    // Poke everything a user might touch: links, focusable things, hover.
    const links = await preview.page.locator('#sd-content a, #sd-phasebar a').all();
    for (const link of links) await link.click({ force: true, timeout: 2000 }).catch(() => undefined);
    await preview.page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('#sd-content *, #sd-phasebar *'))) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        el.dispatchEvent(new FocusEvent('focus'));
      }
    });
    await new Promise((done) => setTimeout(done, 300));
    const survivors = await preview.page.evaluate(() => {
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll('#sd-content *, #sd-phasebar *'))) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'select', 'base', 'meta', 'link', 'foreignobject'].includes(tag)) bad.push(`<${tag}>`);
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) bad.push(`${tag}[${attr.name}]`);
          if (/^\s*(javascript|vbscript|data:text)/i.test(attr.value) && /href|src|action|data/i.test(attr.name)) bad.push(`${tag}[${attr.name}=${attr.value.slice(0, 30)}]`);
        }
      }
      return bad;
    });
    assert.deepEqual(survivors, [], `${label}: dangerous markup survived`);
    assert.deepEqual(pwned, [], `${label}: script executed`);
    assert.deepEqual(dialogs, [], `${label}: dialog opened`);
    assert.deepEqual(await preview.violations(), [], `${label}: CSP had to block something`);
    // Chrome also logs each report to the console; every such line must be one of the inert-parse reports.
    const cspLogs = preview.consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e)).length;
    const inertReports = await preview.page.evaluate(() => (window as unknown as { __inertParseReports: unknown[] }).__inertParseReports.length);
    assert.ok(cspLogs <= inertReports, `${label}: ${cspLogs} CSP console reports but only ${inertReports} came from inert parsing`);
    // Links the webview passed on are still judged by the host: nothing but http(s)/mailto/relative is acted on.
    for (const message of await preview.posted()) {
      if (message.type !== 'openLink') continue;
      const action = classifyLink((message as unknown as { href: string }).href);
      if (action.kind === 'external') assert.match(action.href, /^(https?|mailto):/i);
      if (action.kind === 'workspace') assert.doesNotMatch(action.path, /^[a-z][a-z0-9+.-]*:/i);
    }
  }

  it('markdown payloads (raw HTML, link schemes, tables, fences) render as inert text', async () => {
    const doc = XSS_CORPUS.filter((p) => p.kind === 'markdown').map((p) => p.text).join('\n\n');
    await preview.update(doc);
    await assertClean('markdown');
    assert.ok(((await preview.page.locator('#sd-content').textContent()) ?? '').includes('<script>__pwned()</script>'), 'raw HTML shown as text');
  });

  it('math payloads (\\href, \\url, \\html*, MathML in TeX) draw as inert math or text', async () => {
    const doc = XSS_CORPUS.filter((p) => p.kind === 'math').map((p) => p.text).join('\n\n');
    await preview.update(doc, { math: katexMath });
    assert.ok((await preview.page.locator('#sd-content math').count()) > 0, 'math was drawn');
    assert.equal(await preview.page.locator('#sd-content math a, #sd-content math [href]').count(), 0, 'no link inside math');
    await assertClean('math');
  });

  it('Mermaid payloads (labels, click, classDef, style, %%{init}%%, links) draw without running anything', async () => {
    const payloads = XSS_CORPUS.filter((p) => p.kind === 'mermaid');
    const doc = payloads.map((p) => '```mermaid\n' + p.text + '\n```').join('\n\n');
    const report = await preview.update(doc);
    assert.equal((report.svgCount as number) + (report.errorCount as number), payloads.length, 'every diagram accounted for');
    assert.ok((report.svgCount as number) >= payloads.length * 0.6, `most payload diagrams still render (${report.svgCount})`);
    await assertClean('mermaid');
    // Locked settings: an init directive cannot switch on HTML labels, so no foreignObject appears.
    assert.equal(await preview.page.locator('.sd-diagram-svg foreignObject').count(), 0);
  });

  it('a diagram node styled to cover the diagram does not catch clicks meant for the rest of it', async () => {
    const diagram = (style: string) => '```mermaid\nflowchart LR\n  A[Linked] --> B[Other] --> C[Third]\n' + style + '  click A href "https://example.com/a"\n```';
    await preview.update([
      diagram(''),
      diagram('  style A stroke-width:4000px,stroke:transparent,fill:transparent\n'),
      diagram('  classDef big font-size:900px,fill:transparent,color:transparent\n  class A big\n'),
    ].join('\n\n'));
    const frames = await preview.page.locator('#sd-content .sd-diagram-svg > svg').all();
    assert.equal(frames.length, 3);
    const opened = async () => (await preview.posted()).filter((m) => m.type === 'openLink').length;
    const click = async (x: number, y: number) => {
      await preview.page.mouse.click(x, y);
      await new Promise((done) => setTimeout(done, 100));
    };
    const centre = async (locator: ReturnType<typeof preview.page.locator>) => {
      await locator.scrollIntoViewIfNeeded();
      const box = (await locator.boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };

    // An ordinary linked node opens its link.
    const plain = await centre(frames[0].locator('a').first());
    await click(plain.x, plain.y);
    assert.equal(await opened(), 1, 'the plain node opens its link');
    // A click on empty diagram space that only the widened stroke reaches: ignored.
    await frames[1].scrollIntoViewIfNeeded();
    const svgBox = (await frames[1].boundingBox())!;
    const target = await preview.page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a') !== null, { x: svgBox.x + svgBox.width - 3, y: svgBox.y + 3 });
    assert.ok(target, 'the transparent stroke does reach the corner');
    await click(svgBox.x + svgBox.width - 3, svgBox.y + 3);
    assert.equal(await opened(), 1, 'a click caught by the widened stroke is not followed');
    // A node blown up (and made invisible) to cover the diagram: its clicks are not followed either.
    const padded = await centre(frames[2].locator('a').first());
    await click(padded.x, padded.y);
    assert.equal(await opened(), 1, 'a node that covers the diagram does not follow its link');
  });

  it('Mermaid\'s own actor-menu onclick (sequence link/links) is blocked by the CSP and stripped from the SVG', async () => {
    const payloads = XSS_CORPUS.filter((p) => p.kind === 'mermaid-actor-links');
    const doc = payloads.map((p) => '```mermaid\n' + p.text + '\n```').join('\n\n');
    await preview.update(doc);
    const violations = (await preview.violations()) as { directive: string }[];
    // Known Mermaid behaviour, not a payload escaping: it is the only kind of violation allowed here.
    assert.ok(violations.every((v) => v.directive === 'script-src-attr'), JSON.stringify(violations));
    assert.equal(await preview.page.locator('#sd-content [onclick]').count(), 0);
    assert.deepEqual(pwned, []);
    assert.deepEqual(dialogs, []);
  });

  it('raw HTML and DOM-clobbering blocks from a hostile host are sanitized, and the preview keeps working', async () => {
    const blocks = XSS_CORPUS.filter((p) => p.kind === 'block').map((p, i) => ({ key: `evil${i}`, html: `<div data-line="${i}">${p.text}</div>`, line: i }));
    await preview.postRaw({ type: 'update', version: 50, resource: 'x', blocks, phaseBar: '', title: 't', lineCount: 1000 });
    await preview.waitForPosted('rendered', (m) => m.version === 50);
    await assertClean('blocks');
    const intact = await preview.page.evaluate(() => typeof document.getElementById === 'function' && document.getElementById('sd-content')?.tagName === 'MAIN' && typeof CSS.escape === 'function');
    assert.equal(intact, true, 'DOM globals not clobbered');
    // The page still renders a normal update afterwards.
    const inert = await preview.page.evaluate(() => (window as unknown as { __inertParseReports: unknown[] }).__inertParseReports.length);
    assert.ok(inert > 0, 'the handlers reached the sanitizer (reported only from its inert parse)');
    const after = await preview.update('# fine\n\n```mermaid\nflowchart LR\n  a --> b\n```\n');
    assert.equal(after.svgCount, 1);
  });

  it('phase-bar payloads from a hostile host are sanitized', async () => {
    const phaseBar = XSS_CORPUS.filter((p) => p.kind === 'phaseBar').map((p) => p.text).join('');
    const doc = renderDocument('# t\n');
    await preview.postRaw({ type: 'update', version: 60, resource: 'x', blocks: doc.blocks, phaseBar, title: 't', lineCount: 2 });
    await preview.waitForPosted('rendered', (m) => m.version === 60);
    await assertClean('phase bar');
  });
});
