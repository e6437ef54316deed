import assert from 'node:assert/strict';
import { Glob, matchesAnyGlob } from '../../src/core/glob';
import { parseDocument } from '../../src/core/parse';
import { DEFAULT_DESIGN_GLOBS, isDesignDocument, isDesignText } from '../../src/core/recognize';

const plain = parseDocument('# Notes\n\nNothing to see.\n');

describe('isDesignDocument', () => {
  it('recognises front matter markers whatever the path', () => {
    for (const fm of ['sysdesign: default', 'sysdesign: true', 'type: system-design', 'type: design-doc', 'type: System-Design']) {
      const doc = parseDocument(`---\n${fm}\n---\n# X\n`);
      const result = isDesignDocument(doc, 'notes/readme.md', DEFAULT_DESIGN_GLOBS);
      assert.equal(result.designDoc, true, fm);
      assert.match(result.reason, /^front matter has /);
    }
  });

  it('accepts an empty sysdesign: key as a marker', () => {
    const doc = parseDocument('---\nsysdesign:\n---\n# X\n');
    assert.deepEqual(isDesignDocument(doc, 'README.md', DEFAULT_DESIGN_GLOBS), { designDoc: true, reason: 'front matter has sysdesign:' });
  });

  it('lets front matter opt out even on a matching path', () => {
    const doc = parseDocument('---\nsysdesign: false\n---\n# X\n');
    const result = isDesignDocument(doc, 'docs/a.design.md', DEFAULT_DESIGN_GLOBS);
    assert.equal(result.designDoc, false);
    assert.match(result.reason, /opts out/);
  });

  it('recognises the default globs, with / or \\ separators and absolute paths', () => {
    const yes = [
      'payments.design.md',
      'docs/payments.design.md',
      'docs\\payments.sysdesign.md',
      'design-docs/payments.md',
      'repo/design-docs/2026/q1/payments.md',
      'C:\\work\\repo\\design-docs\\x.md',
      '/home/me/repo/docs/feed.design.md',
    ];
    for (const path of yes) {
      const result = isDesignDocument(plain, path, DEFAULT_DESIGN_GLOBS);
      assert.equal(result.designDoc, true, path);
      assert.match(result.reason, /^path matches /);
    }
  });

  it('rejects ordinary Markdown', () => {
    const no = ['README.md', 'docs/design.md', 'docs/payments.design.txt', 'design-docs.md', 'my-design-docs/a.md', 'a.design.md.bak'];
    for (const path of no) assert.equal(isDesignDocument(plain, path, DEFAULT_DESIGN_GLOBS).designDoc, false, path);
    const noPath = isDesignDocument(plain, undefined, DEFAULT_DESIGN_GLOBS);
    assert.equal(noPath.designDoc, false);
    assert.match(noPath.reason, /no path/);
  });

  it('uses the globs it is given instead of the defaults', () => {
    assert.equal(isDesignDocument(plain, 'rfcs/0042-cache.md', ['rfcs/*.md']).designDoc, true);
    assert.equal(isDesignDocument(plain, 'docs/a.design.md', ['rfcs/*.md']).designDoc, false);
  });

  it('falls back to the path on broken front matter, unless a sysdesign: line still marks it (so SD100 is seen)', () => {
    const broken = parseDocument('---\ntitle: [unclosed\n---\n# X\n');
    assert.equal(isDesignDocument(broken, 'README.md', DEFAULT_DESIGN_GLOBS).designDoc, false);
    assert.equal(isDesignDocument(broken, 'x.design.md', DEFAULT_DESIGN_GLOBS).designDoc, true);
    for (const text of ['---\nsysdesign: [unclosed\n---\n# X\n', '---\nsysdesign: default\ntitle: [unclosed\n---\n# X\n']) {
      const marked = isDesignText(text, 'README.md');
      assert.equal(marked.designDoc, true, text);
      assert.match(marked.reason, /front matter cannot be read, but line \d has sysdesign:/);
      assert.equal(isDesignDocument(parseDocument(text), 'README.md').designDoc, true);
    }
    assert.equal(isDesignText('---\nsysdesign: off\ntitle: [unclosed\n---\n# X\n', 'README.md').designDoc, false, 'an opt-out stays one');
  });
});

