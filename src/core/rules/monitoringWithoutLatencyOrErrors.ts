// SD010: monitoring that tracks neither latency percentiles nor an error rate can't tell users are hurting.
import type { PhaseResult, RuleContext, RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { sectionsOfKind, somePhaseLine } from './util/sections';
import { monitoringSkeletonLines, type MonitoringGap } from './util/skeleton';

const PERCENTILE = /\bp(?:50|75|90|95|99|999|99\.9+)\b|\bpercentiles?\b|\b\d{2}(?:\.\d+)?(?:th|st|nd|rd)\b|\bmedian\b/;
const ERROR_PHRASES = [
  'error rate',
  'error-rate',
  'error_rate',
  'errors rate',
  'error ratio',
  'error percentage',
  'error budget',
  'errors per',
  'errors/',
  '% errors',
  '% of errors',
  '% of requests fail',
  'failure rate',
  'failed requests',
  'success rate',
  '5xx',
  '4xx',
  'http 500',
];

export function monitoringGaps(ctx: RuleContext, result: PhaseResult): MonitoringGap[] {
  let latency = false;
  let errors = false;
  somePhaseLine(ctx, result, (raw) => {
    const line = raw.toLowerCase();
    latency ||= PERCENTILE.test(line);
    errors ||= ERROR_PHRASES.some((phrase) => line.includes(phrase));
    return latency && errors;
  });
  const gaps: MonitoringGap[] = [];
  if (!latency) gaps.push('latency');
  if (!errors) gaps.push('errors');
  return gaps;
}

const WHAT: Record<MonitoringGap, string> = {
  latency: 'latency percentiles (p50, p95, p99)',
  errors: 'error rate (share of failed or 5xx requests)',
};

function message(title: string, gaps: MonitoringGap[]): string {
  const tail = 'with an alert threshold, so slow or failing requests page someone before users notice.';
  if (gaps.length > 1) return `"${title}" tracks neither ${WHAT.latency} nor an ${WHAT.errors}. Add both ${tail}`;
  return `"${title}" tracks no ${WHAT[gaps[0]]}. Add ${gaps[0] === 'latency' ? 'them' : 'it'} ${tail}`;
}

export const monitoringWithoutLatencyOrErrors: RuleDef = {
  code: 'SD010',
  slug: 'monitoring-without-latency-or-errors',
  description: 'Monitoring names no latency percentiles or no error rate.',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'monitoring')) {
      if (result.status !== 'present') continue;
      const gaps = monitoringGaps(ctx, result);
      if (gaps.length === 0) continue;
      findings.push({
        message: message(section.title, gaps),
        range: section.headingRange,
        phaseId: result.phase.id,
        fix: {
          title: gaps.length > 1 ? 'Add latency and error-rate metrics' : gaps[0] === 'latency' ? 'Add latency percentiles' : 'Add an error-rate metric',
          edits: [appendToSectionEdit(ctx.doc, section, monitoringSkeletonLines(gaps).join('\n'))],
        },
      });
    }
    return findings;
  },
};
