// Trade-off discussions without a section of their own, as authors write them in prose.
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parse';
import { findInlineTradeOffs } from '../../src/core/sections/inlineTradeOffs';

const at = (markdown: string) => findInlineTradeOffs(parseDocument(markdown))?.line;
const doc = (body: string) => `# Chat\n\n## Requirements\n\nUsers send messages.\n\n## Design\n\n${body}\n`;
const BODY_LINE = 8;

describe('trade-off discussions in place', () => {
  for (const line of [
    'The main trade-off is latency against cost.',
    'We considered a relational store but its write path would not keep up.',
    'We use a log instead of a queue because replays are cheap.',
    'Why not push? Celebrities have millions of followers.',
    'The downside is a second hop on every read.',
    'SQL or NoSQL, which fits better?',
    'We chose Kafka for its retention.',
    'There are two ways to assign IDs: a counter or a hash.',
    'There are many ways to tackle them like the following.',
    'Another way to do this would be to pre-generate the codes.',
    "We didn't use a CDN because most reads are private.",
    'For celebrities it does not make sense to fan out; rather, their posts are pulled at read time.',
    'Push vs pull: pull is cheaper for inactive users.',
    'Redis or Memcached: Redis, because it keeps sorted sets.',
    '一对一还是一对多映射？',
    'Under load we prefer a slight delay in execution over a total collapse.',
    'Both block and individual message compression were initially explored.',
    'Rather than following a push or pull strategy, we can do a hybrid approach.',
    'Compression at the block level provides significantly better ratios over compressing messages separately.',
    "Its better that we store all the image ids in the priority queue.",
  ]) {
    it(`finds ${JSON.stringify(line)}`, () => assert.equal(at(doc(line)), BODY_LINE, line));
  }

  it('pairs pros with cons and option 1 with option 2 at the first of them', () => {
    assert.equal(at(doc('Pros: simple.\n\nSome detail.\n\nCons: slow.')), BODY_LINE);
    assert.equal(at(doc('Option 1: a counter.\n\nOption 2: a hash of the URL.')), BODY_LINE);
  });

  it('finds sibling headings that are variants of one thing, not a numbered series', () => {
    assert.equal(at('# T\n\n## Hashing\n\n### Hash function - base 62\n\nA.\n\n### Hash function - MD5 prefix\n\nB.\n'), 4);
    assert.equal(at('# T\n\n## Design\n\n### Use case: upload\n\nA.\n\n### Use case: watch\n\nB.\n'), undefined);
    assert.equal(at('# T\n\n## Plan\n\n### Step 1 - collect\n\nA.\n\n### Step 2 - store\n\nB.\n'), undefined);
  });

  it('takes two names side by side only when nothing clearer is written, and then at the first', () => {
    const names = doc('Hot URLs are served from Redis or Memcache.\n\nLater: we chose Redis for its sorted sets.');
    assert.equal(at(names), BODY_LINE + 2, 'the clear choice wins over the mere mention');
    assert.equal(at(doc('Hot URLs are served from Redis or Memcache.')), BODY_LINE);
  });

  it('takes two names followed by the reason on the next line', () => {
    assert.equal(at(doc('* **Technology:** **NewSQL** or **Partitioned PostgreSQL**.\n* **Rationale:** status changes need ACID transactions.')), BODY_LINE);
  });

  it('reports the earliest discussion in document order, not the first section visited', () => {
    const markdown = '# T\n\n## Design\n\n### Store\n\nWe chose Postgres because joins matter.\n\n### Cache - read through\n\nA.\n\n### Cache - write behind\n\nB.\n';
    assert.equal(at(markdown), 6);
  });

  it('leaves plain prose, link lists and reference sections alone', () => {
    assert.equal(at(doc('Clients open a socket to the gateway, which writes to the log.')), undefined);
    assert.equal(at(doc('- [Kafka vs RabbitMQ](https://example.com/compare)')), undefined);
    assert.equal(at('# T\n\n## Design\n\nA log.\n\n## References\n\nWe considered many papers.\n'), undefined);
  });
});
