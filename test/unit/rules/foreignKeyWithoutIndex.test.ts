import assert from 'node:assert/strict';
import { foreignKeyWithoutIndex } from '../../../src/core/rules/foreignKeyWithoutIndex';
import { applyFix, run, textAt } from './helpers';

const fence = (sql: string) => `# Schema\n\n\`\`\`sql\n${sql}\n\`\`\`\n`;

const TWEETS = [
  'CREATE TABLE users (id BIGINT PRIMARY KEY);',
  'CREATE TABLE tweets (',
  '  id BIGINT PRIMARY KEY,',
  '  user_id BIGINT NOT NULL REFERENCES users (id),',
  '  body TEXT',
  ');',
].join('\n');

describe('SD007 foreign-key-without-index', () => {
  it('flags an inline REFERENCES column with no index, on the column name', () => {
    const doc = fence(TWEETS);
    const findings = run(foreignKeyWithoutIndex, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'user_id');
    assert.equal(findings[0].range.start.line, 6);
    assert.match(findings[0].message, /tweets\.user_id \(references users\)/);
  });

  it('flags table-constraint foreign keys, each column of a composite key the index does not lead with', () => {
    const sql = [
      'CREATE TABLE follows (',
      '  follower_id BIGINT, followee_id BIGINT,',
      '  PRIMARY KEY (follower_id, followee_id),',
      '  FOREIGN KEY (follower_id) REFERENCES users (id),',
      '  CONSTRAINT fk_followee FOREIGN KEY (followee_id) REFERENCES users (id)',
      ');',
    ].join('\n');
    const doc = fence(sql);
    const findings = run(foreignKeyWithoutIndex, doc);
    assert.deepEqual(
      findings.map((f) => textAt(doc, f.range)),
      ['followee_id'],
    );
    assert.equal(findings[0].range.start.line, 7, 'points at the column inside FOREIGN KEY (...)');
  });

  it('reads a composite foreign key as one key: an index leading with its first column serves it', () => {
    const covered = fence([
      'CREATE TABLE order_lines (order_id BIGINT, line_no INT, PRIMARY KEY (order_id, line_no));',
      'CREATE TABLE shipments (',
      '  id BIGINT PRIMARY KEY, order_id BIGINT, line_no INT,',
      '  FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)',
      ');',
      'CREATE INDEX idx_ship_line ON shipments (order_id, line_no);',
    ].join('\n'));
    assert.deepEqual(run(foreignKeyWithoutIndex, covered), [], 'the second column is never reported on its own');
    const bare = fence([
      'CREATE TABLE shipments (',
      '  id BIGINT PRIMARY KEY, order_id BIGINT, line_no INT,',
      '  FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)',
      ');',
    ].join('\n'));
    const findings = run(foreignKeyWithoutIndex, bare);
    assert.equal(findings.length, 1);
    assert.equal(textAt(bare, findings[0].range), 'order_id');
    assert.match(findings[0].message, /shipments\.\(order_id, line_no\).*Add an index on \(order_id, line_no\)/);
    assert.deepEqual(run(foreignKeyWithoutIndex, applyFix(bare, findings[0])), [], 'the fix indexes both columns');
  });

  it('accepts a CREATE INDEX elsewhere in the document, MySQL inline KEY/INDEX and UNIQUE', () => {
    const doc =
      fence(TWEETS) +
      '\nLater:\n\n```sql\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON tweets USING btree (user_id, id);\n```\n' +
      fence(
        [
          'CREATE TABLE likes (id INT PRIMARY KEY, tweet_id INT REFERENCES tweets(id), user_id INT REFERENCES users(id),',
          '  KEY idx_tweet (tweet_id), UNIQUE (user_id, tweet_id));',
          'CREATE TABLE s (id INT PRIMARY KEY, owner_id INT, FOREIGN KEY (owner_id) REFERENCES users(id), INDEX (owner_id));',
          'CREATE TABLE one (user_id INT PRIMARY KEY REFERENCES users(id));',
        ].join('\n'),
      );
    assert.deepEqual(run(foreignKeyWithoutIndex, doc), []);
  });

  it('does not count an index whose leading column is another column', () => {
    const doc = fence(TWEETS + '\nCREATE INDEX idx_t ON tweets (created_at, user_id);');
    assert.equal(run(foreignKeyWithoutIndex, doc).length, 1);
  });

  it('checks foreign keys added by ALTER TABLE', () => {
    const doc = fence('CREATE TABLE a (id INT PRIMARY KEY, b_id INT);\nALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b_id) REFERENCES b (id);');
    const findings = run(foreignKeyWithoutIndex, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'b_id');
  });

  it('does not mistake a column named key for an index', () => {
    const doc = fence('CREATE TABLE kv (id INT PRIMARY KEY, key VARCHAR(255), owner INT REFERENCES users (id));');
    assert.equal(run(foreignKeyWithoutIndex, doc).length, 1);
  });

  it('fix appends a CREATE INDEX after the statement, which silences the rule', () => {
    const doc = fence(TWEETS);
    const [finding] = run(foreignKeyWithoutIndex, doc);
    assert.equal(finding.fix?.title, 'Add index on tweets (user_id)');
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('  body TEXT\n);\nCREATE INDEX idx_tweets_user_id ON tweets (user_id);\n```'), fixed);
    assert.deepEqual(run(foreignKeyWithoutIndex, fixed), []);
  });
});

describe('SD007 in a fence nested in a list item', () => {
  it('keeps the inserted CREATE INDEX inside the fence, at its indentation', () => {
    const doc = '# S\n\n- Schema:\n\n  ```sql\n  CREATE TABLE t (id INT PRIMARY KEY, u_id INT REFERENCES u(id));\n  ```\n';
    const [finding] = run(foreignKeyWithoutIndex, doc);
    assert.equal(textAt(doc, finding.range), 'u_id');
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('REFERENCES u(id));\n  CREATE INDEX idx_t_u_id ON t (u_id);\n  ```'), fixed);
    assert.deepEqual(run(foreignKeyWithoutIndex, fixed), []);
  });
});
