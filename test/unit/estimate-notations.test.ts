// Estimates as real authors write them, one class of notation per group: each is read, accepted when
// right, flagged with the right value when wrong, and never flagged on a guess.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import type { Analysis, EstimateLine, Finding } from '../../src/core/types';
import { applyEdits } from './rules/helpers';

/** Analyses a Markdown document and returns its estimate lines and estimate findings. */
function md(text: string): { lines: EstimateLine[]; findings: Finding[]; analysis: Analysis } {
  const analysis = analyze(text);
  return { lines: analysis.estimates.lines, findings: analysis.findings.filter((f) => f.code.startsWith('SE')), analysis };
}

/** The one estimate line of a document; it must be read, its claims all ok (or a rounding hint), and nothing flagged. */
function accepted(text: string): EstimateLine {
  const { lines, findings } = md(text);
  assert.equal(lines.length, 1, `read ${lines.length} lines of ${JSON.stringify(text)}`);
  const line = lines[0];
  assert.ok(line.claims.length > 0, `no claim read in ${JSON.stringify(text)}`);
  for (const c of line.claims) assert.ok(c.status === 'ok' || c.status === 'hint', `${c.text}: ${c.status} ${c.message}`);
  assert.deepEqual(findings.filter((f) => f.severity === 'warning' || f.severity === 'error'), [], text);
  return line;
}

/** The document's one flagged claim (warning or error). */
function flagged(text: string): Finding {
  const severe = md(text).findings.filter((f) => f.code === 'SE002' && (f.severity === 'warning' || f.severity === 'error'));
  assert.equal(severe.length, 1, `${JSON.stringify(text)}: ${severe.map((f) => f.message).join(' | ')}`);
  return severe[0];
}

/** Nothing asserted about the document's numbers: no warning or error (a hint may ask). */
function quiet(text: string): void {
  const severe = md(text).findings.filter((f) => f.severity === 'warning' || f.severity === 'error');
  assert.deepEqual(severe.map((f) => f.message), [], text);
}

describe('estimate notations: inline code', () => {
  it('reads an estimate written in inline code, with claim markers', () => {
    accepted('Storage: `3M * 150KB => 450 GB` per day.');
    accepted('A year: `450GB * 365 ~= 164TB`.');
  });

  it('flags a wrong one, with the right value', () => {
    assert.match(flagged('Storage: `3M * 150KB => 45 GB` per day.').message, /computed 450 GB/);
  });

  it('leaves code that is not arithmetic alone', () => {
    assert.deepEqual(md('Call `cache.get(key) == null` before `db.read(1)`.').lines, []);
  });
});

describe('estimate notations: escaped operators from exports', () => {
  it('reads `\\*` as times, which previously read as `2B` against the claim', () => {
    const line = accepted('2B \\* 12 / 4 = 6B views per day');
    assert.equal(line.display, '6B views/day');
  });
});

describe('estimate notations: LaTeX', () => {
  it('reads display math with \\frac, \\times, \\space and \\sim', () => {
    const line = accepted('$$ \\frac{2 \\space billion}{(24 \\space hrs \\times 3600 \\space seconds)} = \\sim 23K \\space requests/second $$');
    assert.ok(Math.abs(line.value - 2e9 / 86400) < 1);
  });

  it('reads \\text{} units, \\approx and \\cdot inline', () => {
    accepted('Average: $10B / 2.59M \\text{ seconds} \\approx 3,860 \\text{ WPS}$.');
    accepted('$4 \\cdot 10^6 \\text{ users} \\times 2 = 8 \\text{ million}$');
  });

  it('reads GitHub math written with backticks', () => {
    accepted('Writes per second: $`100 * 10^6 / 86400 = 1157`$');
  });

  it('fixes a wrong claim in math by its number alone, so the markup stays whole', () => {
    const text = '$$ \\frac{2B \\text{ views}}{86400 \\text{ s}} \\approx 2.3K \\text{ views/s} $$';
    const finding = flagged(text);
    assert.ok(finding.fix);
    const fixed = applyEdits(text, finding.fix.edits);
    assert.equal(fixed, text.replace('2.3K', '23K'));
    accepted(fixed);
  });

  it('reads display math written over several lines as one calculation, and fixes the claim on its own line', () => {
    const block = (claim: string) => `Sending messages:\n\n$$\n\\frac{100 \\space million \\times 10 \\space messages \\space per \\space day}{(24 \\space hrs \\times 3600 \\space seconds)} =\n\\sim ${claim} \\space requests/s\n$$\n`;
    const line = accepted(block('11574'));
    assert.equal(line.line, 3, 'reported on the first line of the calculation');
    const text = block('1157');
    const finding = flagged(text);
    assert.equal(finding.range.start.line, 4, 'the claim is on the second line');
    // The fix replaces the number where it stands, on its own line.
    const fixed = applyEdits(text, finding.fix!.edits);
    assert.equal(fixed, text.replace('\\sim 1157 ', '\\sim 11.57K '));
    accepted(fixed);
  });

  it('offers no fix in math when the right value needs another unit', () => {
    const finding = flagged('$$ 50M \\times 2 \\text{ KB} = 1 \\text{ TB} $$');
    assert.match(finding.message, /100 GB/);
    assert.equal(finding.fix, undefined);
  });
});

