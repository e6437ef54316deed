import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateEstimates, extractEstimateSources } from '../../src/core/estimate/index';
import { looksLikeEstimate } from '../../src/core/estimate/lines';
import { parseDocument } from '../../src/core/parse';
import { listSeeds, SEEDS } from './seeds';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSource } from '../../src/core/types';
import { run } from './estimate-helpers';

const seedFiles = listSeeds();

// Seed 002 is stored double-encoded (× read as Windows-1252 "Ã—"); the engine reads both spellings.
const mojibake = (s: string) => s.replace(/Ã—/g, '×').replace(/Ã·/g, '÷').replace(/â‰ˆ/g, '≈').replace(/â†’/g, '→');

/** The worked examples the seeds contain (by their arithmetic), all of which must be read and accepted. */
const WORKED = [
  '10M Daily Active Users (DAU) $\\times$ 5 tweets/day = 50M tweets/day',
  '$50,000,000 / 86,400 \\approx 600$ writes per second',
  '50M tweets $\\times$ 100 bytes = 5GB / day',
  '5GB $\\times$ 365 days $\\approx$ 2TB / year',
  '1 million = 10^6',
  '1 billion = 10^9',
  '1 day = 86,400 seconds ≈ 10^5 seconds',
  '1 month = 30 days = 2.6 million seconds ≈ 2.5 × 10^6 seconds',
  '50M users × 20 messages = 1B messages/day',
  '1B messages ÷ 86,400 seconds ≈ 12K messages/second',
  '12K × 2 = 24K messages/second',
  '1B messages × 100 bytes/message = 100GB/day',
  '100GB × 365 × 5 = 182TB',
  '12K × 100 bytes = 1.2MB/second',
  '12K × 100 bytes × 2 (fanout) = 2.4MB/second',
  '1M tweets × 280 bytes × 365 days × 5 years = 500GB',
];

function seedSources(file: string): EstimateSource[] {
  return extractEstimateSources(parseDocument(readFileSync(join(SEEDS, file), 'utf8')));
}

describe('estimate: the seed documents', function () {
  before(function () {
    if (seedFiles.length === 0) {
      console.warn(`SKIPPING seed tests: no seed documents in ${SEEDS}`);
      this.skip();
    }
  });

  it('every worked example is found in a seed, read, and accepted (ok, or a hint for = vs ≈)', () => {
    const read: string[] = [];
    for (const f of seedFiles) {
      const r = evaluateEstimates(seedSources(f), DEFAULT_ESTIMATE_SETTINGS);
      for (const l of r.lines) {
        read.push(mojibake(l.source));
        for (const c of l.claims) assert.ok(c.status === 'ok' || c.status === 'hint', `${f}:${l.line + 1} ${l.source}: ${c.message}`);
      }
      for (const x of r.findings) assert.ok(x.severity === 'hint', `${f}:${x.range.start.line + 1} ${x.message}`);
    }
    for (const w of WORKED) assert.ok(read.some((s) => s.includes(w)), `not read: ${w}`);
  });

  it('the same examples also pass when written in a strict estimate fence', () => {
    const cleaned = WORKED.map((w) => w.replace(/\$\\times\$/g, '×').replace(/\\approx/g, '≈').replace(/\$/g, ''));
    const r = run(cleaned, { strict: true });
    assert.equal(r.lines.length, WORKED.length);
    for (const f of r.findings) assert.equal(f.severity, 'hint', f.message);
    assert.equal(r.findings.filter((f) => f.code === 'SE003').length, 1); // only 500GB claimed with `=`
  });

  it('no seed line that is not a worked example is read as an estimate', () => {
    let prose = 0;
    for (const f of seedFiles) {
      const sources = seedSources(f);
      const r = evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS);
      const readLines = new Set(r.lines.map((l) => l.line));
      for (const s of sources) {
        if (WORKED.some((w) => mojibake(s.text).includes(w))) continue;
        prose++;
        assert.ok(!readLines.has(s.line), `${f}:${s.line + 1} read as an estimate: ${s.text}`);
      }
    }
    // Prose lines that look like arithmetic or a claim (the only ones extracted) and are no worked example.
    assert.ok(prose > 100, `only ${prose} prose lines`);
  });

  it('every estimate-looking seed line (number, operator, relation) gives no error or warning', () => {
    let looked = 0;
    for (const f of seedFiles) {
      const looking = seedSources(f).filter((s) => looksLikeEstimate(s.text));
      looked += looking.length;
      // Each line on its own too, so no line leans on a name defined by another.
      for (const r of [evaluateEstimates(looking, DEFAULT_ESTIMATE_SETTINGS), ...looking.map((s) => evaluateEstimates([s], DEFAULT_ESTIMATE_SETTINGS))]) {
        for (const x of r.findings) assert.ok(x.severity === 'hint', `${f}:${x.range.start.line + 1} ${x.message}`);
      }
    }
    assert.ok(looked >= WORKED.length, `only ${looked} estimate-looking lines`);
  });
});

