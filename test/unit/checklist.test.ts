import assert from 'node:assert/strict';
import { buildChecklist, isPlaceholderLine, realLines } from '../../src/core/checklist';
import { FrameworkRegistry } from '../../src/core/frameworks';
import { BUILT_IN_FRAMEWORKS } from '../../src/core/frameworks/builtins';
import { parseDocument } from '../../src/core/parse';
import type { ContentNeed, FrameworkDef, PhaseResult } from '../../src/core/types';

const registry = FrameworkRegistry.withBuiltIns();
const defaultFramework = registry.get('default')!;

function statuses(results: PhaseResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.phase.id, r.status]));
}

function byId(results: PhaseResult[], id: string): PhaseResult {
  const result = results.find((r) => r.phase.id === id);
  assert.ok(result, `no result for ${id}`);
  return result;
}

describe('buildChecklist statuses', () => {
  it('returns one result per phase in framework order', () => {
    const results = buildChecklist(parseDocument('# Nothing\n'), defaultFramework);
    assert.deepEqual(
      results.map((r) => r.phase.id),
      defaultFramework.phases.map((p) => p.id),
    );
    assert.ok(results.every((r) => r.status === 'missing' && r.section === undefined && r.checks.every((c) => !c.ok)));
  });

  it('tells present, empty and missing apart', () => {
    const doc = parseDocument(
      [
        '## Requirements',
        'Users can post short messages and follow each other.',
        '## Estimation',
        '## High-Level Design',
        '- TODO',
        '- TBD',
        '## Trade-offs',
        '...',
      ].join('\n\n'),
    );
    const results = buildChecklist(doc, defaultFramework);
    const s = statuses(results);
    assert.equal(s.requirements, 'present');
    assert.equal(s.estimation, 'empty');
    assert.equal(s['high-level-design'], 'empty');
    assert.equal(s['trade-offs'], 'empty');
    assert.equal(s['data-model'], 'missing');
    assert.equal(byId(results, 'requirements').line, 0);
    assert.equal(byId(results, 'estimation').line, 4);
  });

  it('counts placeholder prompts, bare labels and HTML comments as empty', () => {
    const fillers = [
      'TODO: write this',
      'Lorem ipsum dolor sit amet.',
      '<fill in>',
      '[placeholder]',
      'Describe the API here.',
      'Explain the main trade-offs...',
      '**Options**',
      'Pros: TBD',
      '<!-- guidance for the author -->',
      '```mermaid\n%% TODO: draw it\nflowchart LR\n  a --> b\n```',
      '| Decision | Options |\n| --- | --- |\n| TODO | TODO |',
    ];
    for (const filler of fillers) {
      const doc = parseDocument(`## Trade-offs\n\n${filler}\n`);
      assert.equal(byId(buildChecklist(doc, defaultFramework), 'trade-offs').status, 'empty', filler);
    }
  });

  it('counts content in sub-sections, including a phase found nested in another', () => {
    const doc = parseDocument(
      [
        '## Requirements',
        '### Functional',
        '- Riders can request a ride.',
        '## Deep Dive',
        '### API Design',
        '- `POST /rides` creates a ride request',
        '## Detailed notes',
      ].join('\n\n'),
    );
    const results = buildChecklist(doc, defaultFramework);
    assert.equal(byId(results, 'requirements').status, 'present');
    const api = byId(results, 'api');
    assert.equal(api.status, 'present');
    assert.equal(api.section?.title, 'API Design');
    assert.deepEqual(api.checks.find((c) => c.id === 'endpoints'), { id: 'endpoints', title: 'Endpoints listed', ok: true, line: 10 });
    // The deep dive heading is found, but its only content belongs to the API phase.
    const deep = byId(results, 'deep-dive');
    assert.equal(deep.status, 'empty');
    assert.equal(deep.line, 6);
  });

  it('takes the first section of a phase, lists the others, and is present when any of them has content', () => {
    const doc = parseDocument(
      ['## Trade-offs', '', '## Requirements', 'Real text.', '## Alternatives considered', 'SQL vs NoSQL: we pick SQL.'].join('\n'),
    );
    const trade = byId(buildChecklist(doc, defaultFramework), 'trade-offs');
    assert.equal(trade.section?.title, 'Trade-offs');
    assert.equal(trade.status, 'present', 'the alternatives section has content');
    assert.deepEqual(
      trade.duplicates.map((d) => d.title),
      ['Alternatives considered'],
    );
    assert.deepEqual(trade.repeats ?? [], [], 'two different headings of one part are not a repeat');
    assert.equal(trade.checks.find((c) => c.id === 'options')?.ok, true, 'sub-checks look at every section');
  });

  it('lists a heading written twice under one parent as a repeat', () => {
    const doc = parseDocument(['## Data model', 'Users table.', '## API', 'GET /x', '## Data model', 'Posts table.'].join('\n'));
    const data = byId(buildChecklist(doc, defaultFramework), 'data-model');
    assert.deepEqual((data.repeats ?? []).map((s) => s.line), [4]);
  });

  it('finds a data model defined where it is used: a typed column list with a key, in a plain fence', () => {
    const columns = ['```', 'shortlink char(7) NOT NULL', 'created_at datetime NOT NULL', 'paste_path varchar(255) NOT NULL', 'PRIMARY KEY(shortlink)', '```'];
    const doc = parseDocument(['## Deep dive', '', 'The `pastes` table could look like this:', '', ...columns, ''].join('\n'));
    const data = byId(buildChecklist(doc, defaultFramework), 'data-model');
    assert.equal(data.status, 'present');
    assert.equal(data.inline?.line, 4);
    assert.match(data.reason ?? '', /defined in place, line 5/);
    // Code that only mentions types, and a list without any key or constraint, are no table.
    for (const code of [['```', 'let x: int = 1', 'print(x)', '```'], ['```', 'id int', 'name text', '```']]) {
      const other = byId(buildChecklist(parseDocument(['## Deep dive', '', ...code, ''].join('\n')), defaultFramework), 'data-model');
      assert.equal(other.status, 'missing', code.join(' '));
    }
  });

  for (const framework of BUILT_IN_FRAMEWORKS) {
    it(`${framework.id}: each phase title finds its own phase, and its template leaves it empty`, () => {
      for (const phase of framework.phases) {
        const doc = parseDocument(`# Doc\n\n## ${phase.title}\n\n${phase.template ?? ''}\n## Unrelated notes\n\nHello.\n`);
        const result = byId(buildChecklist(doc, framework), phase.id);
        assert.equal(result.section?.title, phase.title, `${framework.id}/${phase.id} title does not match its phase`);
        assert.equal(result.status, 'empty', `${framework.id}/${phase.id} template counts as content`);
        assert.deepEqual(
          result.checks.filter((c) => c.ok).map((c) => c.id),
          [],
          `${framework.id}/${phase.id} template satisfies a sub-check`,
        );
      }
    });
  }
});

