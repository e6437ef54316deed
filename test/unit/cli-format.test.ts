import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parseDocument } from '../../src/core/parse';
import type { Analysis, EstimateLine, Finding, LoadedFramework, PhaseDef } from '../../src/core/types';
import { checkExitCode as exitCode } from '../../src/cli/exit';
import { buildCheckResult, toFileResult } from '../../src/cli/format/checkResult';
import { formatCheckSarif, relativeUri } from '../../src/cli/format/checkSarif';
import { formatCheckText } from '../../src/cli/format/checkText';
import { formatEstimateText, toEstimateJson } from '../../src/cli/format/estimate';
import { newDocument, titleFromFileName } from '../../src/cli/newDocument';

const phase = (id: string, kind: PhaseDef['kind'], title: string, required = true): PhaseDef => ({
  id,
  kind,
  title,
  headings: [title.toLowerCase()],
  required,
  needs: [],
  template: `Write about ${title.toLowerCase()} here.`,
  description: `Guidance for ${title}`,
});

const framework: LoadedFramework = {
  id: 'tiny',
  title: 'Tiny',
  description: 'test framework',
  origin: 'built-in',
  phases: [
    phase('requirements', 'requirements', 'Requirements'),
    phase('api', 'api', 'API'),
    phase('trade-offs', 'trade-offs', 'Trade-offs'),
    phase('security', 'security', 'Security', false),
  ],
};

const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

const findings: Finding[] = [
  { code: 'SD001', rule: 'missing-phase', severity: 'error', message: 'Trade-offs is missing', range: range(0, 0, 0, 0) },
  { code: 'SD020', rule: 'unpaginated-endpoint', severity: 'warning', message: 'GET /items returns\na list without pagination', range: range(4, 2, 4, 12) },
  { code: 'SE001', rule: 'estimate-claim', severity: 'info', message: 'check this', range: range(5, 0, 5, 3) },
];

function fakeAnalysis(list: Finding[] = findings): Analysis {
  const document = parseDocument('# Doc\n## Requirements\nUsers post.\n## API\n  GET /items\nx = 1\n');
  return {
    document,
    choice: { framework, source: 'detected', reason: 'detected: headings match Tiny' },
    phases: [
      { phase: framework.phases[0], status: 'present', line: 1, duplicates: [], checks: [] },
      { phase: framework.phases[1], status: 'empty', line: 3, duplicates: [], checks: [] },
      { phase: framework.phases[2], status: 'missing', duplicates: [], checks: [] },
      { phase: framework.phases[3], status: 'missing', duplicates: [], checks: [] },
    ],
    findings: list,
    estimates: { lines: [], findings: [], names: {}, capacity: [] },
  };
}

const schema = JSON.parse(readFileSync('schemas/check-result.schema.json', 'utf8'));

describe('cli check result model', () => {
  it('converts 0-based core positions to 1-based lines and columns', () => {
    const file = toFileResult('docs/a.md', fakeAnalysis());
    assert.deepEqual(file.diagnostics[1], {
      code: 'SD020',
      rule: 'unpaginated-endpoint',
      severity: 'warning',
      message: 'GET /items returns\na list without pagination',
      line: 5,
      column: 3,
      endLine: 5,
      endColumn: 13,
    });
    assert.deepEqual(
      file.phases.map((p) => [p.id, p.status, p.line, p.required]),
      [
        ['requirements', 'present', 2, true],
        ['api', 'empty', 4, true],
        ['trade-offs', 'missing', null, true],
        ['security', 'missing', null, false],
      ],
    );
    assert.deepEqual(file.framework, { id: 'tiny', title: 'Tiny', source: 'detected', reason: 'detected: headings match Tiny', origin: 'built-in' });
  });

  it('counts errors and warnings (not infos) across files and validates against the schema', () => {
    const result = buildCheckResult('0.1.0', [toFileResult('a.md', fakeAnalysis()), toFileResult('b.md', fakeAnalysis())]);
    assert.deepEqual(result.summary, { files: 2, errors: 2, warnings: 2 });
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(result), JSON.stringify(validate.errors));
  });

  it('the schema rejects 0-based lines and unknown severities', () => {
    const validate = new Ajv().compile(schema);
    const result = buildCheckResult('0.1.0', [toFileResult('a.md', fakeAnalysis())]);
    const zeroLine = structuredClone(result);
    zeroLine.files[0].diagnostics[0].line = 0;
    assert.equal(validate(zeroLine), false);
    const badSeverity = structuredClone(result) as unknown as { files: Array<{ diagnostics: Array<{ severity: string }> }> };
    badSeverity.files[0].diagnostics[0].severity = 'fatal';
    assert.equal(validate(badSeverity), false);
  });
});

