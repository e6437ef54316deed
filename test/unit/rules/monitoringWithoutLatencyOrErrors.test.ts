import assert from 'node:assert/strict';
import { monitoringWithoutLatencyOrErrors as rule } from '../../../src/core/rules/monitoringWithoutLatencyOrErrors';
import { applyFix, run, textAt } from './helpers';

const mon = (body: string) => `# T\n\n## Monitoring & Alerting\n\n${body}\n\n## Trade-offs\n\nA vs B.\n`;

describe('SD010 monitoring-without-latency-or-errors', () => {
  it('flags monitoring with neither, on the heading, naming both', () => {
    const doc = mon('- CPU and memory dashboards\n- Alert on disk space');
    const findings = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Monitoring & Alerting');
    assert.match(findings[0].message, /tracks neither latency percentiles .* nor an error rate/);
  });

  it('names only what is missing', () => {
    assert.match(run(rule, mon('- API response time: P50, P95, P99'))[0].message, /tracks no error rate \(/);
    const [finding] = run(rule, mon('- Error rate, alert above 3%'));
    assert.match(finding.message, /tracks no latency percentiles/);
    assert.doesNotMatch(finding.message, /error rate/);
    assert.match(finding.message, /alert threshold/);
  });

  it('is quiet when both are tracked, in any common wording', () => {
    const bodies = [
      '- Track P50, P95, P99 latencies\n- Error Rate: alert if > 3% errors',
      'Alert when the 99th percentile exceeds 300 ms or 5xx responses exceed 1%.',
      '| Metric | Alert |\n|---|---|\n| median latency | > 100 ms |\n| failure rate | > 2% |',
    ];
    for (const body of bodies) assert.deepEqual(run(rule, mon(body)), [], body);
  });

  it('leaves an empty monitoring section to SD002', () => {
    assert.deepEqual(run(rule, mon('TBD')), []);
  });

  it('fix appends the missing metric lines, which satisfy the rule', () => {
    const doc = mon('- CPU dashboards');
    const fixed = applyFix(doc, run(rule, doc)[0]);
    assert.ok(fixed.includes('- CPU dashboards\n\n- Latency: p50 / p95 / p99'), fixed);
    assert.ok(fixed.includes('- Error rate:'));
    assert.deepEqual(run(rule, fixed), []);
  });
});
