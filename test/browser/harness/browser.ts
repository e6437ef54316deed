// Launches Debian's Chromium through playwright-core. Missing Chromium fails in CI and skips only locally.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(ctx: Mocha.Context): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM)) {
    const message = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
    if (process.env.CI) throw new Error(message);
    console.warn(`SKIPPING browser tests: ${message}`);
    ctx.skip();
    return undefined;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