describe('estimate notations: table cells', () => {
  it('reads each cell on its own, at its column', () => {
    const { lines } = md('| Metric | Value |\n| --- | --- |\n| Storage (5 years) | 200 GB × 365 × 5 ≈ 365 TB |\n');
    assert.equal(lines.length, 1);
    assert.equal(lines[0].line, 2);
    assert.equal(lines[0].claims[0].status, 'ok');
    assert.equal(lines[0].claims[0].range.start.character, '| Storage (5 years) | 200 GB × 365 × 5 ≈ '.length);
  });

  it('flags a wrong cell', () => {
    flagged('| Metric | Value |\n| --- | --- |\n| Storage (5 years) | 200 GB × 365 × 5 ≈ 36 TB |\n');
  });
});

describe('estimate notations: claim markers', () => {
  for (const line of [
    'Peak = 6K × 2 = ~12K requests/s',
    'Total: 10 GB × 365 ~= 3.7TB',
    'Writes: 1M × 20 ≈ **20M**',
    'Storage: 4M × 100 KB => 400 GB',
    '2M uploads/day, which translates into 23 uploads/s',
    'The fleet is 50 × 8 GB, which is about 400 GB.',
    'Bandwidth: 8 shards * 3000 RPS * 8 KB =~ 190 MB/s',
  ]) {
    it(`reads ${JSON.stringify(line)}`, () => accepted(line));
  }
});

describe('estimate notations: a daily count over the seconds of a day', () => {
  it('reads a rate per day divided by a day in seconds as the same rate per second, and says so', () => {
    for (const text of ['1B messages/day / (24 hrs × 3600 seconds) ≈ 11574 messages/s', '100 million × 10 messages per day / 86,400 seconds = ~11.6K requests/second']) {
      const line = accepted(text);
      assert.ok(line.conventions.some((c) => /per day/.test(c)), line.conventions.join('; '));
    }
    assert.match(flagged('1B messages/day / (24 hrs × 3600 seconds) ≈ 1157 messages/s').message, /computed 11\.6K/);
    // Divided by some other time, it stays a rate divided by a time: nothing is claimed about it.
    quiet('1B messages/day / 60 seconds ≈ 11574 messages/s');
  });
});