describe('content detectors', () => {
  const ALL_NEEDS: ContentNeed[] = [
    'functional-requirements', 'non-functional-requirements', 'clarifying-questions', 'assumptions', 'numbers',
    'endpoints', 'pagination', 'schema', 'primary-keys', 'indexes', 'diagram', 'components', 'performance',
    'edge-cases', 'failures', 'bottlenecks', 'cache-strategy', 'latency-percentiles', 'error-rate', 'alerts',
    'options', 'pros-cons',
  ];
  const probe: FrameworkDef = {
    id: 'probe',
    title: 'Probe',
    description: 'One phase that needs everything.',
    phases: [{ id: 'notes', title: 'Notes', kind: 'deep-dive', headings: ['notes'], required: true, needs: ALL_NEEDS }],
  };
  function okNeeds(body: string): string[] {
    const [result] = buildChecklist(parseDocument(`## Notes\n\n${body}\n`), probe);
    return result.checks.filter((c) => c.ok).map((c) => c.id);
  }

  const positives: Array<[ContentNeed, string]> = [
    ['functional-requirements', '- Users can upload photos.\n- Users can follow friends.'],
    ['non-functional-requirements', 'Non-functional: the feed must feel instant.'],
    ['non-functional-requirements', '- Availability of 99.9%\n- Latency under 200 ms'],
    ['clarifying-questions', '- Is this mobile only?\n- How long do we keep messages?'],
    ['clarifying-questions', '### Questions for the interviewer\n\nScope first.'],
    ['assumptions', 'We assume reads outnumber writes.'],
    ['numbers', '10M DAU, 5 posts each per day.'],
    ['numbers', '```estimate\nwrites = 50M / 86400 s\n```'],
    ['numbers', '网页总数大概是 45亿。'],
    ['numbers', 'At most $${62}^7=3521614606208$$ URLs.'],
    ['endpoints', '- GET /v1/feed returns the feed'],
    ['endpoints', '| POST | /v1/posts |\n| --- | --- |\n| a | b |'],
    ['pagination', 'Results come back 20 at a time with a next_cursor.'],
    ['schema', '```sql\nCREATE TABLE users (id BIGINT PRIMARY KEY);\n```'],
    ['schema', '| Field | Type |\n| --- | --- |\n| id | bigint |'],
    ['primary-keys', 'The composite key is (user_id, post_id).'],
    ['indexes', 'Add an index on created_at for the timeline query.'],
    ['diagram', '```mermaid\nflowchart LR\n  a --> b\n```'],
    ['diagram', '![overview](./arch.png)'],
    ['diagram', '```\n[Client] -> [LB] -> [App]\n[App] -> [DB]\n```'],
    ['components', 'A load balancer in front of stateless app servers, a Redis cache and Postgres database.'],
    ['performance', 'Throughput tops out at 5k writes per node.'],
    ['edge-cases', 'Celebrity accounts with 50M followers need special handling.'],
    ['failures', 'If the primary dies, a replica is promoted.'],
    ['bottlenecks', 'The single write master is the bottleneck.'],
    ['cache-strategy', 'Cache-aside with a 10 minute TTL.'],
    ['latency-percentiles', 'Keep p99 under 300 ms.'],
    ['error-rate', 'Watch the 5xx error rate per endpoint.'],
    ['error-rate', 'Alert when more than 1% of sends fail.'],
    ['error-rate', 'Page on-call if 0.5 % of requests time out.'],
    ['alerts', 'Alert when the queue lag exceeds five minutes.'],
    ['options', 'Kafka vs SQS for the event bus.'],
    ['options', '- Option A: push on write\n- Option B: pull on read'],
    ['pros-cons', 'Pros: simple. Cons: slow reads.'],
    ['pros-cons', 'Fan-out on write gives fast reads at the cost of slow writes.'],
  ];
  for (const [need, body] of positives) {
    it(`${need} is found in ${JSON.stringify(body.slice(0, 40))}`, () => {
      assert.ok(okNeeds(body).includes(need), `got ${okNeeds(body).join(', ')}`);
    });
  }

  const negatives: Array<[ContentNeed, string]> = [
    ['functional-requirements', 'Non-functional requirements only: fast and durable.'],
    ['clarifying-questions', 'GET /items?limit=10 and /items?page=2 are endpoints, not questions.'],
    ['numbers', 'We have 3 services.'],
    ['error-rate', 'About 20% of users send photos.'],
    ['numbers', 'Planned for 2025.'],
    ['endpoints', 'We get the post and put it in the cache.'],
    ['schema', 'We store users and posts in a database.'],
    ['diagram', '```js\nconst a = b -> c;\n```'],
    ['diagram', 'Clients call the load balancer, which calls app servers.'],
    ['components', 'It is a service.'],
    ['latency-percentiles', 'It should be fast (P is for performance, 99 problems).'],
    ['options', 'We use Postgres.'],
    ['pros-cons', 'Postgres is a good fit.'],
  ];
  for (const [need, body] of negatives) {
    it(`${need} is not claimed for ${JSON.stringify(body.slice(0, 40))}`, () => {
      assert.ok(!okNeeds(body).includes(need));
    });
  }

  it('counts options written as bold labels, with or without the name inside the emphasis', () => {
    const option = (a: string, b: string) => `${a}\n- Pros: joins\n- Cons: sharding\n\n${b}\n- Pros: writes\n- Cons: no joins`;
    assert.ok(okNeeds(option('**Option A: PostgreSQL**', '**Option B: Cassandra**')).includes('options'));
    assert.ok(okNeeds(option('**Option A:** PostgreSQL', '**Option B:** Cassandra')).includes('options'));
    // A bare template label is still a placeholder, not an option.
    assert.ok(!okNeeds('**Option A:**\n\n**Option B:**').includes('options'));
  });

  it('reports the line of the evidence and uses our own titles', () => {
    const [result] = buildChecklist(parseDocument('## Notes\n\nIntro.\n\n- Keep p95 under 100 ms\n'), probe);
    const check = result.checks.find((c) => c.id === 'latency-percentiles');
    assert.deepEqual(check, { id: 'latency-percentiles', title: 'Latency percentiles tracked', ok: true, line: 4 });
    assert.ok(result.checks.every((c) => c.title.length > 5 && (c.ok || c.line === undefined)));
  });

  it('ignores evidence inside placeholders', () => {
    assert.deepEqual(okNeeds('- TODO: p99 latency, alert on error rate, GET /x'), []);
  });

  it('reads long repetitive input (number runs, bracket runs, question marks) correctly', () => {
    const body = `${'1,000,000,000 '.repeat(2000)}\n\n${'[a] '.repeat(5000)}\n\n${'?'.repeat(10000)}`;
    assert.ok(okNeeds(body).includes('numbers'));
  });
});

