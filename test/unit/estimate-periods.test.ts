import { strict as assert } from 'node:assert';
import { analyze } from '../../src/core/analyze';

const DOC = ['# D', '', '## Estimation', '', '```estimate', 'growth = 100 GB / day', 'yearly = growth ≈ 36 TB/year', 'monthly = growth ≈ 3 TB/month', '```', ''].join('\n');

function displays(estimate: { daysPerYear?: number; daysPerMonth?: number }): string[] {
  return analyze(DOC, { path: 'x.design.md', estimate }).estimates.lines.map((line) => line.display ?? '');
}

describe('rates per month and per year under the day-count settings', () => {
  it('a claim per year or per month shows its period by name with the default 365 and 30 days', () => {
    assert.deepEqual(displays({}), ['100 GB/day', '36.5 TB/year', '3 TB/month']);
  });

  it('keeps the names when the settings make a year 360 days and a month 31 (it showed "/(31100000 s)")', () => {
    assert.deepEqual(displays({ daysPerYear: 360, daysPerMonth: 31 }), ['100 GB/day', '36 TB/year', '3.1 TB/month']);
  });
});

describe('a claim that says what it measures before its period', () => {
  const read = (line: string) => analyze(`# D\n\n## Estimation\n\n- ${line}\n`, { path: 'x.design.md' }).estimates.lines.map((l) => [l.display, l.claims.map((c) => c.status)]);

  it('reads "12.7 GB of new paste content per month" as 12.7 GB per month, right or wrong', () => {
    assert.deepEqual(read('1.27 KB per paste * 10 million pastes per month ≈ 12.7 GB of new paste content per month'), [['12.7 GB/month', ['ok']]]);
    const wrong = analyze('# D\n\n## Estimation\n\n- 2 TB/day × 30 ≈ 600 TB of new photos per month\n', { path: 'x.design.md' }).findings.filter((f) => f.code === 'SE002');
    assert.deepEqual(wrong.map((f) => [f.severity, /claimed 600 TB\/month, computed 60 TB\/month/.test(f.message)]), [['error', true]], wrong.map((f) => f.message).join());
  });

  it('keeps a count noun (per user) and more than a few words out of it', () => {
    assert.deepEqual(read('1M users × 10 GB ≈ 10 PB of data per user'), [['10 PB', ['ok']]]);
    // Past a few words the period is the sentence's, not the quantity's: the claim stays 300 GB.
    assert.deepEqual(read('10 GB/day × 30 ≈ 300 GB of the many new files uploaded by all the users per month'), [['300 GB', ['ok']]]);
  });
});

describe('a server count from what one server takes', () => {
  const lines = (text: string) => analyze(`# D\n\n## Estimation\n\n${text}\n`, { path: 'x.design.md' });

  it('reads "100K QPS / 10K per server" as 10 servers, and flags a claim that is off', () => {
    const ok = lines('- Servers: 100K QPS / 10K per server = 10 servers\n- 1M users / 10K per node ≈ 100 nodes');
    assert.deepEqual(ok.estimates.lines.map((l) => [l.display, l.claims.map((c) => c.status)]), [['10 servers', ['ok']], ['100 nodes', ['ok']]]);
    const wrong = lines('- Servers: 100K QPS / 10K per server = 100 servers').findings.filter((f) => f.code === 'SE002');
    assert.deepEqual(wrong.map((f) => [f.severity, /computed 10 servers/.test(f.message)]), [['error', true]]);
  });

  it('only asks when the total is a rate per day: the per-server figure may be per day or per second', () => {
    const found = lines('- 1B requests/day / 10K per server = 100K servers').findings.filter((f) => f.code === 'SE002');
    assert.deepEqual(found.map((f) => f.severity), ['hint']);
  });
});
