// One catalog of codes, one page per code: a code without a page, or a page without a code, fails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { CODE_CATALOG, codeInfo } from '../../src/core/codes';
import { CODE_DOCS_FOLDER, codeDocsPath } from '../../src/core/codeDocs';
import { ALL_RULES } from '../../src/core/rules';

const ROOT = resolve(__dirname, '../..');
const PAGES = join(ROOT, CODE_DOCS_FOLDER);

describe('code catalog and documentation pages', () => {
  it('lists each code once, every lint rule among them', () => {
    const codes = CODE_CATALOG.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(CODE_CATALOG.map((c) => c.slug)).size, codes.length, 'slugs are unique too');
    for (const rule of ALL_RULES) assert.equal(codeInfo(rule.code)?.slug, rule.slug);
  });

  it('has a page for every code and a code for every page', () => {
    const pages = readdirSync(PAGES).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    const codes = CODE_CATALOG.map((c) => c.code);
    assert.deepEqual(codes.filter((c) => !pages.includes(c)), [], 'codes without a page');
    assert.deepEqual(pages.filter((p) => !codes.includes(p)), [], 'pages without a code');
  });

  it('titles each page with its code and name, and says what it checks, how to fix and how to configure', () => {
    for (const c of CODE_CATALOG) {
      const page = readFileSync(join(ROOT, codeDocsPath(c.code)), 'utf8');
      assert.equal(page.split('\n')[0], `# ${c.code} · ${c.slug}`, c.code);
      assert.match(page, new RegExp(`\\| Default severity \\| ${c.defaultSeverity}\\b`), `${c.code}: default severity`);
      for (const heading of ['## What it checks', '## Why it matters', '## How to fix', '## Configure']) assert.ok(page.includes(`\n${heading}\n`), `${c.code}: ${heading}`);
    }
  });

  it('knows every code an analysis reports', () => {
    const text = [
      '---', 'sysdesign: [broken', '---', '# Design', '', '## Estimation', '', '```estimate', 'users = 10M', 'x = users * 2 = 999', 'y = nothing * 3', '```', '',
    ].join('\n');
    const codes = new Set(analyze(text).findings.map((f) => f.code));
    assert.ok(codes.size >= 3, [...codes].join(' '));
    for (const code of codes) assert.ok(codeInfo(code), `${code} is in the catalog`);
  });
});
