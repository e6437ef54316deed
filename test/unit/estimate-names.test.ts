import assert from 'node:assert/strict';
import { capacitySummary, evaluateEstimates, fillQuery } from '../../src/core/estimate/index';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../src/core/types';
import { one, run } from './estimate-helpers';

describe('estimate: names, conventions and queries', () => {
  it('defines names and uses them later, case-insensitively, multi-word', () => {
    const r = run([
      'DAU = 10M users',
      'Writes per day = dau × 5 tweets/day',
      'Average QPS = writes per day',
      'Peak QPS = Average QPS × 2 ≈ 1.2K/s',
    ]);
    assert.equal(r.findings.length, 0, JSON.stringify(r.findings));
    assert.equal(r.names['DAU'].value, 10e6);
    assert.equal(r.names['Writes per day'].unit, '/s');
    assert.equal(r.lines[3].name, 'Peak QPS');
    assert.equal(r.lines[3].claims[0].status, 'ok');
    assert.ok(r.lines[3].conventions.some((c) => /peak factor 2/.test(c)));
  });

  it('a redefinition replaces the earlier value and entry, whatever its spelling', () => {
    const r = run(['DAU = 5', 'dau = 6', 'x = DAU × 2']);
    assert.deepEqual(Object.keys(r.names), ['dau', 'x']);
    assert.equal(r.names['x'].value, 12);
  });

  it('a strict line may start with a caption and end with a full stop', () => {
    const { line, findings } = one('Storage: 50M × 100 B = 5 GB.');
    assert.equal(findings.length, 0);
    assert.equal(line.claims[0].status, 'ok');
    assert.equal(one('Traffic:').report.lines.length, 0);
    assert.equal(one('Traffic:').findings.length, 0);
  });

  it('names persist across sources in document order, not in array order', () => {
    const sources = [
      { line: 5, column: 0, text: 'y = x × 2 ≈ 20', strict: true },
      { line: 1, column: 0, text: 'x = 10', strict: true },
    ];
    const r = evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS);
    assert.equal(r.findings.length, 0);
    assert.equal(r.names['y'].value, 20);
  });

  it('an unknown name in a strict fence is an error on the name', () => {
    const { findings } = one('Peak = Average QPS × 2');
    assert.equal(findings[0].code, 'SE006');
    assert.equal(findings[0].range.start.character, 7);
    assert.equal(findings[0].range.end.character, 18);
  });

  it('applies and names the seconds-per-day convention', () => {
    const { line } = one('50,000,000 / 86,400 ≈ 600 writes per second');
    assert.equal(line.unit, '/s');
    assert.ok(line.conventions.some((c) => /86,400 = seconds per day/.test(c)));
    const perDay = one('50M tweets/day / 86,400 ≈ 579/s').line;
    assert.equal(perDay.claims[0].status, 'ok');
    assert.ok(perDay.conventions.some((c) => /per-day rate into a per-second/.test(c)));
  });

  it('treats 10^5 as a rounded day only when written as a power', () => {
    const pow = one('1bn / 10^5 ≈ 10K/s').line;
    assert.equal(pow.claims[0].status, 'ok');
    assert.ok(pow.conventions.some((c) => /10\^5 ≈ seconds per day/.test(c)));
    const plain = one('5M users ÷ 100K = 50 shards').line;
    assert.equal(plain.unit, '');
    assert.equal(plain.claims[0].status, 'ok');
  });

  it('applies days per year and days per month to per-day values', () => {
    const y = one('5 GB/day × 365 ≈ 1.8 TB/year').line;
    assert.equal(y.claims[0].status, 'ok');
    assert.ok(y.conventions.some((c) => /365 = days per year/.test(c)));
    const m = one('10 GB/day × 30 ≈ 300 GB/month').line;
    assert.equal(m.claims[0].status, 'ok');
    assert.ok(m.conventions.some((c) => /30 = days per month/.test(c)));
  });

  it('turns a per-period rate times the periods in a longer one into that total', () => {
    const cases: [string, RegExp][] = [
      ['$5/month × 12 = $60/year', /12 = months per year/],
      ['1K/hour × 24 = 24K/day', /24 = hours per day/],
      ['100/s × 86,400 = 8.64M/day', /per-second rate into a daily total/],
      ['2 GB/day × 7 = 14 GB/week', /7 = days per week/],
    ];
    for (const [text, conv] of cases) {
      const { line } = one(text);
      assert.equal(line.claims[0].status, 'ok', `${text}: ${line.claims[0].message}`);
      assert.ok(line.conventions.some((c) => conv.test(c)), `${text}: ${line.conventions.join('; ')}`);
    }
    // Without a matching period the number is just a factor.
    assert.equal(one('5 GB × 12 = 60 GB').line.conventions.length, 0);
  });

  it('reads `of` after a percentage and ignores // and # comments in fences', () => {
    assert.equal(one('20% of 1M = 200K').claim.status, 'ok');
    const c = one('2 × 3 = 6 // six, not 7');
    assert.equal(c.findings.length, 0);
    assert.equal(c.line.claims.length, 1);
    assert.equal(one('# just a note = 5 × 3').report.lines.length, 0);
  });

  it('shows a rate per the period its author wrote, per second when none was written, unless a claim, query or conversion says otherwise', () => {
    assert.equal(one('posts = 10M × 1 posts/day').line.display, '10M posts/day');
    assert.equal(one('messages = 50M × 40 messages/day').line.display, '2B messages/day');
    assert.equal(one('writes = 50M / 86400').line.display, '579/s');
    assert.equal(one('x = 10M posts/day / 86400').line.display, '116 posts/s');
    assert.equal(one('10M × 1 posts/day ≈ 10M posts/day').line.display, '10M posts/day');
    assert.equal(one('10M × 1 posts/day in posts/day').line.display, '10M posts/day');
    assert.equal(one('10M × 1 posts/day = ? posts/day').line.display, '10M posts/day');
  });

  it('names the month and year lengths when they are used', () => {
    assert.ok(one('x = 3 months').line.conventions.includes('1 month = 30 days'));
    assert.ok(one('x = 2 years', { settings: { daysPerYear: 365.25 } }).line.conventions.includes('1 year = 365.25 days'));
    assert.equal(one('x = 3 days').line.conventions.length, 0);
  });

  it('reads `x × 365 days` as x per day, unless the claim shows a plain duration was meant', () => {
    const perDay = one('50M users × 20 messages × 30 days = 30B messages').line;
    assert.equal(perDay.claims[0].status, 'ok');
    assert.ok(perDay.conventions.some((c) => /read as per day/.test(c)));
    const trips = one('3 trips × 2 days = 6 days').line;
    assert.equal(trips.claims[0].status, 'ok');
    assert.equal(trips.unit, 's');
    assert.equal(trips.conventions.length, 0);
    assert.equal(one('3 calls × 50 ms = 150 ms').claim.message, 'claimed 150 ms, computed 150 ms (+0%)');
  });

  it('reads a count as a rate when the claim is one, and says so', () => {
    const { line } = one('12K × 100 bytes = 1.2MB/second');
    assert.equal(line.claims[0].status, 'ok');
    assert.equal(line.unit, 'B/s');
    assert.ok(line.conventions.some((c) => /read as per second/.test(c)));
  });

  it('servers: one server per 1,000 RPS, rounded up in display', () => {
    const r = run(['Peak RPS = 11.6K/s', 'servers = peak RPS / 1000']);
    assert.equal(r.lines[1].display, '12 servers (11.6)');
    assert.ok(r.lines[1].conventions.some((c) => /one server ≈ 1,000 RPS/.test(c)));
    const q = run(['Peak RPS = 11.6K/s', 'peak RPS → ? servers']);
    assert.equal(q.lines[1].display, '12 servers (11.6)');
    const fix = fillQuery(q.lines[1]);
    assert.ok(fix);
    assert.equal(fix.newText, '12');
    assert.equal(fix.range.start.character, 'peak RPS → '.length);
    const custom = run(['x = 6K/s', 'x → ? servers'], { settings: { rpsPerServer: 500 } });
    assert.equal(custom.lines[1].display, '12 servers');
  });

  it('a ? query without a unit fills the whole display; with a unit, the number in that unit', () => {
    const a = one('100GB × 365 = ?').line;
    assert.equal(fillQuery(a)!.newText, '36.5 TB');
    const b = one('100GB × 365 = ? GB').line;
    assert.equal(fillQuery(b)!.newText, '36,500');
    assert.equal(one('2 × 3').line.query, undefined);
    assert.equal(fillQuery(one('2 × 3').line), undefined);
  });

  it('capacitySummary picks DAU, average and peak RPS, storage, bandwidth and servers', () => {
    const r = run([
      'DAU = 10M users',
      'Write QPS = DAU × 5 / 86,400',
      'Peak QPS = Write QPS × 2',
      'Storage per year = DAU × 5 × 1 KB × 365',
      'Bandwidth = Write QPS × 1 KB',
      'Servers = Peak QPS / 1000',
    ]);
    const s = capacitySummary(r);
    const labels = s.map((x) => x.label);
    assert.deepEqual(labels, ['DAU', 'Average RPS', 'Peak RPS', 'Storage per year', 'Bandwidth', 'Servers']);
    assert.equal(s[0].display, '10M users');
    assert.equal(s[5].display, '2 servers (1.16)');
    assert.equal(s[3].line, 3);
  });

  it('capacitySummary does not call a multi-year total "per year" and converts a storage rate to per year', () => {
    const r = run(['new links = 100M urls/month', 'monthly storage = new links × 500 B', 'five year storage = monthly storage × 60 months']);
    const s = capacitySummary(r);
    assert.deepEqual(s, [{ label: 'Storage per year', display: '608 GB/year', line: 1 }]);
  });
});
