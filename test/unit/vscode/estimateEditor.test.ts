// Lens titles, hover Markdown, the capacity node and the estimate settings reader, from real analyses.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateLine } from '../../../src/core/types';
import { capacityEntries } from '../../../src/vscode/estimates/capacityEntries';
import { readEstimateSettings } from '../../../src/core/config/estimateValues';
import { hoverMarkdown, lensTitle, percentOff, plainClaim } from '../../../src/core/estimate/lensText';
import { escapeMarkdown, yamlScalar } from '../../../src/core/textEscapes';
import { checklistEntries } from '../../../src/vscode/checklistModel';

const DOC = [
  '# Chat',
  '',
  '## Estimation',
  '',
  '```estimate',
  'DAU = 10M users',
  'Writes per day = DAU × 5',
  'Average write rate = Writes per day / 86400 ≈ 600 writes/s',
  'Peak write rate = Average write rate × 2 = ?',
  'Storage per day = Writes per day × 1 KB',
  'Storage per year = Storage per day × 365 = 2 TB',
  '```',
  '',
  'Messages: 1B messages / 86400 = 12K messages/s',
  '',
].join('\n');

function lineOf(text: string, startsWith: string, options = {}): EstimateLine {
  const analysis = analyze(text, { path: 'chat.design.md', ...options });
  const line = analysis.estimates.lines.find((l) => analysis.document.lines[l.line].startsWith(startsWith));
  assert.ok(line, `no evaluated line starting with ${startsWith}`);
  return line;
}

describe('estimate lens text', () => {
  it('a correct approximate claim: computed value, tick, claim without the shared unit, percent off', () => {
    assert.equal(lensTitle(lineOf(DOC, 'Average write rate')), '= 579 writes/s ✓ 600 (+3.7%)');
  });

  it('a wrong claim shows a cross and the claim as written', () => {
    assert.equal(lensTitle(lineOf(DOC, 'Storage per year')), '= 18.3 TB ✗ claimed 2 TB');
  });

  it('a query line offers to fill in the ?', () => {
    assert.equal(lensTitle(lineOf(DOC, 'Peak write rate')), '= 1.16K users/s  fill in ?');
  });

  it('a plain definition is just its value', () => {
    assert.equal(lensTitle(lineOf(DOC, 'DAU')), '= 10M users');
  });

  it('rpsPerServer changes a server count; peakFactor only names the convention it matches', () => {
    const doc = '# D\n\n## Estimation\n\n```estimate\nPeak QPS = 12K requests/s\nServers = Peak QPS = ? servers\nPeak = 6K requests/s × 2 ≈ 12K requests/s\n```\n';
    assert.equal(lensTitle(lineOf(doc, 'Servers')), '= 12 servers  fill in ?');
    assert.equal(lensTitle(lineOf(doc, 'Servers', { estimate: { rpsPerServer: 500 } })), '= 24 servers  fill in ?');
    assert.match(hoverMarkdown(lineOf(doc, 'Peak =')), /peak factor 2/);
    assert.doesNotMatch(hoverMarkdown(lineOf(doc, 'Peak =', { estimate: { peakFactor: 3 } })), /peak factor/);
  });

  it('percentOff rounds like the engine messages', () => {
    assert.equal(percentOff(1.0368), '+3.7%');
    assert.equal(percentOff(0.1096), '-89%');
    assert.equal(percentOff(1), undefined);
    assert.equal(percentOff(1.0004), undefined);
    assert.equal(percentOff(null), undefined);
  });
});

describe('estimate lens text for claims written in LaTeX', () => {
  it('shows the claim as the words it says, without the markup', () => {
    const text = '$$\n\\frac{100 \\space million \\times 10 \\space messages \\space per \\space day}{(24 \\space hrs \\times 3600 \\space seconds)} =\n\\sim 11574 \\space requests/second\n$$\n';
    const [line] = analyze(text).estimates.lines;
    assert.equal(lensTitle(line), '= 11.6K requests/s ✓ 11574 requests/second');
    assert.equal(plainClaim('\\approx 2.3K \\text{ views/s}'), '~ 2.3K views/s');
    assert.equal(plainClaim('600 writes/s'), '600 writes/s');
  });
});