describe('estimate: lenient silence on prose', () => {
  const PROSE = [
    'Released on 2024-10-18 → version 1.2.3 = stable',
    'Meeting at 10:30 = 2 × 5 people',
    'Use v1.2.3 -> v2.0 = 2 x faster',
    'Step 1: Requirement Clarification (5-10 mins) → 2 × faster',
    'Track P50/P95/P99 = 3 x metrics',
    'Availability 99.9% = three nines',
    'How many users? (1K, 100K, 1M, 100M?) → pick one',
    'At 600 RPS → Need 2-3 servers minimum',
    'Call `x = 5 * 3` here',
    'Ratio 1:1 = 2 * 1',
    'Read/write ratio 100:1 = 2 * reads',
    'The 2nd option → 3x better = ideal',
    'HTTP/1.1 = 2 × HTTP/1.0',
    'Path /v1/tweet = 2 * 1',
    'Latency p95 > 500ms = bad × 2',
    'Alert if > 3% errors = 2 * bad',
    '5-10 mins = 2 × 3 rounds',
    'Costs $5-10 = 2 × lunch',
    '10x per minute → definitely cache',
    'Version 2 → 3 = upgrade × 2',
    '500M total → 50M DAU (10%)',
    '100M total → 30M DAU (30% for engaged apps)',
    '- 10% daily active = 50M DAU',
    'Peak QPS = Average QPS × 2 (or 3 for very spiky traffic)',
    'user_id = 5 * shard',
    'See [link](https://example.com/x?a=1&b=2) = 2 × 3',
    'Shard by user_id % 16 = 4 × 4',
    'Total Users → DAU (rule of thumb: 10-30% of total)',
    '99.9% availability = 8.76 hours downtime/year',
    'Our SLO is 99.9% = 43 min/month downtime',
    '5 × 9s = 99.999%',
    '1 tweet → 200 followers',
    'IDs: 64-bit = 8 bytes',
    'Read:write ratio = 100:1',
    'Shards = 2^n where n = 4',
    'Node 20.20 → 2 × faster',
    '1-2 servers × 2 = 4 servers',
    'Rating: 4.5/5 = great',
    'Score = likes × 2 + comments × 3',
  ];
  for (const text of PROSE) {
    it(`stays silent on: ${text}`, () => {
      const r = run([text], { strict: false });
      assert.equal(r.findings.length, 0, JSON.stringify(r.findings));
      assert.ok(r.lines.every((l) => l.claims.every((c) => c.status === 'ok')), JSON.stringify(r.lines));
    });
  }
});

describe('estimate: estimates inside ordinary prose are read', () => {
  const READ: string[] = [
    'Cost: $0.10/GB × 100 TB = $10K/month',
    'Error budget = (1 - 0.999) × 30 days = 43.2 min',
    'Fan-out: 1 tweet → 200 followers × 1 write = 200 writes',
    'Average object = 2 MB; 1M uploads/day × 2 MB = 2 TB/day',
    'Each user follows ~200 people × 10 posts/day = 2K posts/day in feed',
    'We expect **10M DAU** × 5 posts = 50M posts/day.',
  ];
  for (const text of READ) {
    it(`reads and accepts: ${text}`, () => {
      const r = run([text], { strict: false });
      assert.equal(r.lines.length, 1, text);
      assert.ok(r.lines[0].claims.length >= 1);
      for (const c of r.lines[0].claims) assert.equal(c.status, 'ok', c.message);
    });
  }
  it('and flags a wrong one', () => {
    const r = run(['So storage is 5 GB × 365 = 2 PB, which is a lot.'], { strict: false });
    assert.equal(r.findings.length, 1);
    assert.match(r.findings[0].message, /TB vs PB\?/);
  });
});
