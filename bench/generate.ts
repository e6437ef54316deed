// Builds realistic system design documents of a target size from a seed: same seed, same bytes.
// Every phase appears once with a varied heading; the document then grows by adding sub-sections to
// the phases in turn, so a 1 MB document keeps the mix of a 10 KB one (prose, lists, tables, SQL,
// Mermaid, estimate fences, prose estimates, endpoint lists).
import { createRng, type Rng } from './prng';

const SYSTEMS = ['Chat Service', 'Photo Sharing', 'URL Shortener', 'News Feed', 'Ride Matching', 'Payments Ledger'];
const ENTITIES = ['user', 'message', 'channel', 'photo', 'comment', 'order', 'ride', 'invoice', 'session', 'device'];
const COMPONENTS = ['Gateway', 'Fan-out Worker', 'Search Indexer', 'Presence Tracker', 'Media Store', 'Billing Job', 'Rate Limiter', 'Notifier'];
const STORES = ['PostgreSQL', 'Cassandra', 'Redis', 'S3', 'Kafka', 'Elasticsearch', 'DynamoDB'];

const SENTENCES = [
  'The write path stays synchronous only until the record is durable; everything after that is queued.',
  'We keep the hot set in memory and let cold rows fall back to the primary store.',
  'Clients retry with exponential backoff and a jitter of up to one second.',
  'Each region owns its shard range, so a regional outage only affects the users homed there.',
  'Reads outnumber writes by roughly fifty to one, which is why the read replicas carry most traffic.',
  'The queue decouples producers from consumers and absorbs bursts during peak hours.',
  'A consistent-hash ring spreads keys across cache nodes and limits reshuffling when a node leaves.',
  'Idempotency keys let the API accept duplicate submissions without double-charging anyone.',
  'Backfills run at low priority and pause automatically when replication lag grows.',
  'We accept eventual consistency for counters but require strong consistency for balances.',
  'Timeouts are set per dependency, below the caller’s own deadline, so failures surface early.',
  'The **leader** handles writes while `followers` serve reads within a bounded staleness window.',
  'Large payloads go to object storage and only a pointer travels through the [message bus](#high-level-design).',
];

/** Heading phrasings per phase, as different authors write them. */
const PHASE_HEADINGS: Record<string, string[]> = {
  requirements: ['Requirements', '1. Requirements Clarification', 'Step 1: Clarify the Problem & Scope', 'Functional and Non-Functional Requirements', 'Phase 1 - Scope'],
  estimation: ['Back-of-the-Envelope Estimation', '2. Capacity Estimates', 'Step 2: Estimate Scale', 'Capacity Planning', 'Estimations'],
  api: ['API Design', '3. System Interface', 'Step 3: Define the APIs', 'Endpoints', 'Interface Definition'],
  'data-model': ['Data Model', '4. Database Schema', 'Step 4: Data Model & Schema', 'Storage Schema', 'Database Design'],
  'high-level-design': ['High-Level Design', '5. Architecture Overview', 'Step 5: High-Level Architecture', 'System Architecture', 'Overall Design'],
  'deep-dive': ['Deep Dive', '6. Detailed Design', 'Step 6: Component Deep Dive', 'Detailed Component Design', 'Design Deep Dive'],
  caching: ['Caching', '7. Caching Strategy', 'Cache Layer', 'Step 7: Caching'],
  scaling: ['Scaling', '8. Scaling the Design', 'Scalability', 'Step 8: Scale Out'],
  reliability: ['Reliability', 'Fault Tolerance', '9. Failure Handling', 'Availability & Reliability'],
  security: ['Security', '10. Security Considerations', 'Privacy and Security'],
  monitoring: ['Monitoring', '11. Observability', 'Monitoring & Alerting', 'Metrics and Alerts'],
  'trade-offs': ['Trade-offs', '12. Trade-offs & Alternatives', 'Design Decisions', 'Alternatives Considered'],
  'wrap-up': ['Wrap-up', 'Summary', '13. Conclusion', 'Next Steps'],
};

type Chunk = (rng: Rng, n: number) => string;

const sentence = (rng: Rng) => rng.pick(SENTENCES);
const prose = (rng: Rng, count: number) => Array.from({ length: count }, () => sentence(rng)).join(' ');
const entity = (rng: Rng) => rng.pick(ENTITIES);
const an = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

