import assert from 'node:assert/strict';
import { parseQuantity } from '../../src/core/estimate/index';
import { close, one, run } from './estimate-helpers';

describe('estimate: units and dimensions', () => {
  const cases: [string, number, string][] = [
    ['5 ns', 5e-9, 's'],
    ['5 µs', 5e-6, 's'],
    ['5 us', 5e-6, 's'],
    ['10ms', 0.01, 's'],
    ['3 sec', 3, 's'],
    ['2 min', 120, 's'],
    ['2 hours', 7200, 's'],
    ['1 day', 86400, 's'],
    ['1 week', 604800, 's'],
    ['1 month', 30 * 86400, 's'],
    ['1 year', 365 * 86400, 's'],
    ['8 bits', 1, 'B'],
    ['1 byte', 1, 'B'],
    ['1 kB', 1000, 'B'],
    ['1 KB', 1000, 'B'],
    ['1 KiB', 1024, 'B'],
    ['1 MiB', 1024 ** 2, 'B'],
    ['2 GB', 2e9, 'B'],
    ['1 TiB', 1024 ** 4, 'B'],
    ['1 PB', 1e15, 'B'],
    ['100 Mbps', 12.5e6, 'B/s'],
    ['1 Gbps', 1.25e8, 'B/s'],
    ['5 MB/s', 5e6, 'B/s'],
    ['600 rps', 600, '/s'],
    ['600 QPS', 600, '/s'],
    ['86,400 per day', 1, '/s'],
    ['30 per month', 30 / (30 * 86400), '/s'],
    ['$5', 5, '$'],
    ['$1.2M', 1.2e6, '$'],
    ['5 USD', 5, '$'],
    ['$300/month', 300 / (30 * 86400), '$/s'],
    ['10 users', 10, ''],
    ['5$', 5, '$'],
    ['10% daily active', 0.1, ''],
    ['5 tweets per user per day', 5 / 86400, '/s'],
    ['2 Gbps', 2.5e8, 'B/s'],
    ['300 tps', 300, '/s'],
  ];
  for (const [text, v, unit] of cases) {
    it(`reads ${text}`, () => {
      const q = parseQuantity(text);
      assert.ok(q, `${text} did not parse`);
      assert.equal(q.unit, unit);
      assert.ok(close(q.value, v), `${text} → ${q.value}`);
    });
  }

  it('month and year follow the settings', () => {
    const r = run(['x = 1 month', 'y = 1 year'], { settings: { daysPerMonth: 31, daysPerYear: 360 } });
    assert.equal(r.lines[0].value, 31 * 86400);
    assert.equal(r.lines[1].value, 360 * 86400);
  });

  it('reports a dimension error when adding data to time', () => {
    const { findings } = one('5 GB + 3 s');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'SE005');
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /cannot add a duration to data/);
  });

  it('reports a claim of the wrong dimension as an error with a fix', () => {
    const { claim, findings } = one('10 GB × 2 = 20 seconds');
    assert.equal(claim.status, 'error');
    assert.equal(claim.ratio, null);
    assert.equal(findings[0].code, 'SE005');
    assert.ok(findings[0].fix);
    assert.equal(findings[0].fix!.edits[0].newText, '≈ 20 GB');
  });

  it('count nouns are soft: users × messages never fails on the labels', () => {
    const { claim, findings } = one('50M users × 20 messages = 1B messages');
    assert.equal(claim.status, 'ok');
    assert.equal(findings.length, 0);
  });

  it('converts with in / to / ->', () => {
    const a = one('100GB/day in Mbps').line;
    assert.equal(a.unit, 'B/s');
    assert.ok(close(a.value, 100e9 / 86400));
    assert.match(a.display, /^9\.26 Mbps$/);
    const b = one('2 TB/year to GB/day').line;
    assert.match(b.display, /^5\.48 GB\/day$/);
    const c = one('1 day -> s').line;
    assert.equal(c.display, '86,400 s');
  });

  it('rejects a conversion to an incompatible unit', () => {
    const { findings } = one('100 GB in ms');
    assert.equal(findings[0].code, 'SE005');
  });

  it('shows percentage claims as percentages', () => {
    const { claim, line, findings } = one('1/16 ≈ 10%');
    assert.equal(claim.status, 'warning');
    assert.equal(claim.message, 'claimed 10%, computed 6.25% (+60%)');
    assert.equal(line.display, '6.25%');
    assert.equal(findings[0].fix!.edits[0].newText, '≈ 6.3%');
  });

  it('reads every spelling of times and divide', () => {
    for (const text of ['6 × 7 = 42', '6 * 7 = 42', '6 · 7 = 42', '6 x 7 = 42', '6x 7 = 42', '6 X 7 = 42', '84 / 2 = 42', '84 ÷ 2 = 42', '6 \\times 7 \\approx 42']) {
      const { claim, findings } = one(text);
      assert.equal(findings.length, 0, text);
      assert.equal(claim.status, 'ok', text);
    }
    assert.equal(one('Option X = 5 × 2').line.name, 'Option X');
  });

  it('percent multiplies', () => {
    const { line, claim } = one('500M users × 10% = 50M users');
    assert.equal(line.value, 50e6);
    assert.equal(claim.status, 'ok');
  });
  it('binds a glued slash into the unit: rate ÷ rate is a plain number, not per second squared', () => {
    const servers = one('46K messages/s / 1,000 messages/s = 46 servers');
    assert.equal(servers.line.unit, '');
    assert.equal(servers.claim.status, 'ok');
    const perSecond = one('100 GB/day / 86,400 s/day ≈ 1.16 MB/s');
    assert.equal(perSecond.line.unit, 'B/s');
    assert.equal(perSecond.claim.status, 'ok');
    // With spaces the slash is an operator again: 10 MB / 2 s.
    assert.equal(one('10 MB / 2 s = 5 MB/s').claim.status, 'ok');
  });
});