describe('Glob', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.md', 'a.md', true],
    ['*.md', 'dir/a.md', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'x/y/z/a.md', true],
    ['docs/**', 'docs', true],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/**', 'docsx/a.md', false],
    ['a/**/b.md', 'a/b.md', true],
    ['a/**/b.md', 'a/x/y/b.md', true],
    ['a/**/b.md', 'a/xb.md', false],
    ['file?.md', 'file1.md', true],
    ['file?.md', 'file10.md', false],
    ['file?.md', 'file/.md', false],
    ['*.{md,markdown}', 'a.markdown', true],
    ['*.{md,markdown}', 'a.mdx', false],
    ['{docs,rfcs}/{a,b}*.md', 'rfcs/b-2.md', true],
    ['{docs,rfcs}/{a,b}*.md', 'rfcs/c.md', false],
    ['[abc].md', 'b.md', true],
    ['[abc].md', 'd.md', false],
    ['[!abc].md', 'd.md', true],
    ['[a-c]x.md', 'cx.md', true],
    ['[a-c]x.md', 'dx.md', false],
    ['docs/*.md', '/abs/repo/docs/a.md', true],
    ['docs/*.md', '/abs/repo/notdocs/a.md', false],
    ['/abs/*.md', '/abs/a.md', true],
    ['/abs/*.md', '/other/abs/a.md', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(new Glob(pattern).matches(path), expected);
    });
  }

  it('compares case-insensitively only when asked', () => {
    assert.equal(matchesAnyGlob('Docs/A.Design.MD', ['**/*.design.md']), false);
    assert.equal(matchesAnyGlob('Docs/A.Design.MD', ['**/*.design.md'], { nocase: true }), true);
  });

  it('finishes at once on patterns that make backtracking regexes explode', () => {
    // A regex translation (`.*a.*a...b`) backtracks exponentially on this; the NFA takes one pass.
    const started = Date.now();
    const path = 'a'.repeat(20000);
    assert.equal(new Glob('*a*a*a*a*a*a*a*a*a*a*b').matches(path), false);
    assert.equal(new Glob('**/**/**/**/**/x').matches(`${'a/'.repeat(5000)}y`), false);
    assert.ok(Date.now() - started < 5000, 'generous bound: pathological globs must not hang the editor');
  });
});

describe('Glob against a reference translation (property test)', () => {
  // Small alphabets so that random paths often match; the reference is a plain regex, fine at this size.
  const atoms: Array<[string, string]> = [
    ['a', 'a'],
    ['b', 'b'],
    ['*', '[^/]*'],
    ['?', '[^/]'],
    ['[ab]', '[ab]'],
    ['[!a]', '[^a/]'],
    ['{a,bb}', '(?:a|bb)'],
  ];

  function reference(segments: Array<'**' | number[]>): RegExp {
    let re = '';
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      const separator = index > 0 && segments[index - 1] !== '**';
      if (segment === '**') {
        if (!last) re += `${separator ? '/' : ''}(?:.*/)?`;
        else re += separator ? '(?:/.*)?' : '.*';
        return;
      }
      if (separator) re += '/';
      re += segment.map((i) => atoms[i][1]).join('');
    });
    return new RegExp(`^${re}$`);
  }

  it('agrees with the reference on random patterns and paths', async () => {
    const fc = await import('fast-check');
    const segment = fc.oneof(
      { weight: 1, arbitrary: fc.constant('**' as const) },
      {
        weight: 4,
        // Two `*` atoms side by side would spell a globstar; the matcher treats `**` inside a segment as one star.
        arbitrary: fc
          .array(fc.integer({ min: 0, max: atoms.length - 1 }), { minLength: 1, maxLength: 3 })
          .filter((ids) => !ids.some((id, i) => id === 2 && ids[i + 1] === 2)),
      },
    );
    const pathArb = fc
      .array(fc.constantFrom('a', 'b', 'c', '/'), { minLength: 0, maxLength: 9 })
      .map((chars) => chars.join(''))
      .filter((p) => !p.startsWith('/'));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), pathArb, (segments, path) => {
        const pattern = segments.map((s) => (s === '**' ? '**' : s.map((i) => atoms[i][0]).join(''))).join('/');
        return new Glob(pattern).matches(path) === reference(segments).test(path);
      }),
      { numRuns: 3000 },
    );
  });

  it('handles very long patterns without overflowing the stack', () => {
    assert.equal(new Glob(`${'**/'.repeat(20000)}x.md`).matches('a/b/x.md'), true);
    assert.equal(matchesAnyGlob('a.md', [`${'{'.repeat(20000)}a`]), false);
  });
});

describe('isDesignText (recognition without a full parse)', () => {
  const texts = [
    '---\nsysdesign: default\n---\n# Doc\n',
    '\uFEFF---\ntype: system-design\n---\n',
    '---\nsysdesign: false\n---\n# Opted out\n',
    '---\ntitle: [broken\n---\n# Broken front matter\n',
    '---\ntitle: not closed\n# Heading\n',
    '# Plain README\n\n---\n\nsysdesign: default\n',
    '',
  ];
  const paths = [undefined, 'docs/chat.design.md', 'docs/readme.md'];
  for (const text of texts) {
    for (const path of paths) {
      it(`agrees with the full parse for ${JSON.stringify(text.slice(0, 24))} at ${path}`, () => {
        assert.deepEqual(isDesignText(text, path), isDesignDocument(parseDocument(text), path));
      });
    }
  }
});
