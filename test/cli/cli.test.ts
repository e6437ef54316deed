// Runs the built `sysdesign` CLI as a real process against the example documents.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { DIAGRAM_CASES } from '../fixtures/diagrams/cases';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLES = join(ROOT, 'examples');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = EXAMPLES, env: Record<string, string | undefined> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json<T = any>(r: Run): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

/** 1-based number of the first line of `file` containing `needle`. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(join(EXAMPLES, file), 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, `${needle} not in ${file}`);
  return index + 1;
}

let tmp: string;

describe('sysdesign CLI (built, as a process)', function () {
  this.timeout(120000);

  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
    tmp = mkdtempSync(join(tmpdir(), 'sysdesign-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('check: exit codes', () => {
    it('clean documents exit 0', () => {
      for (const file of ['chat-service.design.md', 'url-shortener.design.md']) {
        const r = run(['check', file]);
        assert.equal(r.code, 0, `${file}:\n${r.stdout}${r.stderr}`);
        assert.match(r.stdout, /✔ 1 file checked, no problems/);
      }
    });

    it('news-feed exits 1 and reports its planted findings', () => {
      const r = run(['check', 'news-feed.design.md']);
      assert.equal(r.code, 1);
      for (const code of ['SD001', 'SE002', 'SD006', 'SD007', 'SD008', 'SD010']) {
        assert.match(r.stdout, new RegExp(`\\b${code}\\b`), code);
      }
      assert.match(r.stdout, /✗ Trade-offs \(missing\)/);
      assert.match(r.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
    });

    it('a missing file exits 2 but the other files are still checked', () => {
      const r = run(['check', 'chat-service.design.md', 'missing.md', 'url-shortener.design.md']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /sysdesign: cannot read missing\.md: no such file/);
      assert.match(r.stdout, /^chat-service\.design\.md$/m);
      assert.match(r.stdout, /^url-shortener\.design\.md$/m);
    });

    it('I/O errors win over findings (exit 2 even with errors in the readable files)', () => {
      const r = run(['check', 'news-feed.design.md', 'missing.md', '--format', 'json']);
      assert.equal(r.code, 2);
      assert.equal(json(r).files.length, 1);
    });

    it('binary and invalid UTF-8 files are refused clearly, others still checked', () => {
      const dir = join(tmp, 'binary');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'nul.design.md'), Buffer.from('# Doc\u0000\n'));
      writeFileSync(join(dir, 'latin1.design.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
      cpSync(join(EXAMPLES, 'chat-service.design.md'), join(dir, 'chat.design.md'));
      const r = run(['check', '.', '--format', 'json'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read latin1\.design\.md: not valid UTF-8 text/);
      assert.match(r.stderr, /cannot read nul\.design\.md: binary file/);
      assert.deepEqual(
        json(r).files.map((f: { path: string }) => f.path),
        ['chat.design.md'],
      );
    });

    it('a directory without design documents exits 2', () => {
      const dir = join(tmp, 'nodocs');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'README.md'), '# Just a readme\n');
      const r = run(['check', '.'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no design documents found in \./);
    });

    it('a folder walk checks Markdown whose outline is a design document, never a README or changelog', () => {
      const dir = join(tmp, 'rfcs');
      mkdirSync(dir, { recursive: true });
      const proposal = ['# Faster builds', '', '## Motivation', '', 'Builds are slow.', '', '## Goals', '', '- Halve build time.', '', '## Proposal', '', 'Cache the compiler output.', '', '## Alternatives considered', '', 'A bigger machine costs more and does not scale.', '', '## Rollout', '', 'Behind a flag.', ''].join('\n');
      writeFileSync(join(dir, '0001-faster-builds.md'), proposal);
      // The same outline in a README is still not a design document; a changelog never is.
      writeFileSync(join(dir, 'README.md'), proposal);
      writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0\n\n- Added things.\n');
      writeFileSync(join(dir, 'notes.md'), '# Notes\n\nSome text.\n');
      const r = run(['check', '.', '--format', 'json'], dir);
      const files = json(r).files.map((f: { path: string }) => f.path);
      assert.deepEqual(files, ['0001-faster-builds.md']);
      assert.equal(json(r).files[0].framework.id, 'design-doc');
      assert.match(json(r).files[0].outline, /reads as an engineering proposal/);
      // Past the outline size limit an unmarked file is not read for its outline at all.
      writeFileSync(join(dir, '0002-huge.md'), `${proposal}\n${'Long notes about the build cache.\n'.repeat(20_000)}`);
      assert.deepEqual(json(run(['check', '.', '--format', 'json'], dir)).files.map((f: { path: string }) => f.path), ['0001-faster-builds.md']);
    });

    it('a file the walk took by its outline gets notes, not errors, until it is marked or named', () => {
      const dir = join(tmp, 'writeups');
      mkdirSync(dir, { recursive: true });
      const writeUp = ['# URL shortener', '', '## Requirements', '', '- Shorten a URL.', '', '## Capacity estimation', '', '- 10M links/day × 500 B = 50 GB/day', '', '## API design', '', '- POST /links', '', '## Data model', '', '- links(code PK, url)', '', '## High-level design', '', 'Clients call the API.', ''].join('\n');
      writeFileSync(join(dir, 'shortener.md'), writeUp);
      const walked = run(['check', '.', '--format', 'json'], dir);
      assert.equal(walked.code, 0, walked.stderr);
      const diagnostics = json(walked).files[0].diagnostics as Array<{ code: string; severity: string }>;
      assert.ok(diagnostics.some((d) => d.code === 'SE002'), 'the wrong estimate is still reported');
      assert.ok(diagnostics.every((d) => d.severity === 'hint'), JSON.stringify(diagnostics));
      assert.match(run(['check', '.'], dir).stdout, /notes until the file is marked/);

      const named = run(['check', 'shortener.md', '--format', 'json'], dir);
      assert.equal(named.code, 1);
      assert.equal(json(named).files[0].outline, undefined);
      assert.ok((json(named).files[0].diagnostics as Array<{ code: string; severity: string }>).some((d) => d.code === 'SE002' && d.severity === 'error'));
    });

    it('usage errors exit 2 with the usage line', () => {
      const unknownFlag = run(['check', '--bogus', 'chat-service.design.md']);
      assert.equal(unknownFlag.code, 2);
      assert.match(unknownFlag.stderr, /sysdesign: unknown option --bogus/);
      assert.match(unknownFlag.stderr, /Usage: sysdesign check /);
      assert.equal(unknownFlag.stdout, '');

      assert.equal(run(['check', '--format', 'xml', 'chat-service.design.md']).code, 2);
      assert.equal(run(['check', '--max-warnings', 'lots', 'chat-service.design.md']).code, 2);
      const unknownFramework = run(['check', '--framework', 'nope', 'chat-service.design.md']);
      assert.equal(unknownFramework.code, 2);
      assert.match(unknownFramework.stderr, /unknown framework "nope" \(known: default, .*team-lite/);
      const unknownCommand = run(['frobnicate']);
      assert.equal(unknownCommand.code, 2);
      assert.match(unknownCommand.stderr, /unknown command "frobnicate"/);
      assert.equal(run([]).code, 2);
    });

    it('--max-warnings turns warnings into a failure only beyond the limit', () => {
      // Chat service without its Requirements section: the missing phase is a warning, not an error.
      const text = readFileSync(join(EXAMPLES, 'chat-service.design.md'), 'utf8');
      const start = text.indexOf('## Requirements');
      const end = text.indexOf('## Capacity estimation');
      const dir = join(tmp, 'warnings');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'warn.design.md'), text.slice(0, start) + text.slice(end));

      const base = json(run(['check', 'warn.design.md', '--format', 'json'], dir));
      assert.equal(base.summary.errors, 0);
      const warnings: number = base.summary.warnings;
      assert.ok(warnings >= 1, 'the edited document should have at least one warning');

      assert.equal(run(['check', 'warn.design.md'], dir).code, 0);
      assert.equal(run(['check', 'warn.design.md', '--max-warnings', String(warnings)], dir).code, 0);
      const over = run(['check', 'warn.design.md', '--max-warnings', String(warnings - 1)], dir);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /--max-warnings allows/);
    });

    it('--framework overrides the front matter', () => {
      const r = json(run(['check', 'chat-service.design.md', '--framework', 'five-step', '--format', 'json']));
      assert.deepEqual([r.files[0].framework.id, r.files[0].framework.source], ['five-step', 'option']);
    });
  });

  describe('check: formats', () => {
    it('JSON output validates against schemas/check-result.schema.json, with 1-based positions', () => {
      const r = run(['check', '.', '--format', 'json']);
      assert.equal(r.code, 1);
      const result = json(r);
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/check-result.schema.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true }).compile(schema);
      // Validate a separate parse: ajv's type guard would narrow `result` to unknown.
      assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 2));

      assert.deepEqual(
        result.files.map((f: { path: string }) => f.path),
        ['chat-service.design.md', 'news-feed.design.md', 'url-shortener.design.md'],
      );
      assert.equal(result.summary.files, 3);
      const news = result.files[1];
      const claim = news.diagnostics.find((d: { code: string }) => d.code === 'SE002');
      const line = lineOf('news-feed.design.md', 'Yearly post storage');
      assert.equal(claim.line, line);
      const source = readFileSync(join(EXAMPLES, 'news-feed.design.md'), 'utf8').split('\n')[line - 1];
      assert.equal(source.slice(claim.column - 1, claim.endColumn - 1), '2 TB');
      // Each planted problem is reported on its own (1-based) line.
      const at = (code: string) => news.diagnostics.find((d: { code: string }) => d.code === code)?.line;
      assert.equal(at('SD006'), lineOf('news-feed.design.md', 'CREATE TABLE follows'));
      assert.equal(at('SD008'), lineOf('news-feed.design.md', '/v1/users/{id}/followers'));
      assert.equal(at('SD007'), lineOf('news-feed.design.md', 'author_id   BIGINT'));
      assert.equal(at('SD010'), lineOf('news-feed.design.md', '## Monitoring'));
      // The clean examples have nothing to report, not even hints.
      assert.deepEqual(result.files[0].diagnostics, []);
      assert.deepEqual(result.files[2].diagnostics, []);
      const tradeOffs = news.phases.find((p: { kind: string }) => p.kind === 'trade-offs');
      assert.deepEqual([tradeOffs.status, tradeOffs.line], ['missing', null]);
      const chat = result.files[0];
      assert.ok(chat.phases.every((p: { status: string }) => p.status === 'present'));
      assert.equal(chat.phases[0].line, lineOf('chat-service.design.md', '## Requirements'));
      const errors = result.files.flatMap((f: { diagnostics: Array<{ severity: string }> }) => f.diagnostics).filter((d: { severity: string }) => d.severity === 'error');
      assert.equal(result.summary.errors, errors.length);
    });

    it('SARIF output has the 2.1.0 shape with resolvable rules and relative URIs', () => {
      const r = run(['check', '.', '--format', 'sarif']);
      assert.equal(r.code, 1);
      const sarif = json(r);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif/);
      assert.equal(sarif.runs.length, 1);
      const { driver } = sarif.runs[0].tool;
      assert.equal(driver.name, 'sysdesign');
      const ids: string[] = driver.rules.map((rule: { id: string }) => rule.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const rule of driver.rules) {
        assert.equal(typeof rule.name, 'string');
        assert.ok(rule.shortDescription.text.length > 0);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
        // Each rule links to its page in the installed package, and the page is there.
        assert.match(rule.helpUri, new RegExp(`^file:.*/docs/rules/${rule.id}\\.md$`));
        assert.ok(existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
      }
      const results = sarif.runs[0].results;
      assert.ok(results.length >= 4);
      for (const result of results) {
        assert.ok(ids.includes(result.ruleId));
        assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level));
        assert.ok(result.message.text.length > 0);
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uri, 'news-feed.design.md');
        assert.ok(region.startLine >= 1 && region.startColumn >= 1);
        assert.ok(region.endLine >= region.startLine);
      }
      const claim = results.find((x: { ruleId: string }) => x.ruleId === 'SE002');
      assert.equal(claim.level, 'error');
      assert.equal(claim.locations[0].physicalLocation.region.startLine, lineOf('news-feed.design.md', 'Yearly post storage'));
    });

    it('colors only when forced or on a terminal, never with --no-color or NO_COLOR', () => {
      const ansi = /\u001b\[/;
      assert.ok(!ansi.test(run(['check', 'news-feed.design.md']).stdout));
      assert.ok(ansi.test(run(['check', 'news-feed.design.md'], EXAMPLES, { FORCE_COLOR: '1' }).stdout));
      assert.ok(!ansi.test(run(['check', 'news-feed.design.md', '--no-color'], EXAMPLES, { FORCE_COLOR: '1' }).stdout));
      assert.ok(!ansi.test(run(['check', 'news-feed.design.md'], EXAMPLES, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout));
    });
  });

  describe('check: diagrams, parsed by Mermaid without a preview', () => {
    /** A design document with one diagram per case, each under its own heading; returns the text and each fence's 1-based line. */
    function diagramsDoc(pick: (c: (typeof DIAGRAM_CASES)[number]) => string): { text: string; fences: number[] } {
      const lines = ['---', 'type: system-design', '---', '# Diagrams', ''];
      const fences: number[] = [];
      for (const c of DIAGRAM_CASES) {
        lines.push(`## ${c.type}`, '');
        fences.push(lines.length + 1);
        lines.push('```mermaid', ...pick(c).split('\n'), '```', '');
      }
      return { text: lines.join('\n'), fences };
    }

    it('reports each broken diagram of every type at its line (text, JSON and SARIF) and fails the check', () => {
      const { text, fences } = diagramsDoc((c) => c.broken);
      writeFileSync(join(tmp, 'broken-diagrams.md'), text);
      const r = run(['check', 'broken-diagrams.md', '--format', 'json'], tmp);
      assert.equal(r.code, 1, r.stderr);
      const sd150 = json(r).files[0].diagnostics.filter((d: { code: string }) => d.code === 'SD150');
      const expected = DIAGRAM_CASES.map((c, i) => fences[i] + c.brokenLine);
      assert.deepEqual(sd150.map((d: { line: number }) => d.line), expected);
      for (const d of sd150) assert.equal(d.severity, 'error');

      const sarif = json(run(['check', 'broken-diagrams.md', '--format', 'sarif'], tmp));
      const lines = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'SD150').map((x: any) => x.locations[0].physicalLocation.region.startLine);
      assert.deepEqual(lines, expected);

      const plain = run(['check', 'broken-diagrams.md', '--no-color'], tmp);
      assert.match(plain.stdout, new RegExp(`\\b${expected[0]}:1\\s+error\\s+Mermaid cannot parse this diagram: Expecting `));
    });

    it('gives no finding for valid diagrams of every type', () => {
      writeFileSync(join(tmp, 'valid-diagrams.md'), diagramsDoc((c) => c.valid).text);
      const r = run(['check', 'valid-diagrams.md', '--format', 'json'], tmp);
      assert.deepEqual(json(r).files[0].diagnostics.filter((d: { code: string }) => d.code === 'SD150'), []);
    });
  });

  describe('estimate', () => {
    it('chat-service has no wrong claims (exit 0)', () => {
      const r = run(['estimate', 'chat-service.design.md', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const lines = json<Array<{ line: number; source: string; claims: Array<{ status: string }> }>>(r);
      const claims = lines.flatMap((l) => l.claims);
      assert.ok(claims.length >= 10, `expected many checked claims, got ${claims.length}`);
      assert.deepEqual(
        claims.filter((c) => c.status === 'warning' || c.status === 'error'),
        [],
      );
      const first = lines.find((l) => l.source.startsWith('DAU = 50M'));
      assert.equal(first?.line, lineOf('chat-service.design.md', 'DAU = 50M users'));
    });

    it('news-feed has exactly the planted wrong claim (exit 1)', () => {
      const r = run(['estimate', 'news-feed.design.md', '--format', 'json']);
      assert.equal(r.code, 1);
      const lines = json<Array<{ line: number; value: number; unit: string; claims: Array<{ text: string; status: string; ratio: number }> }>>(r);
      const wrong = lines.flatMap((l) => l.claims.map((c) => ({ ...c, line: l.line, value: l.value, unit: l.unit })))
        .filter((c) => c.status === 'warning' || c.status === 'error');
      assert.equal(wrong.length, 1);
      assert.equal(wrong[0].text, '2 TB');
      assert.equal(wrong[0].status, 'error');
      assert.equal(wrong[0].line, lineOf('news-feed.design.md', 'Yearly post storage'));
      // 10M posts/day × 5 KB × 365 days = 18.25 TB.
      assert.equal(wrong[0].unit, 'B');
      assert.ok(Math.abs(wrong[0].value - 18.25e12) / 18.25e12 < 0.001, String(wrong[0].value));
      assert.ok(wrong[0].ratio < 0.2);
    });

    it('text output lists line, value and marks', () => {
      const r = run(['estimate', 'news-feed.design.md']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, new RegExp(`^\\s+${lineOf('news-feed.design.md', 'Yearly post storage')}\\s+18\\.3 TB\\s+✗ 2 TB`, 'm'));
      assert.match(r.stdout, /✓ 116 posts\/s/);
    });

    it('reports estimate lines that do not parse, in line order, and exits 1', () => {
      const dir = join(tmp, 'strict');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'sizing.md'),
        '# Sizing\n\n```estimate\nDAU = 10M users\nreads = DAU * * 3\nposts = DAU * 2 posts/day ≈ 20M posts/day\n```\n',
      );
      const text = run(['estimate', 'sizing.md'], dir);
      assert.equal(text.code, 1);
      const rows = text.stdout.split('\n').filter((l) => /^\s+\d+\s/.test(l));
      assert.deepEqual(rows.map((l) => Number(l.trim().split(/\s+/)[0])), [4, 5, 6]);
      assert.match(rows[1], /✗ \S/);
      assert.match(text.stdout, /1 not readable/);

      const asJson = run(['estimate', 'sizing.md', '--format', 'json'], dir);
      assert.equal(asJson.code, 1);
      assert.deepEqual(json<Array<{ line: number }>>(asJson).map((l) => l.line), [4, 6]);
      assert.match(asJson.stderr, /^sysdesign: sizing\.md:5:\d+: /m);
    });

    it('needs exactly one readable file', () => {
      assert.equal(run(['estimate']).code, 2);
      assert.equal(run(['estimate', 'a.md', 'b.md']).code, 2);
      const missing = run(['estimate', 'missing.md']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read missing\.md: no such file/);
    });
  });

  describe('frameworks', () => {
    it('lists built-ins and the example workspace framework', () => {
      const r = run(['frameworks', '--format', 'json']);
      assert.equal(r.code, 0);
      const { frameworks, errors } = json(r);
      assert.deepEqual(errors, []);
      const byId = new Map(frameworks.map((f: { id: string }) => [f.id, f]));
      assert.equal((byId.get('default') as { origin: string }).origin, 'built-in');
      assert.deepEqual(byId.get('team-lite'), {
        id: 'team-lite',
        title: 'Team lite review',
        phases: 5,
        origin: 'workspace',
        file: '.sysdesign/frameworks/team-lite.json',
        description: "Our team's short design review: five sections, enough for a feature-sized change.",
      });
      const text = run(['frameworks']).stdout;
      assert.match(text, /^team-lite\s+Team lite review\s+5\s+workspace\s+\.sysdesign\/frameworks\/team-lite\.json$/m);
    });

    it('reports broken workspace framework files (file and field) and keeps going', () => {
      const dir = join(tmp, 'broken-fw');
      mkdirSync(join(dir, '.sysdesign/frameworks'), { recursive: true });
      cpSync(join(EXAMPLES, '.sysdesign/frameworks/team-lite.json'), join(dir, '.sysdesign/frameworks/team-lite.json'));
      const bad = JSON.parse(readFileSync(join(EXAMPLES, '.sysdesign/frameworks/team-lite.json'), 'utf8'));
      bad.id = 'bad-kind';
      bad.phases[1].kind = 'vibes';
      writeFileSync(join(dir, '.sysdesign/frameworks/bad.json'), JSON.stringify(bad));
      writeFileSync(join(dir, '.sysdesign/frameworks/syntax.json'), '{ "id": ');
      cpSync(join(EXAMPLES, 'chat-service.design.md'), join(dir, 'chat.design.md'));
      // Run from a sub-directory: the nearest ancestor with .sysdesign is used.
      mkdirSync(join(dir, 'sub'), { recursive: true });

      const list = run(['frameworks', '--format', 'json'], join(dir, 'sub'));
      assert.equal(list.code, 1);
      const { frameworks, errors } = json(list);
      assert.ok(frameworks.some((f: { id: string }) => f.id === 'team-lite'));
      assert.ok(!frameworks.some((f: { id: string }) => f.id === 'bad-kind'));
      assert.ok(errors.some((e: { file: string; field: string }) => e.file === '../.sysdesign/frameworks/bad.json' && e.field === '/phases/1/kind'));
      assert.ok(errors.some((e: { file: string }) => e.file === '../.sysdesign/frameworks/syntax.json'));

      const check = run(['check', 'chat.design.md'], dir);
      assert.equal(check.code, 0, check.stdout + check.stderr);
      assert.match(check.stderr, /framework not loaded: \.sysdesign\/frameworks\/bad\.json: \/phases\/1\/kind: /);
    });
  });

  describe('new', () => {
    it('writes a document from a framework template and never overwrites', () => {
      const dir = join(tmp, 'new');
      mkdirSync(join(dir, '.sysdesign/frameworks'), { recursive: true });
      cpSync(join(EXAMPLES, '.sysdesign/frameworks/team-lite.json'), join(dir, '.sysdesign/frameworks/team-lite.json'));

      const created = run(['new', 'docs/payments.design.md', '--framework', 'team-lite', '--title', 'Payments: v2'], dir);
      assert.equal(created.code, 0, created.stderr);
      const file = join(dir, 'docs/payments.design.md');
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith('---\nsysdesign: team-lite\n---\n\n# Payments: v2\n'), text.slice(0, 80));
      for (const heading of ['# Payments: v2', '## Context and goals', '## Sizing', '## Design', '## Rollout and monitoring', '## Alternatives']) {
        assert.ok(text.includes(`\n${heading}\n`), heading);
      }

      // The new document is recognised and checked against the framework its front matter names.
      const check = json(run(['check', '.', '--format', 'json'], dir));
      assert.deepEqual(
        [check.files[0].path, check.files[0].framework.id, check.files[0].framework.source],
        ['docs/payments.design.md', 'team-lite', 'front-matter'],
      );

      writeFileSync(file, 'my own words\n');
      const again = run(['new', 'docs/payments.design.md'], dir);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /docs\/payments\.design\.md already exists; not overwriting/);
      assert.equal(readFileSync(file, 'utf8'), 'my own words\n');
    });

    it('uses the default framework and a title from the file name', () => {
      const dir = join(tmp, 'new-default');
      mkdirSync(dir, { recursive: true });
      const r = run(['new', 'order-history.md'], dir);
      assert.equal(r.code, 0, r.stderr);
      const text = readFileSync(join(dir, 'order-history.md'), 'utf8');
      assert.match(text, /^---\nsysdesign: default\n---\n\n# Order History\n/);
      assert.equal(run(['new', 'x.md', '--framework', 'nope'], dir).code, 2);
    });
  });

  describe('project config file', () => {
    let dir: string;
    const DOC = [
      '# Chat service', '', '## Requirements', '', '- Send and receive messages.', '',
      '## Capacity estimation', '', '- 10M users × 5 messages/day ≈ 70M messages/day', '',
      '## High-level design', '', 'Clients talk to a gateway, which writes to the message store.', '',
    ].join('\n');

    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'sdd-config-'));
      mkdirSync(join(dir, '.sysdesign'));
      mkdirSync(join(dir, 'team', 'drafts'), { recursive: true });
      writeFileSync(join(dir, 'team', 'chat.md'), DOC);
      writeFileSync(join(dir, 'team', 'drafts', 'wip.md'), `---\nsysdesign: default\n---\n${DOC}`);
      writeFileSync(join(dir, 'empty.jsonc'), '{}');
      writeFileSync(
        join(dir, '.sysdesign', 'config.jsonc'),
        '{\n  // what the team agreed\n  "rules": { "SD005": "error", "estimation-without-numbers": "off" },\n  "estimates": { "approxTolerance": 0.5 },\n  "files": ["team/**/*.md"],\n  "ignore": ["team/drafts/**"],\n}\n',
      );
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const findings = (r: Run, path: string) =>
      (json(r).files.find((f: { path: string }) => f.path === path)?.diagnostics ?? []).map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);

    it('applies the nearest config file: severities, estimate conventions, globs and ignores', () => {
      const r = run(['check', '--format', 'json'], join(dir, 'team'));
      assert.deepEqual(json(r).files.map((f: { path: string }) => f.path), ['chat.md'], 'the glob takes chat.md, the ignore drops the draft');
      const codes = findings(r, 'chat.md');
      assert.ok(codes.includes('SD005:error'), codes.join(' '));
      assert.ok(!codes.some((c: string) => c.startsWith('SE002')), 'a 40% miss is within the configured 50%');
      assert.equal(r.code, 1);
    });

    it('runs on defaults with another config file given by --config', () => {
      const r = run(['check', '.', '--format', 'json', '--config', 'empty.jsonc'], dir);
      assert.deepEqual(json(r).files.map((f: { path: string }) => f.path), ['team/drafts/wip.md'], 'no glob takes chat.md; front matter takes the draft');
      const codes = findings(r, 'team/drafts/wip.md');
      assert.ok(codes.includes('SD005:warning'), codes.join(' '));
      assert.ok(codes.includes('SE002:warning'), codes.join(' '));
    });

    it('estimate reads the same config file, found from the file it is given', () => {
      const statuses = (r: Run) => json<Array<{ claims: Array<{ status: string }> }>>(r).flatMap((l) => l.claims.map((c) => c.status));
      assert.deepEqual(statuses(run(['estimate', 'team/chat.md', '--format', 'json'], dir)), ['ok'], 'within the configured 50%');
      // The same text in a folder no config file covers: the default 15% tolerance.
      const elsewhere = mkdtempSync(join(tmpdir(), 'sdd-noconfig-'));
      try {
        writeFileSync(join(elsewhere, 'chat.md'), DOC);
        assert.deepEqual(statuses(run(['estimate', 'chat.md', '--format', 'json'], elsewhere)), ['warning']);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });

    it('config prints every setting with its source', () => {
      const r = run(['config', 'team/chat.md', '--format', 'json'], dir);
      assert.equal(r.code, 0, r.stderr);
      const out = json(r);
      assert.equal(out.configFile, '.sysdesign/config.jsonc');
      const row = (key: string) => out.settings.find((s: { key: string }) => s.key === key);
      assert.deepEqual(row('estimates.approxTolerance'), { key: 'estimates.approxTolerance', value: 0.5, source: '.sysdesign/config.jsonc' });
      assert.deepEqual(row('estimates.daysPerYear'), { key: 'estimates.daysPerYear', value: 365, source: 'default' });
      assert.match(run(['config'], dir).stdout, /^rules\s+\{"SD005":"error","estimation-without-numbers":"off"\}\s+\(\.sysdesign\/config\.jsonc\)$/m);
    });

    it('reports a broken config file with its path, line and field, checks with the rest, and fails the run', () => {
      const broken = join(dir, 'broken.jsonc');
      writeFileSync(broken, '{\n  "rules": { "SD005": "loud" },\n  "ignore": ["team/drafts/**"]\n}\n');
      const r = run(['check', '.', '--format', 'json', '--config', 'broken.jsonc'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^sysdesign: broken\.jsonc:2:3: "rules" has "SD005": "loud"; use one of error, warning, info, hint, off, or an object with "severity" and the rule's options\. That entry is ignored\. \[SD103\]$/m);
      assert.deepEqual(json(r).files, [], 'the ignore still applies; nothing else is taken');
      writeFileSync(broken, '{ "rules": ');
      const syntax = run(['config', '--config', 'broken.jsonc'], dir);
      assert.equal(syntax.code, 2);
      assert.match(syntax.stdout, /broken\.jsonc:1:12: is not valid JSON with comments \(a value is expected\)/);
    });
  });

  describe('rules, help and version', () => {
    it('rules lists codes, slugs, severities and descriptions', () => {
      const rules = json<Array<{ code: string; slug: string; severity: string; description: string }>>(run(['rules', '--format', 'json']));
      assert.ok(rules.some((r) => r.code === 'SD001' && r.slug === 'missing-phase'));
      assert.ok(rules.some((r) => r.code === 'SE002' && r.slug === 'estimate-wrong-claim'));
      assert.equal(new Set(rules.map((r) => r.code)).size, rules.length);
      for (const rule of rules) {
        assert.match(rule.code, /^S[DE]\d{3}$/);
        assert.match(rule.slug, /^[a-z0-9-]+$/);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.severity));
        assert.ok(rule.description.length > 10);
      }
      assert.match(run(['rules']).stdout, /^SD001\s+missing-phase\s+(error|warning|info|hint)\s+\S/m);
    });

    it('rules <code> prints the code\'s page, by code or by name, and refuses an unknown code', () => {
      const page = run(['rules', 'SD005']);
      assert.equal(page.code, 0);
      assert.equal(page.stdout, readFileSync(join(ROOT, 'docs/rules/SD005.md'), 'utf8'));
      assert.equal(run(['rules', 'architecture-without-diagram']).stdout, page.stdout);
      assert.equal(run(['rules', 'se002']).stdout, readFileSync(join(ROOT, 'docs/rules/SE002.md'), 'utf8'));
      const unknown = run(['rules', 'SD999']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown code "SD999"/);
    });

    it('--help, -h, per-command help and --version', () => {
      const help = run(['--help']);
      assert.equal(help.code, 0);
      for (const command of ['check', 'estimate', 'frameworks', 'lsp', 'new', 'rules', 'render']) assert.match(help.stdout, new RegExp(`^  ${command}\\s`, 'm'));
      assert.equal(run(['-h']).stdout, help.stdout);
      const checkHelp = run(['check', '--help']);
      assert.equal(checkHelp.code, 0);
      assert.match(checkHelp.stdout, /^Usage: sysdesign check/);
      assert.match(checkHelp.stdout, /Exit codes:[\s\S]*2 {2}usage error, some path could not be read/);
      assert.equal(run(['help', 'new']).stdout, run(['new', '-h']).stdout);
      // render is another module; the dispatcher only has to reach it.
      const renderHelp = run(['render', '--help']);
      assert.equal(renderHelp.code, 0);
      assert.match(renderHelp.stdout, /^Usage: sysdesign render /);
      const lsp = run(['lsp']);
      assert.equal(lsp.code, 2, 'the server needs its transport named');
      assert.match(lsp.stderr, /--stdio is required/);
      const version = run(['--version']);
      assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    });
  });
});