const CHUNKS: Record<string, Chunk> = {
  requirements: (rng, n) =>
    [
      `### Functional requirements${n ? ` (area ${n})` : ''}`,
      '',
      ...Array.from({ length: rng.int(3, 6) }, () => `- Users can ${rng.pick(['create', 'list', 'delete', 'share', 'search'])} ${an(entity(rng))}`),
      '',
      '### Non-functional requirements',
      '',
      `- p99 latency under ${rng.pick([100, 200, 300])} ms for reads`,
      `- ${rng.pick(['99.9', '99.95', '99.99'])}% availability`,
      '- Eventual consistency is acceptable for feeds',
      '',
      '### Clarifying questions',
      '',
      '1. How many daily active users at launch and in two years?',
      '2. Is the workload read-heavy or write-heavy?',
      '',
      `Assumption: ${prose(rng, 1)}`,
    ].join('\n'),

  estimation: (rng, n) => {
    const dau = rng.int(2, 90);
    const per = rng.int(2, 40);
    const size = rng.pick([200, 500, 1, 2]);
    const unit = size < 10 ? 'KB' : 'B';
    const writes = (dau * 1e6 * per) / 86400;
    const wrong = rng.chance(0.3);
    const claim = Math.round(wrong ? writes * 3 : writes);
    const thing = entity(rng);
    return [
      `### Traffic${n ? ` for workload ${n}` : ''}`,
      '',
      '```estimate',
      `DAU${n} = ${dau}M users`,
      `writes${n} = DAU${n} × ${per} / day ≈ ${claim.toLocaleString('en-US')} /s`,
      `peak${n} = writes${n} × 2`,
      `storage${n} = DAU${n} × ${per} × ${size} ${unit} × 365 ≈ ${rng.int(1, 90)} TB`,
      `servers${n} = peak${n} / 1000 rps`,
      '```',
      '',
      `- ${dau}M DAU × ${per} ${thing}s/day = ${dau * per}M ${thing}s/day`,
      `- ${(dau * per).toLocaleString('en-US')},000,000 / 86,400 ≈ ${Math.round(writes).toLocaleString('en-US')} writes per second`,
      `- Bandwidth: ${Math.round(writes)} req/s × ${size} ${unit} ≈ ${rng.int(1, 50)} MB/s`,
      '',
      prose(rng, 2),
    ].join('\n');
  },

  api: (rng, n) => {
    const e = entity(rng);
    return [
      `### ${e[0].toUpperCase()}${e.slice(1)} endpoints${n ? ` v${n}` : ''}`,
      '',
      `- \`POST /v1/${e}s\` creates ${an(e)} and returns its id`,
      `- \`GET /v1/${e}s/{id}\` reads one ${e}`,
      `- \`GET /v1/${e}s?cursor={token}&limit=50\` lists ${e}s with cursor pagination`,
      `- \`DELETE /v1/${e}s/{id}\` removes it (idempotent)`,
      '',
      '| Method | Path | Notes |',
      '| --- | --- | --- |',
      `| PUT | \`/v1/${e}s/{id}\` | full replace, needs \`If-Match\` |`,
      `| PATCH | \`/v1/${e}s/{id}\` | partial update |`,
      `| GET | \`/v1/users/{id}/${e}s\` | newest first, page size ≤ 100 |`,
      '',
      'Errors use `429` when rate limited and `409` on version conflicts.',
    ].join('\n');
  },

  'data-model': (rng, n) => {
    const e = entity(rng);
    const t = `${e}s${n || ''}`;
    return [
      `### Table \`${t}\``,
      '',
      '```sql',
      `CREATE TABLE ${t} (`,
      '  id BIGINT PRIMARY KEY,',
      '  owner_id BIGINT NOT NULL REFERENCES users(id),',
      `  body ${rng.pick(['TEXT', 'JSONB', 'VARCHAR(2000)'])} NOT NULL,`,
      '  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),',
      '  version INT NOT NULL DEFAULT 1',
      ');',
      `CREATE INDEX ${t}_owner_created ON ${t} (owner_id, created_at DESC);`,
      '```',
      '',
      `Stored in ${rng.pick(STORES)}; partitioned by \`owner_id\`. ${sentence(rng)}`,
    ].join('\n');
  },

  'high-level-design': (rng, n) => {
    const c = rng.pick(COMPONENTS);
    return [
      `### ${c} flow${n ? ` ${n}` : ''}`,
      '',
      '```mermaid',
      'flowchart LR',
      '  Client[Mobile / Web] --> LB[Load Balancer]',
      `  LB --> API[API Service]`,
      `  API --> Cache[(Redis)]`,
      `  API --> DB[(${rng.pick(STORES)})]`,
      `  API --> Q[[Queue]] --> W[${c}]`,
      `  W --> Store[(Object Store)]`,
      '```',
      '',
      '- **Load balancer** spreads traffic over stateless API nodes',
      `- **${c}** consumes the queue and writes results`,
      '- **Cache** holds the hot reads',
      '',
      prose(rng, 2),
    ].join('\n');
  },

  'deep-dive': (rng, n) =>
    [
      `### ${rng.pick(COMPONENTS)}${n ? ` (part ${n})` : ''}`,
      '',
      prose(rng, rng.int(3, 6)),
      '',
      '1. Accept the request and validate it',
      '2. Write to the log, then acknowledge',
      '3. Fan out asynchronously',
      '   - retry with backoff',
      '   - send to the dead-letter queue after 5 attempts',
      '',
      `> Edge case: ${sentence(rng)}`,
      '',
      prose(rng, rng.int(2, 4)),
    ].join('\n'),

  caching: (rng, n) =>
    [
      `### Cache keys${n ? ` ${n}` : ''}`,
      '',
      '| Key | TTL | Strategy |',
      '| --- | --- | --- |',
      `| \`${entity(rng)}:{id}\` | ${rng.int(1, 60)} min | cache-aside |`,
      `| \`feed:{user}\` | ${rng.int(10, 120)} s | write-through |`,
      `| \`count:{id}\` | 1 h | write-behind |`,
      '',
      `Hit ratio target ≈ ${rng.int(80, 99)}%. Invalidation on write; ${sentence(rng)}`,
    ].join('\n'),

  scaling: (rng, n) =>
    [
      `### Scaling ${rng.pick(STORES)}${n ? ` ${n}` : ''}`,
      '',
      `- Shard by \`${entity(rng)}_id\` into ${rng.pick([16, 64, 256])} logical shards`,
      '- Add read replicas per region',
      '- Autoscale API nodes on CPU above 60%',
      '',
      `Bottleneck: ${sentence(rng)}`,
    ].join('\n'),

  reliability: (rng, n) =>
    [
      `### Failure modes${n ? ` ${n}` : ''}`,
      '',
      '- A cache node fails: clients fall through to the database with a circuit breaker',
      '- The primary fails: a replica is promoted within 30 s',
      `- A region fails: ${sentence(rng)}`,
      '',
      'Single points of failure: none after the standby load balancer.',
    ].join('\n'),

  security: (rng, n) =>
    [
      `### Access control${n ? ` ${n}` : ''}`,
      '',
      '- OAuth 2 tokens, 15 min lifetime',
      '- TLS everywhere; data encrypted at rest',
      `- Per-user rate limit of ${rng.int(10, 100)} req/s`,
    ].join('\n'),

  monitoring: (rng, n) =>
    [
      `### Dashboards${n ? ` ${n}` : ''}`,
      '',
      '| Metric | Target | Alert |',
      '| --- | --- | --- |',
      `| p50 / p95 / p99 latency | 40 / 120 / ${rng.int(150, 400)} ms | page when p99 > SLO for 5 min |`,
      `| error rate | < ${rng.pick(['0.1', '0.5', '1'])}% | page above 2% |`,
      '| queue lag | < 10 s | ticket above 60 s |',
    ].join('\n'),

  'trade-offs': (rng, n) =>
    [
      `### ${rng.pick(['Push vs pull', 'SQL vs NoSQL', 'Sync vs async', 'Cache-aside vs write-through'])}${n ? ` ${n}` : ''}`,
      '',
      '| Option | Pros | Cons |',
      '| --- | --- | --- |',
      '| A | simple, cheap | slow reads |',
      '| B | fast reads | write amplification |',
      '',
      `We choose B because ${sentence(rng).toLowerCase()}`,
    ].join('\n'),

  'wrap-up': (rng, n) =>
    [
      `### Open questions${n ? ` ${n}` : ''}`,
      '',
      `- [ ] ${sentence(rng)}`,
      `- [x] ${sentence(rng)}`,
    ].join('\n'),
};