describe('placeholder lines', () => {
  // The fast paths skip markup stripping and whole-text patterns by the first character: these are the edges.
  const placeholders = [
    '', '   ', 'TODO', 'todo: later', 'T_B_D', '**TBD**', '`FIXME`', '~~wip~~', '> TODO', '>', '*> tbd*', '...', '…', '— — —',
    '- - -', '<fill in>', '[your numbers]', '{name}', 'Describe the write path here.', 'List the endpoints...',
    '**Functional requirements**', '_Options:_', 'Latency target:', 'Pros: TBD', 'Cons: ...', 'Owner: <name>',
    'Lorem ipsum dolor', 'placeholder text', 'XXX', 'Fill in the numbers…',
  ];
  const real = [
    'The cache holds hot keys.', 'Option A: PostgreSQL', '**Option A: PostgreSQL**', '99.9% uptime', 'Étude: done',
    '`code` runs here', 'Todos are stored per user.', 'Describe endpoints return JSON.', 'Latency target: 200 ms p99',
    '[link](https://example.com) explains it', 'x', 'tbdx is a word', 'Pros: cheap', '"quoted" text', '-> arrow',
  ];
  for (const line of placeholders) it(`'${line}' is a placeholder`, () => assert.equal(isPlaceholderLine(line), true));
  for (const line of real) it(`'${line}' is real`, () => assert.equal(isPlaceholderLine(line), false));
});

