// Why style-src carries no nonce: with one, browsers ignore 'unsafe-inline' and Mermaid's <style> is blocked.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { openPreview } from './harness/preview';
import { startHarness, type Harness } from './harness/server';

const DIAGRAM = '```mermaid\nflowchart LR\n  a[Client] --> b[Server]\n```\n';

describe('preview CSP and Mermaid styles (Chromium)', function () {
  let harness: Harness;
  let browser: Browser | undefined;

  before(async function () {
    browser = await launchChromium(this);
    harness = await startHarness();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function nodeFill(url: string): Promise<{ fill: string; violations: { directive: string }[] }> {
    const preview = await openPreview(browser!, url);
    await preview.update(DIAGRAM);
    const fill = await preview.page.locator('.sd-diagram-svg svg .node rect, .sd-diagram-svg svg .node path').first().evaluate((el) => getComputedStyle(el).fill);
    const violations = (await preview.violations()) as { directive: string }[];
    await preview.close();
    return { fill, violations };
  }

  it('the product policy lets Mermaid style its SVG, with no violation', async () => {
    const { fill, violations } = await nodeFill(harness.url);
    assert.deepEqual(violations, []);
    assert.notEqual(fill, 'rgb(0, 0, 0)', 'theme fill applied');
  });

  it('a nonce in style-src would block Mermaid\'s <style> (the issue\'s literal policy)', async () => {
    const { fill, violations } = await nodeFill(`${harness.origin}/style-nonce.html`);
    assert.ok(violations.some((v) => v.directive.startsWith('style-src')), JSON.stringify(violations));
    assert.equal(fill, 'rgb(0, 0, 0)', 'unstyled: SVG default black fill');
  });
});