describe('cli text formatter', () => {
  it('prints stylish rows, the framework line, the checklist and the total, without color codes', () => {
    const text = formatCheckText(buildCheckResult('0.1.0', [toFileResult('docs/a.md', fakeAnalysis())]), false);
    const lines = text.split('\n');
    assert.equal(lines[0], 'docs/a.md');
    assert.equal(lines[1], '  1:1  error    Trade-offs is missing                         SD001');
    assert.equal(lines[2], '  5:3  warning  GET /items returns a list without pagination  SD020');
    assert.equal(lines[3], '  6:1  info     check this                                    SE001');
    assert.equal(lines[4], '  Framework: Tiny (detected: headings match Tiny)');
    assert.equal(
      lines[5],
      '  Phases 1/4 present: ✓ Requirements  ○ API (empty)  ✗ Trade-offs (missing)  ✗ Security (missing, optional)',
    );
    assert.equal(lines[7], '✖ 2 problems (1 error, 1 warning), 1 note');
    assert.ok(!text.includes('\u001b['));
  });

  it('uses ANSI colors only when asked, and reports a clean run', () => {
    const clean = buildCheckResult('0.1.0', [toFileResult('a.md', fakeAnalysis([]))]);
    assert.match(formatCheckText(clean, false), /✔ 1 file checked, no problems\n$/);
    assert.match(formatCheckText(clean, true), /\u001b\[32m/);
  });
});

describe('cli SARIF formatter', () => {
  it('produces SARIF 2.1.0 with rules, levels and 1-based regions', () => {
    const result = buildCheckResult('0.1.0', [toFileResult('docs/my doc.md', fakeAnalysis())]);
    const sarif = JSON.parse(
      formatCheckSarif(
        result,
        [{ code: 'SD001', slug: 'missing-phase', description: 'A required phase is missing', defaultSeverity: 'warning' }],
        'file:///repo/',
      ),
    );
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'sysdesign');
    // Codes outside the rule table still get a rule entry so every ruleId resolves.
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string }) => r.id),
      ['SD001', 'SD020', 'SE001'],
    );
    assert.deepEqual(run.tool.driver.rules[0].defaultConfiguration, { level: 'warning' });
    assert.deepEqual(
      run.results.map((r: { ruleId: string; level: string; ruleIndex: number }) => [r.ruleId, r.level, r.ruleIndex]),
      [
        ['SD001', 'error', 0],
        ['SD020', 'warning', 1],
        ['SE001', 'note', 2],
      ],
    );
    const location = run.results[1].locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'docs/my%20doc.md', uriBaseId: 'SRCROOT' });
    assert.deepEqual(location.region, { startLine: 5, startColumn: 3, endLine: 5, endColumn: 13 });
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, 'file:///repo/');
  });

  it('percent-encodes path segments but keeps slashes', () => {
    assert.equal(relativeUri('a b/c#d.md'), 'a%20b/c%23d.md');
  });
});

describe('cli exit codes', () => {
  it('I/O errors win, then errors or too many warnings, else 0', () => {
    assert.equal(exitCode(1, 5, true), 2);
    assert.equal(exitCode(0, 1, false), 1);
    assert.equal(exitCode(0, 0, true), 1);
    assert.equal(exitCode(0, 0, false), 0);
  });
});

describe('cli estimate formatter', () => {
  const line: EstimateLine = {
    line: 9,
    source: 'Storage: 50M × 1 KB × 365 ≈ 2 TB',
    strict: false,
    value: 18.25e12,
    unit: 'B',
    display: '18.3 TB',
    claims: [
      {
        text: '2 TB',
        relation: '≈',
        value: 2e12,
        status: 'error',
        ratio: 2e12 / 18.25e12,
        message: 'claimed 2 TB, computed 18.3 TB',
        range: range(9, 30, 9, 34),
      },
    ],
    steps: [],
    conventions: [],
  };

  it('JSON uses 1-based lines and keeps claim status and ratio', () => {
    const [json] = toEstimateJson([line]);
    assert.equal(json.line, 10);
    assert.equal(json.value, 18.25e12);
    assert.deepEqual(json.claims[0], {
      text: '2 TB',
      value: 2e12,
      status: 'error',
      ratio: 2e12 / 18.25e12,
      message: 'claimed 2 TB, computed 18.3 TB',
    });
  });

  it('text marks wrong claims and counts them', () => {
    const text = formatEstimateText('a.md', [line], [], false);
    assert.match(text, /^ {4}10 {2}18\.3 TB {2}✗ 2 TB — claimed 2 TB, computed 18\.3 TB$/m);
    assert.match(text, /✖ 1 lines evaluated, 1 claims, 1 wrong/);
  });
});

describe('cli new document', () => {
  it('writes front matter, title and every phase heading with its template', () => {
    const text = newDocument(framework, 'Chat: v2');
    assert.ok(text.startsWith('---\nsysdesign: tiny\n---\n\n# Chat: v2\n'));
    const parsed = parseDocument(text);
    assert.equal(parsed.frontMatter.data.sysdesign, 'tiny');
    assert.deepEqual(
      parsed.sections.map((s) => s.title),
      ['Chat: v2', 'Requirements', 'API', 'Trade-offs', 'Security'],
    );
    assert.match(text, /## API\n\n<!-- Guidance for API -->\n\nWrite about api here\.\n/);
  });

  it('derives a title from the file name', () => {
    assert.equal(titleFromFileName('/x/chat-service.design.md'), 'Chat Service');
    assert.equal(titleFromFileName('url_shortener.md'), 'Url Shortener');
    assert.equal(titleFromFileName('v1.2-plan.md'), 'V1 2 Plan');
  });
});