const PHASES = Object.keys(PHASE_HEADINGS);

export function generateDoc(targetBytes: number, seed: number): string {
  const rng = createRng(seed);
  const system = rng.pick(SYSTEMS);
  const head = ['---', `title: ${system}`, 'status: draft', '---', '', `# ${system} design`, '', prose(rng, 2), ''].join('\n');
  const bodies = PHASES.map((phase) => [CHUNKS[phase](rng, 0)]);
  let size = head.length + bodies.reduce((sum, chunks) => sum + chunks[0].length + 40, 0);
  for (let round = 1; size < targetBytes; round++) {
    for (let p = 0; p < PHASES.length && size < targetBytes; p++) {
      const chunk = CHUNKS[PHASES[p]](rng, round);
      bodies[p].push(chunk);
      size += chunk.length + 2;
    }
  }
  const parts = PHASES.map((phase, p) => [`## ${rng.pick(PHASE_HEADINGS[phase])}`, '', bodies[p].join('\n\n'), ''].join('\n'));
  return `${head}\n${parts.join('\n')}`;
}

/** A one-character edit inside a prose line (what typing does), at a seeded position. */
export function oneCharEdit(text: string, seed: number): string {
  const rng = createRng(seed);
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (/^[A-Z][a-z]/.test(line) && line.length > 20) lineStarts.push(at + Math.floor(line.length / 2));
    at += line.length + 1;
  }
  const pos = rng.pick(lineStarts);
  return text.slice(0, pos) + 'x' + text.slice(pos);
}

/**
 * A one-digit change inside an estimate fence (what typing in an estimate line does). Its text is new
 * to any cache keyed on estimate lines, so analyzing it does the estimator's work from scratch.
 */
export function estimateDigitEdit(text: string, seed: number): string {
  const rng = createRng(seed);
  const digits: number[] = [];
  let inFence = false;
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = line === '```estimate';
    else if (inFence) for (let i = 0; i < line.length; i++) if (/\d/.test(line[i])) digits.push(at + i);
    at += line.length + 1;
  }
  const pos = rng.pick(digits);
  const next = String((Number(text[pos]) + 1 + rng.int(0, 7)) % 10);
  return text.slice(0, pos) + next + text.slice(pos + 1);
}
