// The preview webview in real Chromium under the webview's own CSP: diagrams, errors, themes, patching, UI.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { katexMath } from '../../src/core/render/katexMath';
import { launchChromium } from './harness/browser';
import { countMermaidFences, exampleDocs, fixture, PLANTED_BROKEN } from './harness/docs';
import { openPreview, type PreviewPage } from './harness/preview';
import { startHarness, type Harness } from './harness/server';

describe('preview webview (Chromium)', function () {
  let harness: Harness;
  let browser: Browser | undefined;
  let preview: PreviewPage;

  before(async function () {
    browser = await launchChromium(this);
    harness = await startHarness();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });
  beforeEach(async () => {
    preview = await openPreview(browser!, harness.url);
  });
  afterEach(async function () {
    const violations = await preview.violations();
    const errors = preview.consoleErrors;
    await preview.close();
    if (this.currentTest?.state === 'passed') {
      assert.deepEqual(violations, [], 'no CSP violations');
      assert.deepEqual(errors, [], 'no console errors');
    }
  });

  const svgCount = () => preview.page.locator('#sd-content .sd-diagram .sd-diagram-svg > svg').count();

  for (const doc of exampleDocs()) {
    const broken = PLANTED_BROKEN[doc.name] ?? 0;
    it(`turns every Mermaid block of ${doc.name} into an SVG${broken ? ` (except ${broken} planted error)` : ''}`, async () => {
      assert.ok(countMermaidFences(doc.text) > 0, 'the document has diagrams');
      const expected = countMermaidFences(doc.text) - broken;
      const start = performance.now();
      const analysis = analyze(doc.text, { path: doc.name });
      const report = await preview.update(doc.text, { analysis });
      const firstRender = performance.now() - start;
      // Overlays: one badge per present/empty phase, a phase-bar entry per phase, missing ones marked.
      const shown = analysis.phases.filter((p) => p.status !== 'missing');
      assert.equal(await preview.page.locator('#sd-content .sd-badge').count(), shown.length);
      assert.equal(await preview.page.locator('#sd-phasebar li').count(), analysis.phases.length);
      assert.equal(await preview.page.locator('#sd-phasebar .sd-phase-missing').count(), analysis.phases.length - shown.length);
      assert.equal(await preview.page.locator('#sd-content .sd-estimate').count(), analysis.estimates.lines.length);
      assert.equal(report.svgCount, expected);
      assert.equal(report.errorCount, broken);
      assert.equal(await svgCount(), expected);
      assert.equal(await preview.page.locator('.sd-diagram-error').count(), broken);

      // Edit a prose line: the debounced host render is measured from post to the webview's report.
      const edited = doc.text.replace(/^(#+ .+)$/m, '$1 (edited)');
      assert.notEqual(edited, doc.text);
      const editStart = performance.now();
      const after = await preview.update(edited, { analysis: analyze(edited, { path: doc.name }) });
      const updateTime = performance.now() - editStart;
      assert.equal(after.renders, report.renders, 'no diagram re-rendered after a prose edit');
      assert.equal(await svgCount(), expected);
      console.log(`      [numbers] ${doc.name}: ${expected} diagrams${broken ? ` + ${broken} broken` : ''}, first render ${firstRender.toFixed(0)} ms, update after edit ${updateTime.toFixed(0)} ms`);
    });
  }

  it('keeps the labels of every diagram type, also where a document asks for HTML labels (nothing drawn in foreignObject)', async () => {
    // Each diagram names "Zeta" in a label; the sanitizer drops foreignObject, so a label drawn there would vanish.
    const diagrams: Record<string, string> = {
      flowchart: 'flowchart LR\n  A["`**Zeta** bold`"] -- edge --> B[one<br>two]',
      'flowchart asking for HTML labels': '%%{init: {"flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n  A[Zeta] --> B',
      'flowchart with config front matter': '---\nconfig:\n  htmlLabels: true\n  flowchart:\n    htmlLabels: true\n---\nflowchart LR\n  A[Zeta] --> B',
      sequence: 'sequenceDiagram\n  Alice->>Bob: hi\n  Note right of Bob: Zeta',
      class: 'classDiagram\n  class A {\n    +Zeta() int\n  }\n  note for A "a note"',
      state: 'stateDiagram-v2\n  A --> B\n  note right of A : Zeta',
      er: 'erDiagram\n  Zeta ||--o{ Other : has',
      gantt: 'gantt\n  title Zeta\n  section S\n  Task :a1, 2024-01-01, 3d',
      mindmap: 'mindmap\n  root((Root))\n    ["`**Zeta**`"]',
      timeline: 'timeline\n  title Zeta\n  2020 : Other',
      journey: 'journey\n  title Zeta\n  section S\n    Step: 5: Me',
      pie: 'pie title Zeta\n  "A" : 1\n  "B" : 2',
      quadrant: 'quadrantChart\n  title Zeta\n  Point: [0.3, 0.6]',
      gitGraph: 'gitGraph\n  commit id: "Zeta"',
      requirement: 'requirementDiagram\n  requirement Zeta {\n  id: 1\n  text: the text\n  risk: high\n  verifymethod: test\n  }',
      c4: 'C4Context\n  Person(p, "P")\n  System(s, "S")\n  Rel(p, s, "Zeta")',
      block: 'block-beta\n  a["A"] b["B"]\n  a-- "Zeta" -->b',
      architecture: 'architecture-beta\n  group api(cloud)[Zeta]\n  service db(database)[DB] in api',
      kanban: 'kanban\n  todo[Todo]\n    t1["`**Zeta**`"]',
      sankey: 'sankey-beta\n\nZeta,Other,5',
      xychart: 'xychart-beta\n  title "Zeta"\n  x-axis [a, b]\n  bar [1, 2]',
      packet: 'packet-beta\n  0-15: "Zeta"',
    };
    const names = Object.keys(diagrams);
    const report = await preview.update(names.map((n) => '```mermaid\n' + diagrams[n] + '\n```').join('\n\n'));
    assert.equal(report.errorCount, 0);
    const labels = await preview.page.evaluate(() =>
      Array.from(document.querySelectorAll('#sd-content .sd-diagram')).map((c) => Array.from(c.querySelectorAll('.sd-diagram-svg svg text')).map((t) => t.textContent).join(' ')),
    );
    const lost = names.filter((_, i) => !/Zeta/.test(labels[i] ?? ''));
    assert.deepEqual(lost, [], 'diagram types whose label is not drawn as SVG text');
    assert.equal(await preview.page.locator('#sd-content foreignObject').count(), 0);
  });

  it('draws math with KaTeX (inline, display over lines, ```math) and keeps the estimate verdict beside it', async () => {
    const text = [
      '## Capacity estimation',
      '',
      'Inline: $x^2 + y$, prices stay text: $5 and $10.',
      '',
      '$$',
      '\\frac{100 \\space million \\times 10 \\space messages}{(24 \\space hrs \\times 3600 \\space seconds)} =',
      '\\sim 11574 \\space requests/second',
      '$$',
      '',
      '```math',
      'E = mc^2',
      '```',
      '',
    ].join('\n');
    await preview.update(text, { analysis: analyze(text), math: katexMath });
    const drawn = await preview.page.evaluate(() =>
      Array.from(document.querySelectorAll('#sd-content .sd-math math')).map((m) => {
        const r = m.getBoundingClientRect();
        return { display: m.getAttribute('display'), width: Math.round(r.width), height: Math.round(r.height) };
      }),
    );
    assert.equal(drawn.length, 3);
    assert.deepEqual(drawn.map((d) => d.display), [null, 'block', 'block']);
    assert.ok(drawn.every((d) => d.width > 10 && d.height > 5), JSON.stringify(drawn));
    assert.match((await preview.page.locator('#sd-content p').first().textContent()) ?? '', /prices stay text: \$5 and \$10\./);
    // The estimate written in the display block is checked, and its verdict sits right under the formula.
    const verdict = await preview.page.locator('#sd-content .sd-estimates-math .sd-estimate').first().textContent();
    assert.match(verdict ?? '', /11\.6K/);
  });

  it('fits a 480 px wide preview: long estimate lines wrap instead of running off the right edge', async () => {
    await preview.page.setViewportSize({ width: 480, height: 800 });
    const long = 'Storage for five years = 500 million users × 40 messages per day × 365 days × 5 years × 200 bytes ≈ 7.3 PB';
    await preview.update(`## Capacity estimation\n\n- ${long}\n\n\`\`\`estimate\n${long.replace(/ per /g, '/').replace(' for five years', '_5y')}\n\`\`\`\n`, {
      analysis: analyze(`## Capacity estimation\n\n- ${long}\n`),
    });
    const overflow = await preview.page.evaluate(() => {
      const root = document.scrollingElement!;
      const wide = Array.from(document.querySelectorAll('#sd-content .sd-estimate, #sd-content .sd-estimate-row')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
      return { page: root.scrollWidth - root.clientWidth, wide: wide.length };
    });
    assert.deepEqual(overflow, { page: 0, wide: 0 });
  });

  it('shows a broken diagram\'s error in place, reports it with its line, and renders the rest', async () => {
    const doc = fixture('broken.md');
    const report = await preview.update(doc.text);
    assert.equal(report.svgCount, 2);
    assert.equal(report.errorCount, 1);
    const errorBox = preview.page.locator('.sd-diagram-failed .sd-diagram-error');
    assert.equal(await errorBox.count(), 1);
    assert.match(await errorBox.innerText(), /Parse error on line 4/);
    const errors = await preview.waitForPosted('diagramErrors', (m) => (m as { version: number }).version === preview.version);
    const list = (errors as unknown as { errors: { line: number; diagramLine?: number; message: string }[] }).errors;
    assert.equal(list.length, 1);
    const fenceLine = doc.text.split('\n').findIndex((l, i, all) => l.startsWith('```mermaid') && all[i + 3]?.includes('b -->'));
    assert.equal(list[0].line, fenceLine, 'error points at the broken fence');
    assert.equal(list[0].diagramLine, 4);
    assert.equal(doc.text.split('\n')[fenceLine + 4].trim(), 'c ((( oops', 'fence line + diagram line is the offending source line');

    // Fixing the diagram clears the error report.
    const fixed = await preview.update(doc.text.replace('c ((( oops', 'c'));
    assert.equal(fixed.errorCount, 0);
    assert.equal(fixed.svgCount, 3);
  });

  it('re-themes diagrams when VS Code switches theme, and switching back uses the cache', async () => {
    const doc = fixture('design.md');
    const first = await preview.update(doc.text);
    const styleOf = () => preview.page.locator('.sd-diagram-svg > svg style').first().textContent();
    const lightStyle = await styleOf();
    await preview.page.evaluate(() => {
      document.body.classList.replace('vscode-light', 'vscode-dark');
    });
    const dark = await preview.waitForPosted('rendered', (m) => (m as { renders: number }).renders > first.renders);
    assert.equal(dark.renders, first.renders * 2, 'every diagram rendered again for the dark theme');
    await preview.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.sd-diagram')).every((d) => d.dataset.rendered === 'dark'));
    const darkStyle = await styleOf();
    assert.notEqual(darkStyle, lightStyle, 'SVG styles changed with the theme');
    await preview.page.evaluate(() => document.body.classList.replace('vscode-dark', 'vscode-high-contrast'));
    await preview.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.sd-diagram')).every((d) => d.dataset.rendered === 'hc-dark'));
    await preview.page.evaluate(() => document.body.classList.replace('vscode-high-contrast', 'vscode-dark'));
    await preview.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.sd-diagram')).every((d) => d.dataset.rendered === 'dark'));
    const posted = await preview.posted();
    const last = posted.filter((m) => m.type === 'rendered').pop() as unknown as { renders: number };
    assert.equal(last.renders, first.renders * 3, 'back to dark came from the cache');
    assert.equal(await styleOf(), darkStyle);
  });

  it('patches only changed blocks and re-renders only the diagram whose source changed', async () => {
    const doc = fixture('design.md');
    const first = await preview.update(doc.text);
    await preview.page.evaluate(() => {
      for (const [i, el] of Array.from(document.querySelectorAll<HTMLElement>('#sd-content > .sd-block')).entries()) el.dataset.mark = String(i);
    });
    const edited = doc.text.replace('app --> db[(Key-value store)]', 'app --> db[(Wide-column store)]');
    const report = await preview.update(edited);
    assert.equal(report.renders, first.renders + 1, 'exactly one diagram rendered');
    const unmarked = await preview.page.locator('#sd-content > .sd-block:not([data-mark])').count();
    assert.equal(unmarked, 1, 'one block replaced, the others kept their DOM');
    assert.match((await preview.page.locator('#sd-content > .sd-block:not([data-mark])').textContent()) ?? '', /Wide-column/);
  });

  it('drops a stale pass when a newer update arrives mid-render', async () => {
    const doc = fixture('design.md');
    const stale = await preview.send(doc.text.replace('Encoder', 'EncoderOne'));
    const final = await preview.update(doc.text.replace('Encoder', 'EncoderTwo'));
    const reports = (await preview.posted()).filter((m) => m.type === 'rendered').map((m) => (m as unknown as { version: number }).version);
    assert.ok(!reports.includes(stale), 'the superseded pass never reported');
    assert.equal(final.svgCount, countMermaidFences(doc.text));
    assert.equal(await preview.page.getByText('EncoderTwo').count() > 0, true);
    assert.equal(await preview.page.getByText('EncoderOne').count(), 0);
  });

  it('reveals the source line on double-click and syncs scroll both ways', async () => {
    const doc = fixture('design.md');
    await preview.page.setViewportSize({ width: 900, height: 300 });
    await preview.update(doc.text);
    const heading = preview.page.locator('h2', { hasText: 'Trade-offs' });
    await heading.dblclick();
    const reveal = await preview.waitForPosted('reveal');
    assert.equal((reveal as unknown as { line: number }).line, doc.text.split('\n').indexOf('## Trade-offs'));

    const target = doc.text.split('\n').indexOf('## Data model');
    await preview.postRaw({ type: 'scrollTo', line: target });
    await preview.page.waitForFunction(() => window.scrollY > 0);
    const top = await preview.page.locator('h2', { hasText: 'Data model' }).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 12, `heading at the top after scrollTo (top=${top})`);

    await new Promise((done) => setTimeout(done, 400)); // host-driven scrolls are muted briefly to avoid echo
    await preview.page.evaluate(() => window.scrollTo(0, 0));
    const scrolled = await preview.waitForPosted('scroll', (m) => (m as { line: number }).line < target);
    assert.ok((scrolled as unknown as { line: number }).line >= 0);
  });

  it('phase bar jumps to a section just below the sticky bar and tells the editor its line', async () => {
    const doc = exampleDocs()[0];
    await preview.page.setViewportSize({ width: 900, height: 400 });
    const analysis = analyze(doc.text, { path: doc.name });
    await preview.update(doc.text, { analysis });
    // A phase in the middle: enough page below it to scroll it to the top.
    const shown = analysis.phases.filter((p) => p.status !== 'missing');
    const target = shown[Math.floor(shown.length / 2)];
    await preview.page.locator(`#sd-phasebar button[data-jump="${target.line}"]`).click();
    const heading = preview.page.locator(`#sd-content [data-line="${target.line}"]`).first();
    await preview.page.waitForFunction(() => window.scrollY > 0);
    const [top, barBottom] = await Promise.all([
      heading.evaluate((el) => el.getBoundingClientRect().top),
      preview.page.locator('#sd-phasebar').evaluate((el) => el.getBoundingClientRect().bottom),
    ]);
    assert.ok(top >= barBottom - 1 && top < barBottom + 20, `heading just below the bar (top ${top}, bar ${barBottom})`);
    const scroll = await preview.waitForPosted('scroll');
    assert.equal((scroll as unknown as { line: number }).line, target.line, `the editor is told the line now at the top (${JSON.stringify(scroll)}, ${JSON.stringify((await preview.posted()).filter((m) => m.type === 'scroll'))})`);
  });

  it('routes links through the host and never navigates', async () => {
    const doc = fixture('design.md');
    await preview.update(doc.text);
    await preview.page.getByText('the RFC').click();
    await preview.page.getByText('notes').last().click();
    const links = (await preview.posted()).filter((m) => m.type === 'openLink').map((m) => (m as unknown as { href: string }).href);
    assert.deepEqual(links, ['https://www.rfc-editor.org/rfc/rfc3986', './notes.md#ids']);
    assert.equal(new URL(preview.page.url()).pathname, '/');
  });

  it('offers a keyboard-accessible diagram menu that saves SVG and PNG through the host', async () => {
    await preview.update(fixture('broken.md').text);
    const body = preview.page.locator('.sd-diagram-body').first();
    await body.focus();
    await preview.page.keyboard.press('Shift+F10');
    const menu = preview.page.getByRole('menu', { name: 'Diagram actions' });
    await menu.waitFor();
    assert.deepEqual(await menu.getByRole('menuitem').allInnerTexts(), [
      'Copy diagram as SVG', 'Copy diagram as PNG', 'Save diagram as SVG', 'Save diagram as PNG', 'Save diagram for a light page as SVG', 'Save diagram for a light page as PNG',
    ]);
    assert.equal(await preview.page.evaluate(() => document.activeElement?.textContent), 'Copy diagram as SVG');
    await preview.page.keyboard.press('ArrowDown');
    await preview.page.keyboard.press('ArrowDown');
    assert.equal(await preview.page.evaluate(() => document.activeElement?.textContent), 'Save diagram as SVG');
    await preview.page.keyboard.press('Enter');
    const svg = await preview.waitForPosted('saveDiagram', (m) => (m as { format: string }).format === 'svg');
    assert.match((svg as unknown as { data: string }).data, /^<svg[\s\S]*<\/svg>$/);
    assert.equal(await menu.count(), 0, 'menu closed after choosing');

    await body.click({ button: 'right' });
    await menu.waitFor();
    await preview.page.keyboard.press('End');
    await preview.page.keyboard.press('Enter');
    const png = await preview.waitForPosted('saveDiagram', (m) => (m as { format: string }).format === 'png');
    const data = (png as unknown as { data: string }).data;
    assert.match(data, /^data:image\/png;base64,/);
    assert.ok(data.length > 2000, 'PNG has content');

    await body.focus();
    await preview.page.keyboard.press('Shift+F10');
    await menu.waitFor();
    await preview.page.keyboard.press('Escape');
    assert.equal(await menu.count(), 0);
    assert.equal(await preview.page.evaluate(() => document.activeElement?.classList.contains('sd-diagram-body')), true, 'focus returns to the diagram');
  });

  it('copies a diagram as a PNG image where the clipboard allows it, and says so where it does not', async () => {
    await preview.update('```mermaid\nflowchart LR\n  a[Client] --> b[Service]\n```\n');
    const body = preview.page.locator('.sd-diagram-body').first();
    const copy = async () => {
      await body.click({ button: 'right' });
      await preview.page.getByRole('menuitem', { name: 'Copy diagram as PNG' }).click();
      return preview.page.locator('.sd-diagram-status').first();
    };
    // Before any permission: copied, or a clear note where the clipboard refuses images; nothing thrown.
    const refused = await copy();
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /PNG copied\.|does not allow copying images/);
    await preview.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(preview.page.url()).origin });
    const status = await copy();
    await preview.page.waitForFunction(() => document.querySelector('.sd-diagram-status')?.textContent === 'PNG copied.', undefined, { timeout: 10_000 });
    assert.equal(await status.textContent(), 'PNG copied.');
    const types = await preview.page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    assert.deepEqual(types, ['image/png']);
  });

  it('saves a diagram for a light page from a dark theme: drawn in the light theme, on white', async () => {
    await preview.page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    await preview.update('```mermaid\nflowchart LR\n  a[Client] --> b[Service]\n```\n');
    const body = preview.page.locator('.sd-diagram-body').first();
    const shown = await preview.page.locator('.sd-diagram-svg > svg').first().evaluate((svg) => svg.outerHTML);
    const choose = async (label: string) => {
      await body.click({ button: 'right' });
      await preview.page.getByRole('menuitem', { name: label }).click();
    };
    await choose('Save diagram for a light page as SVG');
    const light = (await preview.waitForPosted('saveDiagram', (m) => (m as { format: string }).format === 'svg')) as unknown as { data: string };
    assert.match(light.data, /^<svg[\s\S]*<\/svg>$/);
    // Mermaid's light theme fills nodes with its pale lavender; the dark theme shown does not.
    assert.match(light.data, /#ececff/i);
    assert.doesNotMatch(shown, /#ececff/i);
    assert.match(light.data, /Client/);
    await choose('Save diagram for a light page as PNG');
    const png = (await preview.waitForPosted('saveDiagram', (m) => (m as { format: string }).format === 'png')) as unknown as { data: string };
    assert.match(png.data, /^data:image\/png;base64,/);
    // The page around the diagram is white: the PNG's first pixel, decoded in the page.
    const corner = await preview.page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    }, png.data);
    assert.deepEqual(corner, [255, 255, 255, 255]);
    assert.equal(await preview.page.locator('.sd-offscreen').count(), 0, 'nothing left off screen');
  });

  it('zooms and pans a diagram from the keyboard and the toolbar', async () => {
    await preview.update(fixture('broken.md').text);
    const container = preview.page.locator('.sd-diagram').first();
    await container.locator('.sd-diagram-body').focus();
    await preview.page.keyboard.press('+');
    await preview.page.keyboard.press('+');
    assert.equal(await container.getAttribute('data-zoom'), '1.56');
    await preview.page.keyboard.press('ArrowRight');
    assert.match(await container.locator('.sd-diagram-svg').evaluate((el) => el.style.transform), /translate\(-40px, 0px\) scale\(1\.5625\)/);
    await container.hover();
    await container.getByRole('button', { name: 'Reset zoom' }).click();
    assert.equal(await container.getAttribute('data-zoom'), '1.00');
  });

  it('answers an export request with each rendered diagram once, as SVG', async () => {
    const doc = fixture('design.md');
    await preview.update(doc.text);
    await preview.postRaw({ type: 'collectExport', requestId: 7 });
    const data = (await preview.waitForPosted('exportData')) as unknown as { requestId: number; theme: string; diagrams: { hash: string; svg: string }[] };
    assert.equal(data.requestId, 7);
    assert.equal(data.theme, 'light');
    assert.equal(data.diagrams.length, countMermaidFences(doc.text));
    for (const d of data.diagrams) assert.match(d.svg, /^<svg/);
  });
});
