// Pure preview rendering: source lines, diagram placeholders, overlays, message validation, link policy, export.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildExportHtml, exportCsp, fillDiagrams } from '../../src/core/render/exportHtml';
import { classifyLink } from '../../src/core/render/links';
import { cappedErrors, cappedSvgs, diagramErrorLine, LIMITS, readHostMessage, validateWebviewMessage } from '../../src/core/render/protocol';
import { renderDocument } from '../../src/core/render/renderDocument';
import { buildPreviewShell, previewCsp } from '../../src/core/render/shell';

const DOC = [
  '---', 'framework: default', '---', // 0-2
  '# Title', // 3
  '', // 4
  'Intro with <b>raw</b> html.', // 5
  '', // 6
  '```mermaid', 'flowchart LR', '  a --> b', '```', // 7-10
  '', // 11
  '- one', '- two', // 12-13
].join('\n');

describe('renderDocument', () => {
  it('puts each top-level block in its own keyed unit with its 0-based source line', () => {
    const doc = renderDocument(DOC);
    assert.deepEqual(doc.blocks.map((b) => b.line), [3, 5, 7, 12]);
    assert.equal(new Set(doc.blocks.map((b) => b.key)).size, doc.blocks.length);
    assert.match(doc.blocks[0].html, /^<h1 data-line="3" data-slug="title">Title<\/h1>/);
    assert.match(doc.blocks[3].html, /<li data-line="13">two<\/li>/);
    assert.equal(doc.title, 'Title');
    assert.equal(doc.lineCount, 14);
  });

  it('hides front matter without shifting lines, and renders the raw HTML GitHub renders', () => {
    const doc = renderDocument(DOC);
    assert.ok(!doc.blocks.some((b) => b.html.includes('framework: default')));
    assert.match(doc.blocks[1].html, /Intro with <b>raw<\/b> html\./);
  });

  describe('math', () => {
    const drawn: Array<[string, boolean]> = [];
    const draw = (tex: string, display: boolean) => (drawn.push([tex, display]), `<math>${tex}</math>`);
    const html = (text: string) => {
      drawn.length = 0;
      return renderDocument(text, { math: draw }).blocks.map((b) => b.html).join('');
    };

    it('finds $…$, $$…$$ and `$`…`$` inline, $$ blocks over lines and ```math fences, as GitHub does', () => {
      html('Inline $x^2$, display $$y$$ and $`a/b`$.\n\n$$\n\\frac{1}{2} =\n0.5\n$$\n\n```math\nE = mc^2\n```\n');
      assert.deepEqual(drawn, [['x^2', false], ['y', true], ['a/b', false], ['\\frac{1}{2} =\n0.5', true], ['E = mc^2', true]]);
    });

    it('leaves prices, escaped dollars and code alone', () => {
      const out = html('It costs $5 and $10. A \\$ sign is text, and so is `$y$` in code.\n');
      assert.deepEqual(drawn, []);
      assert.match(out, /\$5 and \$10/);
    });

    it('shows the source as code when there is no renderer, or it cannot draw the formula', () => {
      assert.match(renderDocument('Inline $x<y$.\n').blocks[0].html, /<code class="sd-math-source">\$x&lt;y\$<\/code>/);
      assert.match(renderDocument('$$\nbad\n$$\n', { math: () => undefined }).blocks[0].html, /<pre data-line="0" class="sd-math-source">\$\$bad\$\$<\/pre>/);
    });
  });

  describe('raw HTML', () => {
    const html = (text: string, resolveImage?: (src: string) => string | undefined) => renderDocument(text, { resolveImage }).blocks.map((b) => b.html).join('');

    it('drops comments: template guidance on a heading\'s line, a table-of-contents marker', () => {
      const out = html('## Requirements <!-- Pin down what the system must do. -->\n\n<!-- toc -->\n\n- a\n');
      assert.doesNotMatch(out, /Pin down|toc|&lt;!--/);
      assert.match(out, /<h2[^>]*>Requirements <\/h2>/);
    });

    it('renders images with their size, line breaks, sub/sup, kbd and collapsible details holding Markdown', () => {
      const out = html('<img src="arch.png" width="600" alt="Architecture">\n\nA<br>B H<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd>\n\n<details>\n<summary>More</summary>\n\nHidden **text**\n\n</details>\n\nAfter.\n', (src) => `https://res/${src}`);
      assert.match(out, /<img src="https:\/\/res\/arch\.png" width="600" alt="Architecture">/);
      assert.match(out, /A<br>B H<sub>2<\/sub>O x<sup>2<\/sup> <kbd>Ctrl<\/kbd>/);
      assert.match(out, /<details>\n<summary>More<\/summary>\n<p data-line="\d+">Hidden <strong>text<\/strong><\/p>\n<\/details>/);
      const doc = renderDocument('<details>\n<summary>More</summary>\n\nHidden\n\n</details>\n\nAfter.\n');
      assert.equal(doc.blocks.length, 2, 'the details element holds the blocks up to its closing tag');
    });

    it('keeps everything else inert: other tags as text, handlers, styles and ids dropped, hostile links and sources unlinked', () => {
      const out = html([
        '<script>__pwned()</script>',
        '<img src=x onerror="__pwned()" style="position:fixed" id="sd-content">',
        '<a href="javascript&#58;__pwned()">entity</a> <a href=" JaVaScRiPt:__pwned()">spaced</a> <a href="https://ok.example/">ok</a>',
        '<img src="javascript:__pwned()"> <img src="data:text/html,x"> <img src="data:image/png;base64,iVBORw0KGgo=">',
        '<div align="center" onclick="__pwned()">c</div> <iframe src="https://x"></iframe> <svg onload="__pwned()"></svg>',
        '<td width="999999">w</td> <img width="50%" height="10px;x">',
      ].join('\n\n'));
      assert.doesNotMatch(out, /<script|<iframe|<svg|onerror=|onclick=|style=|id=|javascript|data:text/i);
      assert.match(out, /&lt;script&gt;__pwned\(\)&lt;\/script&gt;/, 'a tag not on the list shows as text');
      assert.match(out, /<a>entity<\/a> <a>spaced<\/a> <a href="https:\/\/ok\.example\/">ok<\/a>/);
      assert.match(out, /<img src="data:image\/png;base64,iVBORw0KGgo=">/);
      assert.match(out, /<div align="center">c<\/div>/);
      assert.match(out, /<img width="50%">/, 'a size that is not a size is dropped');
    });

    it('closes what raw HTML leaves open at the end of its block, and drops stray closing tags', () => {
      const doc = renderDocument('<details><summary>open</summary>\n\ntail\n\n</kbd></b>\n');
      const out = doc.blocks.map((b) => b.html).join('');
      assert.equal((out.match(/<details>/g) ?? []).length, (out.match(/<\/details>/g) ?? []).length);
      assert.doesNotMatch(out, /<\/kbd>|<\/b>/);
    });
  });

  it('turns Mermaid fences into placeholders keyed by a content hash of the source', () => {
    const doc = renderDocument(DOC);
    assert.equal(doc.diagrams.length, 1);
    assert.deepEqual({ line: doc.diagrams[0].line, source: doc.diagrams[0].source }, { line: 7, source: 'flowchart LR\n  a --> b\n' });
    assert.match(doc.blocks[2].html, new RegExp(`data-hash="${doc.diagrams[0].hash}"><pre class="sd-diagram-source">flowchart LR\\n  a --&gt; b\\n</pre>`));
    // Same source → same hash wherever it is; a changed source → a new hash.
    const moved = renderDocument(`\n\n${DOC}`);
    assert.equal(moved.diagrams[0].hash, doc.diagrams[0].hash);
    assert.notEqual(renderDocument(DOC.replace('a --> b', 'a --> c')).diagrams[0].hash, doc.diagrams[0].hash);
  });

  it('changes only the keys of blocks whose HTML changed', () => {
    const before = renderDocument(DOC).blocks.map((b) => b.key);
    const after = renderDocument(DOC.replace('- two', '- three')).blocks.map((b) => b.key);
    assert.deepEqual(after.slice(0, 3), before.slice(0, 3));
    assert.notEqual(after[3], before[3]);
  });

  it('drops or maps image sources through resolveImage', () => {
    const doc = renderDocument('![a](pic.png)\n\n![b](evil.png)', { resolveImage: (src) => (src === 'pic.png' ? 'https://cdn/pic.png' : undefined) });
    assert.match(doc.blocks[0].html, /<img src="https:\/\/cdn\/pic.png" alt="a">/);
    assert.match(doc.blocks[1].html, /<img alt="b">/);
  });

  it('never emits a javascript: link (markdown-it refuses it) and slugs headings as data attributes', () => {
    const doc = renderDocument('[x](javascript:alert(1))\n\n## Same\n\n## Same');
    assert.doesNotMatch(doc.blocks[0].html, /href=/);
    assert.match(doc.blocks[1].html, /data-slug="same"/);
    assert.match(doc.blocks[2].html, /data-slug="same-1"/);
    assert.ok(!doc.blocks.some((b) => / id=/.test(b.html)));
  });
});