describe('realLines', () => {
  const blocksOf = (text: string) => parseDocument(text).sections.flatMap((s) => s.blocks);

  it('keeps real lines of a paragraph with their document lines and drops the rest', () => {
    const [block] = blocksOf('## A\n\nTODO\nWrites go to the log.\n...\nReads hit the cache.\n');
    assert.deepEqual(realLines(block), [
      { text: 'Writes go to the log.', line: 3 },
      { text: 'Reads hit the cache.', line: 5 },
    ]);
  });

  it('keeps real list items, table rows (with the header first) and non-blank code lines', () => {
    const [list, table, code] = blocksOf(
      '## A\n\n- TBD\n- Users post photos\n\n| Field | Type |\n| --- | --- |\n| TODO | ... |\n| id | bigint |\n\n```\n\nSELECT 1;\n\n  FROM t;\n```\n',
    );
    assert.deepEqual(realLines(list), [{ text: 'Users post photos', line: 3 }]);
    assert.deepEqual(realLines(table), [
      { text: 'Field | Type', line: 5 },
      { text: 'id | bigint', line: 8 },
    ]);
    assert.deepEqual(realLines(code), [
      { text: 'SELECT 1;', line: 12 },
      { text: '  FROM t;', line: 14 },
    ]);
  });

  it('finds nothing in skeleton blocks, and counts an image line as real', () => {
    const [skeleton, todoCode, image] = blocksOf('## A\n\n- TODO\n- ...\n\n```mermaid\n%% TODO\ngraph LR\n```\n\n![Architecture](arch.png)\n');
    assert.deepEqual(realLines(skeleton), []);
    assert.deepEqual(realLines(todoCode), []);
    assert.deepEqual(realLines(image), [{ text: '![Architecture](arch.png)', line: 10 }]);
  });
});
