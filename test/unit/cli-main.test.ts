import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { wantsColor, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

function capture(env: Record<string, string | undefined> = {}, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    cwd: resolve(__dirname, '../../examples'),
    env,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdoutIsTTY: tty,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('cli main (in process)', () => {
  it('prints the package version', async () => {
    const c = capture();
    assert.equal(await main(['--version'], c.io), 0);
    assert.equal(c.out().trim(), JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')).version);
  });

  it('unknown commands and top-level options are usage errors (2) on stderr only', async () => {
    for (const argv of [['frobnicate'], ['--frobnicate'], ['constructor']]) {
      const c = capture();
      assert.equal(await main(argv, c.io), 2, argv.join(' '));
      assert.equal(c.out(), '');
      assert.match(c.err(), /^sysdesign: unknown (command|option)/);
      assert.match(c.err(), /Usage: sysdesign <command>/);
    }
  });

  it('usage errors inside a command name that command in the hint', async () => {
    const c = capture();
    assert.equal(await main(['rules', 'SD001', 'extra'], c.io), 2);
    assert.match(c.err(), /unexpected argument "extra"/);
    assert.match(c.err(), /Run 'sysdesign rules --help' for more\./);
  });

  it('runs check in process against the examples', async () => {
    const c = capture();
    assert.equal(await main(['check', 'chat-service.design.md', '--format', 'json'], c.io), 0);
    const result = JSON.parse(c.out());
    assert.equal(result.files[0].framework.id, 'default');
    assert.equal(result.summary.errors, 0);
  });
});

describe('cli colors', () => {
  const io = (env: Record<string, string | undefined>, tty: boolean) => capture(env, tty).io;
  it('colors on a terminal unless --no-color or NO_COLOR; FORCE_COLOR forces them', () => {
    assert.equal(wantsColor(io({}, true), false), true);
    assert.equal(wantsColor(io({}, false), false), false);
    assert.equal(wantsColor(io({}, true), true), false);
    assert.equal(wantsColor(io({ NO_COLOR: '1' }, true), false), false);
    assert.equal(wantsColor(io({ NO_COLOR: '' }, true), false), true);
    assert.equal(wantsColor(io({ FORCE_COLOR: '1' }, false), false), true);
    assert.equal(wantsColor(io({ FORCE_COLOR: '0' }, false), false), false);
    assert.equal(wantsColor(io({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), false), false);
  });
});
