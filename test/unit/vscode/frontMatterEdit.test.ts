import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/parse';
import { frameworkFrontMatterEdit } from '../../../src/vscode/frontMatterEdit';
import { applyEdits } from './applyEdits';

function setFramework(text: string, id: string, eol = '\n'): string {
  const parsed = parseDocument(text);
  return applyEdits(text, [frameworkFrontMatterEdit(parsed.lines, parsed.frontMatter, id, eol)]);
}

describe('framework front matter edit', () => {
  it('adds front matter to a document without any', () => {
    const out = setFramework('# Chat\n\nBody\n', 'five-step');
    assert.equal(out, '---\nsysdesign: five-step\n---\n\n# Chat\n\nBody\n');
    assert.equal(parseDocument(out).frontMatter.data.sysdesign, 'five-step');
  });

  it('adds the key to existing front matter and keeps the other keys', () => {
    const out = setFramework('---\ntitle: Chat\n---\n# Chat\n', 'default');
    const data = parseDocument(out).frontMatter.data;
    assert.deepEqual(data, { sysdesign: 'default', title: 'Chat' });
  });

  it('replaces an existing sysdesign line, also an opt-out', () => {
    assert.equal(setFramework('---\ntitle: A\nsysdesign: five-step\n---\n', 'eight-step'), '---\ntitle: A\nsysdesign: eight-step\n---\n');
    assert.equal(parseDocument(setFramework('---\nsysdesign: false\n---\n# A\n', 'default')).frontMatter.data.sysdesign, 'default');
  });

  it('does not touch a nested sysdesign key', () => {
    const out = setFramework('---\nmeta:\n  sysdesign: x\n---\n', 'default');
    assert.deepEqual(parseDocument(out).frontMatter.data, { sysdesign: 'default', meta: { sysdesign: 'x' } });
  });

  it('uses the document line ending and quotes unusual ids', () => {
    const out = setFramework('# A\r\n', 'team: special', '\r\n');
    assert.equal(out, '---\r\nsysdesign: "team: special"\r\n---\r\n\r\n# A\r\n');
    assert.equal(parseDocument(out).frontMatter.data.sysdesign, 'team: special');
  });

  it('works on an empty document', () => {
    assert.equal(parseDocument(setFramework('', 'default')).frontMatter.data.sysdesign, 'default');
  });
});
