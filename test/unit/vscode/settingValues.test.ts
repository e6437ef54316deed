import assert from 'node:assert/strict';
import { readRelativeFolder, readRuleSettings, readStringArray, readTrimmedString } from '../../../src/core/config/values';

function collect() {
  const problems: string[] = [];
  return { problems, report: (problem: string) => problems.push(problem) };
}

describe('setting values', () => {
  it('rule settings keep valid entries, normalise case and report bad ones', () => {
    const { problems, report } = collect();
    const rules = readRuleSettings({ SD001: 'off', 'missing-phase': 'Error', SD002: 'loud', SD003: 3 }, report);
    assert.deepEqual(rules, { SD001: 'off', 'missing-phase': 'error' });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /SD002/);
  });

  it('rule settings that are not an object are ignored with one report', () => {
    const { problems, report } = collect();
    assert.deepEqual(readRuleSettings(['SD001'], report), {});
    assert.deepEqual(readRuleSettings(undefined, report), {});
    assert.equal(problems.length, 1);
  });

  it('globs: non-lists fall back, bad entries are dropped', () => {
    const { problems, report } = collect();
    assert.deepEqual(readStringArray('**/*.md', ['d'], report), ['d']);
    assert.deepEqual(readStringArray([' a/**/*.md ', 3, ''], ['d'], report), ['a/**/*.md']);
    assert.equal(problems.length, 2);
  });

  it('strings fall back when empty or of the wrong type', () => {
    const { problems, report } = collect();
    assert.equal(readTrimmedString('  five-step ', 'auto', report), 'five-step');
    assert.equal(readTrimmedString('', 'auto', report), 'auto');
    assert.equal(readTrimmedString(7, 'auto', report), 'auto');
    assert.equal(problems.length, 2);
  });

  it('the frameworks folder must stay inside the workspace folder', () => {
    const { problems, report } = collect();
    assert.equal(readRelativeFolder('./team/frameworks/', 'd', report), 'team/frameworks');
    assert.equal(readRelativeFolder('.sysdesign\\frameworks', 'd', report), '.sysdesign/frameworks');
    assert.equal(readRelativeFolder('../elsewhere', 'd', report), 'd');
    assert.equal(readRelativeFolder('/etc', 'd', report), 'd');
    assert.equal(readRelativeFolder('C:/x', 'd', report), 'd');
    assert.equal(problems.length, 3);
  });
});
