// The README screenshots. Add one by appending an entry:
//   name      output file media/screenshots/<name>.png
//   file      repo-relative document to open (its folder, or `workspace`, is opened as the workspace)
//   line      optional line to put the cursor on (scrolls it into view)
//   prepare   optional async ({ page, ui }) => {...} to bring up what the shot shows (see ui in ../screenshots.mjs:
//             ui.runCommand('System Design: ...'), ui.openView('System Design'), ui.waitForText('...'), ui.hover(locator))
//   expect    async ({ page, ui }) => {...} that fails unless the page shows what the shot claims
/** Scrolls the preview so a heading sits at the top, just under the sticky phase bar. */
function toTopOfPreview(heading) {
  return heading.evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    const bar = document.querySelector('.sd-phasebar');
    window.scrollBy(0, -((bar?.getBoundingClientRect().height ?? 0) + 16));
  });
}

export const shots = [
  {
    name: 'editor',
    description: 'An example design doc open in VS Code with the extension installed',
    file: 'examples/url-shortener.design.md',
    async expect({ page, ui }) {
      await ui.waitForText('URL Shortener');
      await page.locator('.tab.active', { hasText: 'url-shortener.design.md' }).waitFor();
      await ui.extensionLoaded();
    },
  },
  {
    name: 'estimate-lenses',
    description: 'Checked estimates: a code lens over each line (✓ right, ✗ a planted per-day/per-year slip)',
    file: 'examples/news-feed.design.md',
    workspace: 'examples',
    line: 36,
    async expect({ page, ui }) {
      await ui.extensionLoaded();
      // Code lenses render as links above their line in .contentWidgets / .codelens-decoration.
      const lens = (text) => page.locator('.codelens-decoration', { hasText: text }).first().waitFor({ timeout: 60_000 });
      await lens('= 116 posts/s ✓ 116');
      await lens('= 2.31K reads/s ✓ 2.3K');
      await lens('= 18.3 TB ✗ claimed 2 TB');
    },
  },
  {
    name: 'checklist',
    description: 'The System Design view: framework, phases with status icons, a missing Trade-offs phase, one phase\'s sub-checks and the Capacity node',
    file: 'examples/news-feed.design.md',
    workspace: 'examples',
    line: 35,
    async prepare({ page, ui }) {
      await ui.openView('System Design');
      const row = (text) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
      await row('Trade-offs').waitFor({ timeout: 60_000 });
      // Widen the side bar so phase descriptions ("present · 1/2 checks · 5 min") are not cut off.
      const sash = await page.locator('.part.sidebar').boundingBox();
      await page.mouse.move(sash.x + sash.width + 1, 400);
      await page.mouse.down();
      await page.mouse.move(sash.x + sash.width + 160, 400, { steps: 10 });
      await page.mouse.up();
      await page.mouse.move(26, 500); // off the sash (and any tooltip), onto the empty activity bar
      // Capacity starts collapsed; open it so its headline numbers show. (Its aria-label starts with "Capacity,";
      // a text match would also hit "Estimate capacity".)
      const capacity = page.locator('.pane-body .monaco-list-row[aria-label^="Capacity,"]');
      await capacity.waitFor({ timeout: 30_000 });
      if ((await capacity.getAttribute('aria-expanded')) === 'false') await capacity.click();
      await page.locator('.pane-body .monaco-list-row[aria-label^="Capacity,"][aria-expanded="true"]').waitFor();
    },
    async expect({ page }) {
      const row = (text) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
      await row('Focused interview steps').waitFor();
      await row('8/9 phases').waitFor();
      // Missing required phase: error icon; present phases: pass icons.
      await page.locator('.pane-body .monaco-list-row', { hasText: 'Trade-offs' }).locator('.codicon-error').first().waitFor();
      await page.locator('.pane-body .monaco-list-row', { hasText: 'Data model' }).locator('.codicon-pass-filled, .codicon-pass').first().waitFor();
      // Monitoring has unmet checks, so it is expanded with ✓/✗ sub-checks underneath.
      await page.locator('.pane-body .monaco-list-row[aria-expanded="true"]', { hasText: 'Monitoring' }).first().waitFor();
      await page.locator('.pane-body .monaco-list-row', { hasText: 'not found' }).locator('.codicon-close').first().waitFor();
      await page.locator('.pane-body .monaco-list-row[aria-level="2"][aria-label^="DAU"]').first().waitFor();
      await page.locator('.statusbar-item', { hasText: '8/9 phases' }).first().waitFor();
      await page.locator('.tab.active', { hasText: 'news-feed.design.md' }).waitFor();
    },
  },
  {
    name: 'diagnostics',
    description: 'Findings in the Problems panel (SD001, SD006, SD007, SD008, SD010, SE002) and the hover on a squiggle in the editor',
    file: 'examples/news-feed.design.md',
    workspace: 'examples',
    line: '76:16',
    async prepare({ page, ui }) {
      await ui.runCommand('View: Close Primary Side Bar');
      await ui.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'SD006' }).first().waitFor({ timeout: 60_000 });
      await ui.runCommand('View: Focus Active Editor Group');
      await ui.runCommand('Show or Focus Hover');
    },
    async expect({ page }) {
      const problem = (text) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().waitFor({ timeout: 30_000 });
      for (const code of ['SD001', 'SD006', 'SD007', 'SD008', 'SE002']) await problem(code);
      await page.locator('.squiggly-error').first().waitFor();
      await page.locator('.monaco-hover', { hasText: 'Table follows has no primary key' }).first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'quick-fix',
    description: 'The quick-fix menu on a CREATE TABLE without a primary key: add the key, ignore the rule, or fix everything',
    file: 'examples/news-feed.design.md',
    workspace: 'examples',
    line: '76:16',
    async prepare({ page, ui }) {
      await ui.runCommand('View: Close Primary Side Bar');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
      await ui.runCommand('Quick Fix...');
    },
    async expect({ page }) {
      const item = (text) => page.locator('.action-widget', { hasText: text }).first().waitFor({ timeout: 30_000 });
      await item('Add an id primary key column');
      await item('Ignore SD006 in this document');
      await item('Fix all System Design problems');
    },
  },
  {
    name: 'preview',
    description: 'The design-aware preview beside the text: phase bar, phase badges on headings and rendered Mermaid diagrams',
    file: 'examples/chat-service.design.md',
    workspace: 'examples',
    line: 156,
    async prepare({ page, ui }) {
      await ui.runCommand('View: Close Primary Side Bar');
      await ui.runCommand('System Design: Open Preview to the Side');
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('.sd-diagram svg').first().waitFor({ timeout: 90_000 });
      // Give the preview more of the width, so the diagrams are drawn larger.
      const text = await page.locator('.part.editor .editor-group-container').first().boundingBox();
      await page.mouse.move(text.x + text.width + 1, 400);
      await page.mouse.down();
      await page.mouse.move(text.x + text.width - 120, 400, { steps: 10 });
      await page.mouse.up();
      await page.mouse.move(26, 500); // off the sash (and any tooltip), onto the empty activity bar
      // Let the editor-to-preview scroll sync finish before scrolling the preview ourselves.
      await page.waitForTimeout(3_000);
      // Bring the "High-level design" heading (badge + first diagram) to the top, just under the sticky phase bar.
      await toTopOfPreview(view.locator('h2', { hasText: 'High-level design' }).first());
    },
    async expect({ page }) {
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('.sd-phasebar').first().waitFor();
      await view.locator('.sd-phase-present').first().waitFor();
      await view.locator('.sd-badge').first().waitFor();
      // The shot is about the diagrams: the heading above the first one must sit near the top of the preview.
      const top = await view.locator('h2', { hasText: 'High-level design' }).first().evaluate((h) => h.getBoundingClientRect().top);
      if (top > 250) throw new Error(`"High-level design" is ${top}px down the preview, diagrams barely visible`);
      // Every diagram in the example renders; none is left as source text or an error.
      await view.locator('.sd-diagram svg').nth(1).waitFor({ timeout: 60_000 });
      await page.locator('.tab', { hasText: 'chat-service.design.md' }).first().waitFor();
    },
  },
  {
    name: 'real-document-dark',
    description: 'A write-up by another author (from the test corpus) in a dark theme: its LaTeX estimates drawn as math, each with its checked value',
    file: 'test/corpus/docs/interview/chatyx--backend--system-design.md',
    workspace: 'test/corpus/docs/interview',
    line: 44,
    async prepare({ page, ui }) {
      await ui.runCommand('Preferences: Toggle between Light/Dark Themes');
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
      await ui.runCommand('View: Close Primary Side Bar');
      await ui.runCommand('System Design: Open Preview to the Side');
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('.sd-math math').first().waitFor({ timeout: 90_000 });
      await page.mouse.move(26, 500);
      await page.waitForTimeout(3_000);
      await toTopOfPreview(view.locator('h4', { hasText: 'Sending messages' }).first());
    },
    async expect({ page }) {
      const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('body.vscode-dark').waitFor();
      await view.locator('.sd-math-display math').first().waitFor();
      await view.locator('.sd-estimates-math .sd-estimate', { hasText: '11.6K' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.tab', { hasText: 'chatyx--backend--system-design.md' }).first().waitFor();
    },
  },
];