describe('estimate notations: time products', () => {
  it('reads hours × 3600 seconds as seconds per hour, not seconds squared', () => {
    const line = accepted('2000 requests/second × 24 hours × 3600 seconds ≈ 170 million requests/day');
    assert.ok(line.conventions.some((c) => /seconds per hour, not a time squared/.test(c)), line.conventions.join(' | '));
  });

  for (const line of [
    '50 million / (30 days × 24 hrs × 3600 seconds) ≈ 20 writes/second',
    '3 hours × 60 min ≈ 180 min',
    '4 weeks * 7 days * 86400 sec ≈ 2.4M sec',
    'Storage for a year: 60TB * (1 year * 12 months) = 720TB',
    'QPS = 500 million * 0.05 / 24 hour / 3600 seconds ≈ 290',
    // Smaller unit first: the same conversion in the other order.
    '4000 requests/second × 3600 seconds × 24 hours = ~350 million requests/day',
    '100 million / (3600 seconds × 24 hours × 30 days) ≈ 40 writes/s',
    '50M / 3600 seconds / 24 hours ≈ 580/s',
  ]) {
    it(`reads ${JSON.stringify(line)}`, () => accepted(line));
  }

  it('still flags a wrong claim read that way, in either order', () => {
    assert.match(flagged('2000 requests/second × 24 hours × 3600 seconds ≈ 17 million requests/day').message, /computed 173M/);
    assert.match(flagged('2000 requests/second × 3600 seconds × 24 hours ≈ 17 million requests/day').message, /computed 173M/);
  });

  it('keeps a product of times that is no conversion a product (nothing claimed of it)', () => {
    quiet('3 seconds × 2 hours ≈ 6 hours');
  });
});

describe('estimate notations: conversions without an operator', () => {
  for (const line of ['Uploads: 2M uploads/day ≈ 23 uploads/s', 'Link: 10 Gbps = 1.25 GB/s', 'Disk: 2 TiB ≈ 2.2 TB', 'Traffic: 500 million messages/day -> 5000 RPS']) {
    it(`reads ${JSON.stringify(line)}`, () => accepted(line));
  }

  it('flags a wrong conversion', () => {
    flagged('Link: 10 Gbps = 10 GB/s');
  });
});

describe('estimate notations: context from the parent list item', () => {
  it('takes the count a "per user" line needs from the item above', () => {
    const line = accepted('- 20 million users\n  - 5 playlists per user = 100 million playlists\n');
    assert.ok(line.conventions.some((c) => /from the item above/.test(c)));
  });

  it('without that count, asks (a hint) and never asserts', () => {
    quiet('- Playlists\n  - 5 playlists per user = 100 million playlists\n');
    const hint = md('- Playlists\n  - 5 playlists per user = 100 million playlists\n').findings.find((f) => f.code === 'SE002');
    assert.equal(hint?.severity, 'hint');
    assert.match(hint!.message, /number of users is missing/);
  });
});

describe('estimate notations: chains that start with a name', () => {
  it('evaluates the chain and catches its slip', () => {
    const f = flagged('total = 50 TB/day × 365 ≈ 50 TB per year');
    assert.match(f.message, /computed 18\.3 PB/);
  });

  it('reads past a counted thing that sets the scene ("6 character alias = 62^6 = 56.8B")', () => {
    assert.equal(accepted('- 6 character alias = 62 ^ 6 = ~56.8 Billion possible combinations.').claims.length, 1);
    assert.match(flagged('- 6 chars = 62^6 ≈ 5.68B').message, /computed 56\.8B/);
    // The counted thing is the claim when it agrees with what follows: checked, not skipped.
    assert.equal(accepted('- 5 servers = 10 × 0.5').claims.length, 1);
  });
});

describe('estimate notations: unit changes written as arithmetic', () => {
  for (const line of [
    'Per month: $`286MB * 30 /1024 = 8.37 GB`$',
    'Per day: $`800 * 3*10^6 / 1024 / 1024 / 1024 = 2.24`$ GB',
    'Network: $70 \\text{ MB/s} \\times 8 \\approx 0.56 \\text{ Gbps}$',
    'Metadata per day: 500k * 600B /1024/1024 = 286 MB',
  ]) {
    it(`reads ${JSON.stringify(line)}`, () => accepted(line));
  }

  it('does not take a count (10^6) for a change of unit', () => {
    flagged('Video per day: 300MB * 5*10^6 = 1.5 GB');
  });
});

