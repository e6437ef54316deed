// Mocha entry that VS Code's extension host calls (`run()`), in the web launcher
// (scripts/test-integration.mjs) and the desktop one (scripts/test-integration-electron.mjs).
//
// Adding a test: create test/integration/<feature>.test.ts using the TDD UI (`suite`, `test`,
// `suiteSetup`...). It is found and bundled automatically; no registration needed. The workspace is
// test/fixtures/workspace/ — add fixture documents there and open them with `openFixture()`.
// Anything the extension does asynchronously (diagnostics, code lenses, tree rows) must be awaited
// with the polling helpers in ./helpers.ts, e.g.
//   const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
// never with a fixed sleep. Print with `log()` from ./output (plain console.log is hidden on the web).
import Mocha from 'mocha';
import { testFiles } from 'sdd:integration-test-files';
import { log } from './output';

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    forbidOnly: Boolean(process.env.CI),
    // INTEGRATION_GREP=<text> runs only matching tests (the extension host inherits the launcher's env).
    ...(process.env.INTEGRATION_GREP ? { grep: process.env.INTEGRATION_GREP } : {}),
  });

  for (const { file, load } of testFiles) {
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, file, mocha);
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_REQUIRE, load(), file, mocha);
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, file, mocha);
  }

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0, tests: 0 };
      // A plain closing line CI tooling can read, whichever launcher carried the output.
      log(`integration: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (stats.passes === 0) reject(new Error(`no integration test ran (files: ${testFiles.length})`));
      else resolve();
    });
  });
}
