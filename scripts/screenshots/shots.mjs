// The README screenshots. Add one by appending an entry:
//   name      output file media/screenshots/<name>.png
//   file      repo-relative document to open (its folder, or `workspace`, is opened as the workspace)
//   line      optional line to put the cursor on (scrolls it into view)
//   prepare   optional async ({ page, ui }) => {...} to bring up what the shot shows (see ui in ../screenshots.mjs:
//             ui.runCommand('System Design: ...'), ui.openView('System Design'), ui.waitForText('...'), ui.hover(locator))
//   expect    async ({ page, ui }) => {...} that fails unless the page shows what the shot claims
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
];
