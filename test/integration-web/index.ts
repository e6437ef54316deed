// Mocha entry for the web worker extension host (scripts/test-integration.mjs --web): the same
// workbench and VS Code server as test/integration, with the extension loaded from its "browser"
// entry. No Node here: mocha's browser build, and fixtures read through the workspace's file system.
import { log } from './webHelpers';

interface BrowserMocha {
  setup(options: { ui: string; reporter?: unknown; color?: boolean; timeout?: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}
interface MochaClass {
  reporters: { Base: { consoleLog: (...args: unknown[]) => void }; Spec: unknown };
}

export function run(): Promise<void> {
  // mocha's browser build puts its instance and class on `global` when the host defines one (VS Code's
  // web worker host does), else on `self`; `suite`/`test` become globals on setup.
  require('mocha/mocha.js');
  const scope = globalThis as unknown as { mocha?: BrowserMocha; Mocha?: MochaClass; global?: { mocha?: BrowserMocha; Mocha?: MochaClass } };
  const mocha = scope.global?.mocha ?? scope.mocha;
  const Mocha = scope.global?.Mocha ?? scope.Mocha;
  if (!mocha || !Mocha) throw new Error('mocha\'s browser build did not expose itself');
  Mocha.reporters.Base.consoleLog = log;
  mocha.setup({ ui: 'tdd', reporter: Mocha.reporters.Spec, color: false, timeout: 60_000 });
  // Registers the suites (mocha's `suite`/`test` globals exist once setup ran).
  require('./web.test');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      log(`integration (web worker host): ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
      if (failures > 0) reject(new Error(`${failures} web integration test(s) failed`));
      else if (stats.passes === 0) reject(new Error('no web integration test ran'));
      else resolve();
    });
  });
}
