import assert from 'node:assert/strict';
import { countOption, formatOption, parseCommandArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/exit';

const usage = 'sysdesign test <x>';
const spec = { format: { type: 'string' }, 'no-color': { type: 'boolean' } } as const;

describe('cli args', () => {
  it('parses options, positionals and -h', () => {
    const parsed = parseCommandArgs(['a.md', '--format', 'json', '--no-color', 'b.md', '-h'], spec, usage);
    assert.deepEqual(parsed.positionals, ['a.md', 'b.md']);
    assert.equal(parsed.values.format, 'json');
    assert.equal(parsed.values['no-color'], true);
    assert.equal(parsed.values.help, true);
  });

  it('turns unknown options and missing values into UsageErrors carrying the usage line', () => {
    assert.throws(
      () => parseCommandArgs(['--frmat', 'json'], spec, usage),
      (error: unknown) => error instanceof UsageError && error.message === 'unknown option --frmat' && error.usage === usage,
    );
    assert.throws(() => parseCommandArgs(['--format'], spec, usage), /option --format needs a value/);
    assert.throws(() => parseCommandArgs(['--no-color=yes'], spec, usage), /does not take a value/);
    assert.throws(() => parseCommandArgs(['--format', '-1'], spec, usage), /option --format got a value starting with "-"; write it as --format=<value>/);
  });

  it('checks --format against the allowed set, defaulting to the first', () => {
    assert.equal(formatOption(undefined, ['text', 'json'] as const, usage), 'text');
    assert.equal(formatOption('json', ['text', 'json'] as const, usage), 'json');
    assert.throws(() => formatOption('xml', ['text', 'json'] as const, usage), /unknown format "xml" \(expected text, json\)/);
  });

  it('accepts only whole numbers for counts', () => {
    assert.equal(countOption('max-warnings', undefined, usage), undefined);
    assert.equal(countOption('max-warnings', '0', usage), 0);
    assert.equal(countOption('max-warnings', '12', usage), 12);
    for (const bad of ['-1', '1.5', 'ten', '']) {
      assert.throws(() => countOption('max-warnings', bad, usage), UsageError);
    }
  });
});