describe('design overlays', () => {
  const text = [
    '# Cache service',
    '',
    '## Requirements',
    '',
    '- Users can read items',
    '',
    '## Estimation',
    '',
    '```estimate',
    'DAU = 1M users',
    'writes = 1M users * 10 / 86400 s ≈ 116 /s',
    '```',
    '',
  ].join('\n');

  it('badges each present phase heading, lists every phase in the bar, annotates estimate lines', () => {
    const analysis = analyze(text, { path: 'cache.design.md' });
    const doc = renderDocument(text, { analysis });
    const html = doc.blocks.map((b) => b.html).join('');
    const shown = analysis.phases.filter((p) => p.status !== 'missing');
    assert.ok(shown.length >= 2, 'requirements and estimation are found');
    assert.equal((html.match(/class="sd-badge /g) ?? []).length, shown.length);
    for (const phase of shown) assert.match(html, new RegExp(`<h2 data-line="${phase.line}"[^>]*>[^<]*<span class="sd-badge sd-badge-${phase.status}"`));
    assert.equal((doc.phaseBar.match(/<li>/g) ?? []).length, analysis.phases.length);
    assert.equal((doc.phaseBar.match(/sd-phase-missing/g) ?? []).length, analysis.phases.length - shown.length);
    for (const phase of shown) assert.match(doc.phaseBar, new RegExp(`data-jump="${phase.line}"`));
    // The bar counts as the status bar does: written phases of all, then what is left.
    const count = (status: string) => analysis.phases.filter((p) => p.status === status).length;
    assert.match(doc.phaseBar, new RegExp(`${count('present')}/${analysis.phases.length} written`));
    if (count('missing') > 0) assert.match(doc.phaseBar, new RegExp(`${count('missing')} missing`));
    assert.doesNotMatch(doc.phaseBar, /all phases present/);
    assert.ok(analysis.estimates.lines.length >= 2);
    for (const line of analysis.estimates.lines) {
      assert.match(html, new RegExp(`<span class="sd-estimate" data-line="${line.line}"`));
      assert.ok(html.includes(`= ${line.display.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`), `value shown for line ${line.line}`);
    }
    const claimLine = analysis.estimates.lines.find((l) => l.claims.length > 0);
    assert.ok(claimLine, 'the ≈ claim is checked');
    assert.match(html, new RegExp(`sd-verdict-${claimLine.claims[0].status}`));
  });

  it('keeps a list whose items carry estimate annotations, and a badged heading, as single blocks', () => {
    const prose = `${text}\n- Storage: 1M users × 1 KB ≈ 1 GB\n- Peak: 116 /s × 2 ≈ 232 /s\n`;
    const analysis = analyze(prose, { path: 'cache.design.md' });
    const doc = renderDocument(prose, { analysis });
    const list = doc.blocks.filter((b) => b.html.startsWith('<ul'));
    assert.equal(list.length, 2);
    const last = list[1].html;
    assert.equal((last.match(/<li/g) ?? []).length, 2);
    assert.match(last, /<\/ul>\n$/);
    assert.ok((last.match(/class="sd-estimate"/g) ?? []).length >= 1, 'estimates annotated inside the list');
    for (const block of doc.blocks.filter((b) => b.html.startsWith('<h2'))) assert.match(block.html, /<\/h2>\n$/);
  });

  it('renders without overlays when there is no analysis', () => {
    const doc = renderDocument(text);
    assert.equal(doc.phaseBar, '');
    assert.ok(!doc.blocks.some((b) => b.html.includes('sd-badge') || b.html.includes('sd-estimate"')));
  });
});

describe('validateWebviewMessage', () => {
  const ctx = { lineCount: 10 };
  const ok = (raw: unknown) => {
    const result = validateWebviewMessage(raw, ctx);
    assert.ok(result.ok, `rejected: ${JSON.stringify(raw)} (${result.ok ? '' : result.reason})`);
    return result.message;
  };
  const rejected = (raw: unknown) => assert.equal(validateWebviewMessage(raw, ctx).ok, false, `accepted: ${JSON.stringify(raw)}`);

  it('accepts the allowed messages and copies only known fields', () => {
    assert.deepEqual(ok({ type: 'reveal', line: 9, extra: 'x' }), { type: 'reveal', line: 9 });
    assert.deepEqual(ok({ type: 'scroll', line: 0 }), { type: 'scroll', line: 0 });
    assert.deepEqual(ok({ type: 'openLink', href: 'https://a.b' }), { type: 'openLink', href: 'https://a.b' });
    assert.deepEqual(ok({ type: 'saveDiagram', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' }).type, 'saveDiagram');
    assert.deepEqual(ok({ type: 'diagramErrors', version: 3, errors: [{ line: 4, diagramLine: 2, message: 'bad', x: 1 }] }), {
      type: 'diagramErrors', version: 3, errors: [{ line: 4, diagramLine: 2, message: 'bad' }], omitted: 0,
    });
    assert.equal(ok({ type: 'exportData', requestId: 1, theme: 'dark', diagrams: [{ hash: 'abc1', svg: '<svg></svg>' }] }).type, 'exportData');
  });

  it('rejects unknown types, wrong types, out-of-range lines and malformed payloads', () => {
    for (const raw of [
      null, 'ready', [], { type: 'eval' }, { type: 'reveal' }, { type: 'reveal', line: 10 }, { type: 'reveal', line: -1 },
      { type: 'reveal', line: 1.5 }, { type: 'reveal', line: '3' }, { type: 'scroll', line: Number.NaN },
      { type: 'openLink', href: '' }, { type: 'openLink', href: 'x'.repeat(3000) }, { type: 'openLink', href: 5 },
      { type: 'saveDiagram', format: 'gif', data: '<svg>' }, { type: 'saveDiagram', format: 'svg', data: '<script>' },
      { type: 'saveDiagram', format: 'png', data: 'data:text/html;base64,AAAA' },
      { type: 'diagramErrors', version: 1, errors: [{ line: 99, message: 'x' }] },
      { type: 'diagramErrors', version: 1, errors: [{ line: 1, message: 7 }] },
      { type: 'diagramErrors', version: -1, errors: [] },
      { type: 'exportData', requestId: 1, theme: 'neon', diagrams: [] },
      { type: 'exportData', requestId: 1, theme: 'light', diagrams: [{ hash: 'A B', svg: '<svg/>' }] },
      { type: 'exportData', requestId: 1, theme: 'light', diagrams: [{ hash: 'ab', svg: '<div>' }] },
      { type: 'rendered', version: 1, svgCount: -1, errorCount: 0, renders: 0 },
    ]) rejected(raw);
  });

  it('keeps the first entries of a list longer than a message carries, and counts the rest, instead of refusing it', () => {
    const errors = Array.from({ length: LIMITS.errors + 100 }, (_, i) => ({ line: i % 10, message: `e${i}` }));
    const kept = ok({ type: 'diagramErrors', version: 1, errors });
    assert.ok(kept.type === 'diagramErrors');
    assert.equal(kept.errors.length, LIMITS.errors);
    assert.equal(kept.omitted, 100);
    assert.equal(kept.errors[0].message, 'e0');
    // What the webview sends is already capped, and its own count of the rest is added to.
    const sent = cappedErrors(errors);
    assert.equal(sent.errors.length, LIMITS.errors);
    const again = ok({ type: 'diagramErrors', version: 1, ...sent });
    assert.ok(again.type === 'diagramErrors' && again.omitted === 100);
    // Entries past the cap are counted, not read: a malformed one there does not sink the message.
    assert.ok(validateWebviewMessage({ type: 'diagramErrors', version: 1, errors: [...errors.slice(0, LIMITS.errors), { line: 'x' }] }, ctx).ok);
    rejected({ type: 'diagramErrors', version: 1, errors: [], omitted: -1 });

    const diagrams = Array.from({ length: LIMITS.diagrams + 1 }, (_, i) => ({ hash: `h${i}`, svg: '<svg></svg>' }));
    const exported = ok({ type: 'exportData', requestId: 2, theme: 'light', diagrams });
    assert.ok(exported.type === 'exportData' && exported.diagrams.length === LIMITS.diagrams && exported.omitted === 1);
    // A byte budget for the whole export: eight SVGs of 10 MB do not all fit in 64 MB; six do.
    const svg = `<svg>${'x'.repeat(10 * 1024 * 1024 - 11)}</svg>`;
    const capped = cappedSvgs(Array.from({ length: 8 }, (_, i) => ({ hash: `b${i}`, svg })));
    assert.deepEqual([capped.diagrams.length, capped.omitted], [6, 2]);
  });

  it('maps a diagram error to the fence line plus Mermaid\'s line, clamped to the document', () => {
    assert.equal(diagramErrorLine({ line: 4, diagramLine: 3, message: '' }, 20), 7);
    assert.equal(diagramErrorLine({ line: 4, message: '' }, 20), 4);
    assert.equal(diagramErrorLine({ line: 4, diagramLine: 50, message: '' }, 20), 19);
  });
});

describe('readHostMessage (the webview side of the same contract)', () => {
  it('reads each host message by its definition and drops anything else', () => {
    const update = { type: 'update', version: 3, blocks: [{ key: 'k', html: '<p>x</p>', line: 0 }], phaseBar: 'bar', title: 'T', lineCount: 4, resource: 'file:///a.md' };
    assert.deepEqual(readHostMessage(update), update);
    assert.deepEqual(readHostMessage({ type: 'update', version: 1, blocks: [] }), { type: 'update', version: 1, blocks: [], phaseBar: '', title: '', lineCount: 0, resource: '' });
    assert.equal(readHostMessage({ type: 'update', version: 1, blocks: [{ key: 'k', html: 5, line: 0 }] }), undefined);
    assert.deepEqual(readHostMessage({ type: 'scrollTo', line: 2.5 }), { type: 'scrollTo', line: 2.5 });
    assert.equal(readHostMessage({ type: 'scrollTo', line: Infinity }), undefined);
    assert.deepEqual(readHostMessage({ type: 'collectExport', requestId: 7 }), { type: 'collectExport', requestId: 7 });
    for (const raw of [null, 'update', [], { type: 'eval', code: '1' }, { type: 'collectExport' }]) assert.equal(readHostMessage(raw), undefined);
  });
});

describe('classifyLink', () => {
  it('opens http(s) and mailto externally and relative paths in the workspace', () => {
    assert.deepEqual(classifyLink('https://example.com/a'), { kind: 'external', href: 'https://example.com/a' });
    assert.deepEqual(classifyLink('MAILTO:a@b.c'), { kind: 'external', href: 'MAILTO:a@b.c' });
    assert.deepEqual(classifyLink('./docs/x%20y.md#L3'), { kind: 'workspace', path: './docs/x y.md', fragment: 'L3' });
    assert.deepEqual(classifyLink('#high-level'), { kind: 'anchor', fragment: 'high-level' });
  });

  it('blocks every other scheme, however it is disguised', () => {
    for (const href of [
      'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:x', 'java\tscript:x', 'java\nscript:x', '\u0000javascript:x',
      'command:workbench.action.terminal.new', 'vscode:extension/x', 'vscode-webview://x', 'data:text/html,x', 'file:///etc/passwd',
      'vbscript:x', '//evil.example/x', '\\\\server\\share', '%6A%61%76%61script:alert(1)',
    ]) assert.equal(classifyLink(href).kind, 'blocked', href);
  });
});

describe('preview shell and export', () => {
  it('uses a nonce for scripts only and no unsafe-eval', () => {
    const csp = previewCsp('https://res.example', 'abc');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.match(csp, /style-src https:\/\/res\.example 'unsafe-inline'/);
    assert.match(csp, /img-src https:\/\/res\.example https: data:/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    // base-uri and form-action do not fall back to default-src: both surfaces lock them, from one list.
    for (const policy of [csp, exportCsp('n'), exportCsp()]) {
      assert.match(policy, /base-uri 'none'/);
      assert.match(policy, /form-action 'none'/);
    }
    const html = buildPreviewShell({ cspSource: 'https://res.example', nonce: 'abc', scriptUri: 'https://res.example/main.js', styleUri: 'https://res.example/p.css' });
    assert.equal((html.match(/<script /g) ?? []).length, 1);
    assert.match(html, /<script type="module" nonce="abc" src="https:\/\/res\.example\/main\.js">/);
  });

  it('fills diagram placeholders with their SVG and leaves unknown ones for the inline renderer', () => {
    const doc = renderDocument('```mermaid\nflowchart LR\n a-->b\n```\n\n```mermaid\nflowchart LR\n c-->d\n```\n');
    const [first, second] = doc.diagrams;
    const html = fillDiagrams(doc.blocks.map((b) => b.html).join(''), new Map([[first.hash, '<svg id="one"></svg>']]));
    assert.match(html, /<div class="sd-diagram-svg"><svg id="one"><\/svg><\/div>/);
    assert.match(html, new RegExp(`data-hash="${second.hash}"><pre class="sd-diagram-source">`));
  });

  it('builds one file whose CSP forbids scripts unless an inline renderer with its nonce is included', () => {
    const doc = renderDocument('# T\n\n</style><script>alert(1)</script>');
    const plain = buildExportHtml({ doc, css: 'body{}' });
    assert.match(plain, new RegExp(exportCsp().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '&#39;')));
    assert.match(exportCsp(), /script-src 'none'/);
    assert.doesNotMatch(plain, /<script/);
    const withScript = buildExportHtml({ doc, css: '', script: { code: 'var s = "</script>";', nonce: 'n1' } });
    assert.equal((withScript.match(/<script/g) ?? []).length, 1);
    assert.match(withScript, /<script nonce="n1">var s = "<\\\/script>";<\/script>/);
  });
});
