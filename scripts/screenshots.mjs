// `npm run screenshots`: packages the VSIX, installs it into a fresh VS Code server profile and saves
// the shots listed in scripts/screenshots/shots.mjs as media/screenshots/<name>.png.
// Options: --no-package (reuse out/system-design-docs.vsix), --only=<name>[,<name>].
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVsix, vsixPath } from './package.mjs';
import { shots } from './screenshots/shots.mjs';
import { launchChromium } from './vscode-host/browser.mjs';
import { ensureHost } from './vscode-host/install.mjs';
import { installVsix, makeProfile, remoteUri, startServer, workbenchUrl } from './vscode-host/server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'media', 'screenshots');
const viewport = { width: 1280, height: 800 };

/** Small UI actions for `prepare`/`expect` in shots.mjs. */
function uiFor(page) {
  return {
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },
    async openView(title) {
      await page.locator(`.activitybar .action-item a[aria-label^="${title}"], .activitybar [aria-label^="${title}"]`).first().click();
    },
    waitForText(text, timeout = 30_000) {
      return page.getByText(text, { exact: false }).first().waitFor({ timeout });
    },
    async hover(locator) {
      await locator.hover();
    },
    /** The extension's activity bar entry only appears once VS Code has loaded the installed VSIX. */
    extensionLoaded() {
      return page.locator('.activitybar [aria-label^="System Design"]').first().waitFor({ timeout: 30_000 });
    },
  };
}

async function takeShot(browser, server, shot) {
  const file = join(repoRoot, shot.file);
  const workspace = join(repoRoot, shot.workspace ?? dirname(shot.file));
  const payload = [['openFile', remoteUri(server, shot.line ? `${file}:${shot.line}` : file)]];
  if (shot.line) payload.push(['gotoLineMode', 'true']);
  const page = await browser.newPage({ viewport });
  try {
    await page.goto(workbenchUrl(server, workspace, payload));
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    const ui = uiFor(page);
    await ui.extensionLoaded();
    if (shot.prepare) await shot.prepare({ page, ui });
    await shot.expect({ page, ui });
    // Let decorations, lenses and the status bar settle; the checks above already proved the content.
    await page.waitForTimeout(shot.settleMs ?? 2_000);
    const output = join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: output });
    return output;
  } catch (error) {
    // What the page showed when the shot failed, to see which step went wrong (never saved as a shot).
    const failure = join(tmpdir(), `sdd-shot-${shot.name}-failed.png`);
    await page.screenshot({ path: failure }).catch(() => {});
    error.message += ` (page at failure: ${failure})`;
    throw error;
  } finally {
    await page.close();
  }
}

async function main() {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const selected = only ? shots.filter((shot) => only.includes(shot.name)) : shots;
  if (selected.length === 0) throw new Error(`no shot matches ${only}`);
  if (!process.argv.includes('--no-package')) packageVsix({ quiet: true });
  const host = ensureHost();
  const profile = makeProfile();
  installVsix(host, vsixPath, profile.extensionsDir);
  mkdirSync(outDir, { recursive: true });
  let server;
  let browser;
  let failed = 0;
  try {
    server = await startServer(host, { userDataDir: profile.userDataDir, extensionsDir: profile.extensionsDir });
    browser = await launchChromium();
    for (const shot of selected) {
      try {
        const output = await takeShot(browser, server, shot);
        process.stdout.write(`saved ${output.slice(repoRoot.length + 1)} — ${shot.description}\n`);
      } catch (error) {
        failed++;
        process.stderr.write(`shot ${shot.name} FAILED: ${error.message}\n`);
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    profile.dispose();
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`screenshots FAILED: ${error.stack ?? error}\n`);
  process.exit(1);
});