describe('estimate notations: magnitude letters and a glued times', () => {
  for (const line of ['<li>50 M X100 = 5GB/day</li>', 'Events: 50 M * 100 = 5 G', 'Fan-out: 3x4 = 12 copies', '10K x2 = 20K requests']) {
    it(`reads ${JSON.stringify(line)}`, () => accepted(line));
  }

  it('reads magnitude letters written apart from their number, never as a count noun that makes correct math wrong', () => {
    // These once read `M` and `G` as labels and flagged correct products as off by ×1,000 or ×1,000,000,000.
    for (const line of ['50M * 100 = 5G', '50 M * 100 = 5B', '5 K * 2 = 10K']) assert.equal(accepted(line).claims[0].status, 'ok', line);
  });

  it('takes a magnitude letter for its data unit only to agree', () => {
    const line = accepted('- bandwidth: 100 * 5 * 60 * 166KB/s = 5 G/s, assume 166KB/s');
    assert.match(line.display, /GB\/s/);
    quiet('- bandwidth: 100 * 5 * 60 * 166KB/s = 9 G/s');
  });

  it('keeps x86 and hex a word', () => {
    quiet('2 x86 servers = 2 servers');
    quiet('0x1F = 31');
  });
});

describe('estimate notations: confidence', () => {
  it('asks rather than asserts when the reading may start mid-calculation', () => {
    quiet('(20 GB + 4TB) * 30 = 120TB');
  });

  it('reads a dash written for "=" only to agree', () => {
    accepted('Total storage for overall - 104 bytes * 10 Billion - 1 TB');
    quiet('Total storage per day - 104 bytes * 100 M - 8 GB per day');
  });

  it('reads digits grouped by spaces and decimal commas in prose', () => {
    accepted('* 5 000 000 MB daily / 86 400 seconds = ~58 MB/s daily');
    accepted('required_memory = 5 PB + 45 PB + 500 TB = 50,5 PB');
  });
});

describe('estimate notations: explanations', () => {
  it('names the slip only when the ratio matches it', () => {
    assert.match(flagged('x: 1M users × 1 KB = 1 TB').message, /GB vs TB\?/);
    const off = flagged('year: 50 TB/month × 12 ≈ 50 PB').message;
    assert.doesNotMatch(off, /vs/);
  });
});

describe('estimate notations: one value whatever the notation', () => {
  it('a correct product reads the same in plain prose, inline code, escaped operators, LaTeX and a table cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9000 }), fc.integer({ min: 2, max: 900 }), fc.constantFrom('GB', 'MB', 'KB', 'TB'), (a, b, unit) => {
        const product = a * b;
        const claim = `${product} ${unit}`;
        const notations = [
          `Storage: ${a} ${unit} × ${b} = ${claim}`,
          `Storage: \`${a} ${unit} * ${b} = ${claim}\``,
          `Storage: ${a} ${unit} \\* ${b} = ${claim}`,
          `Storage: $${a} \\text{ ${unit}} \\times ${b} = ${product} \\text{ ${unit}}$`,
          `| Storage | ${a} ${unit} × ${b} = ${claim} |\n| --- | --- |\n`,
        ];
        const values = notations.map((text) => {
          const doc = text.startsWith('|') ? `| a | b |\n| --- | --- |\n${text.split('\n')[0]}\n` : text;
          const { lines } = md(doc);
          assert.equal(lines.length, 1, doc);
          assert.equal(lines[0].claims[0]?.status, 'ok', `${doc}: ${lines[0].claims[0]?.message}`);
          return lines[0].value;
        });
        for (const v of values) assert.equal(v, values[0]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('estimate notations: values side by side are not claims', () => {
  const doc = (body: string) => `---\ntype: system-design\n---\n# Benchmarks\n\n## Estimation\n\n${body}\n`;

  it('two columns in the same unit (a benchmark table in a code block) assert nothing', () => {
    quiet(doc("    operation             before        after\n    encode('win1251')     ~96 Mb/s      ~320 Mb/s\n"));
    quiet(doc('- Throughput: 96 Mb/s ~ 320 Mb/s'));
  });

  it('a conversion between two units is still checked', () => {
    accepted(doc('- 10 Gbps = 1.25 GB/s'));
    assert.match(flagged(doc('- 1 TB = 100 GB')).message, /claimed 100 GB, computed 1 TB/);
  });

  it('a list of values after the relation is not one claim', () => {
    quiet(doc('```\n{1,2}{3,4}      => (2X2)    => 13 14 23 24\n```'));
    quiet(doc('- 10 x 3 = 31 2026'));
    accepted(doc('- 10 x 3 = 30'));
  });
});
