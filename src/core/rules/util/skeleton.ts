// Markdown skeletons that quick fixes insert. Prose fields say TODO, so a section holding only an
// untouched prose skeleton still counts as empty (diagram and SQL skeletons are real content).
import type { PhaseDef, PhaseKind } from '../../types';

export type NfrDimension = 'scale' | 'latency' | 'availability';

// No digits in these hints: a number in a skeleton would satisfy the check it is meant to prompt.
const NFR_LINES: Record<NfrDimension, string> = {
  scale: '- Scale: TODO (daily users, peak requests per second)',
  latency: '- Latency: TODO (target for the slowest requests, in milliseconds)',
  availability: '- Availability: TODO (uptime target as a percentage)',
};

export function nfrSkeletonLines(missing: NfrDimension[]): string[] {
  return missing.map((dimension) => NFR_LINES[dimension]);
}

export type MonitoringGap = 'latency' | 'errors';

const MONITORING_LINES: Record<MonitoringGap, string> = {
  latency: '- Latency: p50 / p95 / p99 per endpoint, alert when p99 goes over TODO ms',
  errors: '- Error rate: share of 5xx responses, alert when it goes over TODO%',
};

export function monitoringSkeletonLines(missing: MonitoringGap[]): string[] {
  return missing.map((gap) => MONITORING_LINES[gap]);
}

const DEFAULT_TEMPLATES: Record<PhaseKind, string> = {
  requirements: [
    '**Functional:**',
    '',
    '- Feature: TODO (the three or four things a user must be able to do)',
    '',
    '**Non-functional:**',
    '',
    ...nfrSkeletonLines(['scale', 'latency', 'availability']),
    '',
    '**Open questions:**',
    '',
    '- TODO',
  ].join('\n'),
  estimation: [
    '- Daily active users: TODO',
    '- Requests per second (average and peak): TODO',
    '- Storage per year: TODO',
    '- Bandwidth: TODO',
  ].join('\n'),
  api: ['- `GET /TODO?limit=20&cursor=<cursor>`: TODO', '- `POST /TODO`: TODO', '- Errors: TODO (400, 404, 429)'].join('\n'),
  'data-model': ['```sql', 'CREATE TABLE todo (', '  id BIGINT PRIMARY KEY', ');', '```'].join('\n'),
  'high-level-design': '', // filled in by mermaidSkeleton() below
  'deep-dive': ['- Component: TODO', '- How it works: TODO', '- Edge cases: TODO'].join('\n'),
  caching: ['- What is cached: TODO', '- Pattern (cache-aside, write-through): TODO', '- Expiry and invalidation: TODO'].join('\n'),
  scaling: ['- Bottleneck: TODO', '- Remedy (replicas, sharding key, queue): TODO'].join('\n'),
  reliability: ['- Single points of failure: TODO', '- What happens when a node dies: TODO'].join('\n'),
  security: ['- Authentication: TODO', '- Authorization: TODO', '- Data protection: TODO'].join('\n'),
  monitoring: [...monitoringSkeletonLines(['latency', 'errors']), '- Throughput: requests per second, alert on sudden drops'].join('\n'),
  'trade-offs': '', // filled in by optionsSkeleton() below
  'wrap-up': ['- Summary: TODO', '- Next steps: TODO'].join('\n'),
  context: ['- What exists today: TODO', '- Why it has to change now: TODO'].join('\n'),
  risks: ['- Risk: TODO', '- Mitigation: TODO'].join('\n'),
  rollout: ['- Steps and feature flags: TODO', '- Migration of existing data: TODO', '- How to roll back: TODO'].join('\n'),
  testing: ['- What is tested and how: TODO', '- How we know it works in production: TODO'].join('\n'),
  'open-questions': ['- TODO'].join('\n'),
  decision: ['- Chosen option: TODO, because TODO'].join('\n'),
  consequences: ['- Good: TODO', '- Bad: TODO'].join('\n'),
};

/** A flowchart an author edits rather than draws from nothing: client, balancer, service, cache, database. */
export function mermaidSkeleton(): string {
  return [
    '```mermaid',
    'flowchart LR',
    '    client[Client] --> lb[Load balancer]',
    '    lb --> svc[Service]',
    '    svc --> cache[(Cache)]',
    '    svc --> db[(Database)]',
    '```',
  ].join('\n');
}

export function prosConsSkeleton(): string {
  return ['- Pros: TODO', '- Cons: TODO', '- When to use: TODO'].join('\n');
}

export function optionsSkeleton(): string {
  return [
    '**Option A: TODO**',
    '',
    prosConsSkeleton(),
    '',
    '**Option B: TODO**',
    '',
    prosConsSkeleton(),
    '',
    '**Decision:** TODO, chosen over the alternative because TODO',
  ].join('\n');
}

/** A phase's body: its framework template, else the skeleton for its kind. */
export function phaseTemplate(phase: PhaseDef): string {
  if (phase.template && phase.template.trim() !== '') return phase.template.trimEnd();
  if (phase.kind === 'high-level-design') return mermaidSkeleton();
  if (phase.kind === 'trade-offs') return optionsSkeleton();
  return DEFAULT_TEMPLATES[phase.kind] ?? 'TODO';
}

