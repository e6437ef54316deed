import assert from 'node:assert/strict';
import { locateLoadError, locatePointer, pointerSegments } from '../../../src/vscode/jsonLocation';

const text = ['{', '  "id": "team",', '  "phases": [', '    { "id": "a", "kind": "nope" },', '    { "id": "b" }', '  ]', '}'].join('\n');

describe('JSON pointer location', () => {
  it('decodes pointer segments', () => {
    assert.deepEqual(pointerSegments('/phases/0/kind'), ['phases', 0, 'kind']);
    assert.deepEqual(pointerSegments('/a~1b/c~0d'), ['a/b', 'c~d']);
    assert.deepEqual(pointerSegments(''), []);
  });

  it('underlines the property holding the failing value', () => {
    const range = locatePointer(text, '/phases/0/kind');
    assert.deepEqual(range.start, { line: 3, character: 17 });
    assert.equal(text.split('\n')[3].slice(range.start.character, range.end.character), '"kind": "nope"');
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    const range = locatePointer(text, '/phases/1/title');
    assert.equal(range.start.line, 4);
    assert.equal(range.end.line, 4);
  });

  it('points at the first line when the JSON does not parse at all', () => {
    assert.deepEqual(locatePointer('not json', '/id').start, { line: 0, character: 0 });
  });
});

describe('framework load error location', () => {
  it('uses the line and column of a JSON syntax error', () => {
    const broken = '{\n  "id": "x",\n  "title": oops\n}';
    const range = locateLoadError(broken, { field: '', message: 'Not valid JSON at line 3, column 12: Unexpected token' });
    assert.deepEqual(range.start, { line: 2, character: 11 });
    assert.equal(range.end.line, 2);
  });

  it('uses the pointer otherwise', () => {
    assert.equal(locateLoadError(text, { field: '/phases/1', message: 'bad' }).start.line, 4);
  });
});
