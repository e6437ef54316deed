// Team framework files written to hurt: thousands of errors, absurd nesting, megabytes of JSON. Each is
// refused or reported in bounded work, and never stops the good files beside it from loading.
import assert from 'node:assert/strict';
import { addWorkspaceFiles, FrameworkRegistry } from '../../src/core/frameworks';
import { jsonDepth, MAX_ERRORS_PER_FILE, MAX_FRAMEWORK_DEPTH } from '../../src/core/frameworks/workspaceFiles';
import { locateLoadError, locateLoadErrors } from '../../src/vscode/jsonLocation';

const GOOD = JSON.stringify({
  id: 'team-ok',
  title: 'Team',
  description: 'Fine',
  phases: [{ id: 'tradeoffs', title: 'Trade-offs', kind: 'trade-offs', headings: ['trade offs'], required: true, needs: [] }],
});

/** Phases that each break three schema rules: an unknown kind, a misspelt property and a number for a title. */
function manyBadPhases(n: number): string {
  const phases = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: i, kind: 'not-a-kind', heading: ['x'], required: 'yes', needs: [] }));
  return JSON.stringify({ id: 'broken-many', title: 'Broken', description: 'x', phases }, null, 1);
}

describe('robustness: hostile team framework files', () => {
  it('a file with thousands of schema errors reports a capped list, and the good file still loads', () => {
    const registry = FrameworkRegistry.withBuiltIns();
    const text = manyBadPhases(3000);
    const errors = addWorkspaceFiles(registry, [
      { file: 'many.json', text },
      { file: 'ok.json', text: GOOD },
    ]);
    const mine = errors.filter((e) => e.file === 'many.json');
    assert.equal(mine.length, MAX_ERRORS_PER_FILE);
    assert.match(mine[mine.length - 1].message, /more problems in this file/);
    assert.ok(registry.get('team-ok'), 'the good file was not loaded');
    // Every reported error is placed by one parse, at the same place as placing it alone.
    const ranges = locateLoadErrors(text, mine);
    mine.forEach((error, i) => assert.deepEqual(ranges[i], locateLoadError(text, error), error.field));
    assert.ok(ranges.some((r) => r.start.line > 0), 'errors were not placed at their fields');
  });

  it('JSON nested far deeper than a framework needs is refused before any recursive walk', () => {
    const deep = '{"id":"deep","phases":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const registry = FrameworkRegistry.withBuiltIns();
    const errors = addWorkspaceFiles(registry, [{ file: 'deep.json', text: deep }, { file: 'ok.json', text: GOOD }]);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, new RegExp(`nested more than ${MAX_FRAMEWORK_DEPTH} levels`));
    assert.ok(registry.get('team-ok'));
    // Placing that error does not parse the file either.
    assert.deepEqual(locateLoadError(deep, errors[0]).start, { line: 0, character: 0 });
  });

  it('depth counting skips brackets inside strings and escaped quotes', () => {
    assert.equal(jsonDepth('{"a": "[[[[\\"{{{{", "b": [[1]]}', 100), 3);
    assert.equal(jsonDepth('[]', 100), 1);
    assert.equal(jsonDepth('"[[["', 100), 0);
    assert.ok(jsonDepth('['.repeat(50), 10) > 10);
  });

  it('a file larger than any framework is refused with its size, unparsed', () => {
    const huge = JSON.stringify({ id: 'huge', title: 'x'.repeat(600 * 1024) });
    const errors = addWorkspaceFiles(FrameworkRegistry.withBuiltIns(), [{ file: 'huge.json', text: huge }]);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /is 600 KB; a framework file may be at most 512 KB/);
  });
});
