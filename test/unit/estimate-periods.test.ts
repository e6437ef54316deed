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
