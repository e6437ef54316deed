// Test output for both launchers. VS Code's extension host locks `console` (assignments are ignored)
// and the web workbench mixes its own logging into the page console, so the web launcher sets
// SDD_TEST_OUTPUT_MARKER and prints only page-console lines that start with it.
import { format } from 'node:util';

const marker = process.env.SDD_TEST_OUTPUT_MARKER ?? '';

/** console.log for tests: shown by both launchers (plain console.log only with INTEGRATION_VERBOSE=1 on the web). */
export function log(...args: unknown[]): void {
  // Mocha's check marks come pre-coloured when CI is set (picocolors); the page console is plain text.
  console.log(marker + format(...args).replace(/\x1b\[[0-9;]*m/g, ''));
}