describe('estimate hover markdown', () => {
  it('shows the source, steps, conventions and the verdict without repeating the claim step', () => {
    const md = hoverMarkdown(lineOf(DOC, 'Average write rate'));
    assert.match(md, /Average write rate = Writes per day \/ 86400 ≈ 600 writes\/s/);
    assert.match(md, /\*\*Steps\*\*\n\n1\. 50M users ÷ 86\\\.4K = 579 users\/s$/m);
    assert.match(md, /\*\*Conventions\*\*\n\n- 86,400 = seconds per day/);
    assert.match(md, /✓ correct — claimed 600 writes\/s, computed 579 writes\/s \\\(\\\+3\\\.7%\\\)/);
    assert.equal(md.match(/claimed 600/g)?.length, 1);
  });

  it('a wrong claim names the quick fix', () => {
    const md = hoverMarkdown(lineOf(DOC, 'Storage per year'));
    assert.match(md, /✗ wrong — claimed 2 TB, computed 18\\\.3 TB/);
    assert.match(md, /Quick fix: replace with ≈ 18 TB/);
  });

  it('writes YAML scalars that read back as the same string', () => {
    assert.equal(yamlScalar('default'), 'default');
    assert.equal(yamlScalar('Chat service (v2)'), 'Chat service (v2)');
    for (const risky of ['no', 'On', 'null', '12', '1e3', 'a: b', 'x #y', ' lead', 'trail ', "it's: x", '']) {
      assert.equal(yamlScalar(risky), JSON.stringify(risky), risky);
    }
  });

  it('document text cannot inject links or HTML', () => {
    assert.equal(escapeMarkdown('[x](command:evil) <b>'), '\\[x\\]\\(command:evil\\) \\<b\\>');
    const md = hoverMarkdown(lineOf('# D\n\n## Estimation\n\n```estimate\nCost (x) = 3 × 4 = ?\n```\n\n[x](command:foo): 3 × 4 = ?\n', '[x]'));
    // The source sits in a fence; nothing outside it may form a link.
    assert.match(md, /```text\n.*command:foo.*\n```/);
    assert.doesNotMatch(md.replace(/```+text\n[\s\S]*?\n```+/, ''), /\]\(command/);
  });
});

describe('capacity node', () => {
  it('follows the phases with DAU, rates and yearly storage, each revealing its line', () => {
    const analysis = analyze(DOC, { path: 'chat.design.md' });
    const entries = checklistEntries(analysis);
    const capacity = entries.at(-1)!;
    assert.equal(capacity.label, 'Capacity');
    assert.equal(entries.length, 2 + analysis.phases.length);
    const rows = capacity.children.map((c) => [c.label, c.description, c.line]);
    assert.deepEqual(rows, [
      ['DAU', '10M users', 5],
      ['Average RPS', '579 writes/s', 7],
      ['Peak RPS', '1.16K users/s', 8],
      ['Storage per year', '18.3 TB', 10],
    ]);
  });

  it('yearly storage from a growth rate follows the days-per-year setting', () => {
    const text = '# D\n\n## Estimation\n\n```estimate\nstorage growth = 100 GB / day\n```\n';
    // The core works the summary out with the run's settings; the tree only shows it.
    const storage = (days?: number) =>
      checklistEntries(analyze(text, { path: 'x.design.md', ...(days ? { estimate: { daysPerYear: days } } : {}) })).at(-1)!.children.find((c) => c.label === 'Storage per year')?.description;
    assert.equal(storage(), '36.5 TB/year');
    assert.equal(storage(360), '36 TB/year');
  });

  it('absent when nothing is named', () => {
    assert.deepEqual(capacityEntries(analyze('# D\n\n## Estimation\n\n3 × 4 = 12\n', { path: 'd.design.md' })), []);
  });
});

describe('estimate settings reader', () => {
  const read = (values: Record<string, unknown>) => {
    const problems: string[] = [];
    const result = readEstimateSettings((key) => values[key], (key, problem) => problems.push(`${key}: ${problem}`));
    return { result, problems };
  };

  it('defaults when unset', () => {
    const { result, problems } = read({});
    assert.deepEqual(result, { enabled: true, codeLens: true, settings: DEFAULT_ESTIMATE_SETTINGS });
    assert.deepEqual(problems, []);
  });

  it('valid values pass through', () => {
    const { result, problems } = read({ peakFactor: 3, rpsPerServer: 500, codeLens: false, daysPerYear: 360, approxTolerance: 0.2 });
    assert.equal(result.settings.peakFactor, 3);
    assert.equal(result.settings.rpsPerServer, 500);
    assert.equal(result.settings.daysPerYear, 360);
    assert.equal(result.settings.approxTolerance, 0.2);
    assert.equal(result.codeLens, false);
    assert.deepEqual(problems, []);
  });

  it('invalid values fall back with one problem each', () => {
    const { result, problems } = read({ peakFactor: 'two', rpsPerServer: -1, errorFactor: 1, enabled: 'yes', daysPerMonth: Number.NaN });
    assert.deepEqual(result.settings, DEFAULT_ESTIMATE_SETTINGS);
    assert.equal(result.enabled, true);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.match(problems.join('\n'), /peakFactor: must be a number from 1 to 100, not "two"; using 2\./);
  });

  it('an exact tolerance above the approximate one is rejected', () => {
    const { result, problems } = read({ exactTolerance: 0.3, approxTolerance: 0.1 });
    assert.equal(result.settings.exactTolerance, 0.01);
    assert.equal(result.settings.approxTolerance, 0.15);
    assert.equal(problems.length, 1);
  });
});
