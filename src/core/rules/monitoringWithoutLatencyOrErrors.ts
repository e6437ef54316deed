// SD010: monitoring that tracks neither latency percentiles nor an error rate can't tell users are hurting.
import type { PhaseResult, RuleContext, RuleDef, RuleFinding } from '../types';
import { classifySections } from '../sections/classify';
import { appendToSectionEdit } from './util/edits';
import { needMet, sectionsOfKind } from './util/sections';
import { ruleOption } from './ruleOptions';
import { monitoringSkeletonLines, type MonitoringGap } from './util/skeleton';

/** What the checklist found missing among the monitoring needs this rule is about (only needs the phase has). */
export function monitoringGaps(ctx: RuleContext, result: PhaseResult): MonitoringGap[] {
  const signals = ruleOption(ctx.ruleOptions, 'SD010', 'signals');
  const gaps: MonitoringGap[] = [];
  if (signals.includes('latency') && needMet(result, 'latency-percentiles') === false) gaps.push('latency');
  if (signals.includes('errors') && needMet(result, 'error-rate') === false) gaps.push('errors');
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
    const classes = classifySections(ctx.doc);
    for (const { result, section } of sectionsOfKind(ctx, 'monitoring')) {
      if (result.status !== 'present') continue;
      // A section about logs or metrics as data (a log format, product telemetry) is not how the system is watched.
      if (![section, ...result.duplicates].some((s) => classes.get(s)?.facet === 'monitoring')) continue;
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
