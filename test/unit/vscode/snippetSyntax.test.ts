import assert from 'node:assert/strict';
import { parseSnippet } from '../../../src/vscode/snippetSyntax';
import { escapeSnippet } from '../../../src/vscode/templates';

describe('snippet syntax', () => {
  it('expands tab stops, placeholders, nested placeholders and choices to their defaults', () => {
    const parsed = parseSnippet('a $1 b ${2} c ${3:x ${4:y}} d ${5|one,two|} $0');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.text, 'a  b  c x y d one ');
    assert.deepEqual(parsed.tabStops, [1, 2, 3, 4, 5, 0]);
  });

  it('keeps escaped characters literally', () => {
    const parsed = parseSnippet('cost \\$5 \\} back\\\\slash ${1:a \\} b}');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.text, 'cost $5 } back\\slash a } b');
  });

  it('reports an unescaped dollar, an unclosed placeholder and an unclosed choice', () => {
    assert.equal(parseSnippet('costs $ 5').errors.length, 1);
    assert.equal(parseSnippet('${1:never closed').errors.length, 1);
    assert.equal(parseSnippet('${1|a,b').errors.length, 1);
  });

  it('knows the snippet variables and flags unknown ones', () => {
    assert.deepEqual(parseSnippet('$TM_FILENAME ${CURRENT_YEAR}').errors, []);
    assert.equal(parseSnippet('$NOT_A_VARIABLE').errors.length, 1);
  });

  it('escapeSnippet round-trips arbitrary text', () => {
    const text = 'price: $10 {a} \\ ${1:x} }';
    const parsed = parseSnippet(escapeSnippet(text));
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.text, text);
  });
});
