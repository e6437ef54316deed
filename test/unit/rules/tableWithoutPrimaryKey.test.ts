import assert from 'node:assert/strict';
import { tableWithoutPrimaryKey } from '../../../src/core/rules/tableWithoutPrimaryKey';
import { tokenizeSql } from '../../../src/core/rules/util/sqlTokens';
import { applyFix, run, textAt } from './helpers';

const fence = (sql: string, lang = 'sql') => `# Schema\n\n\`\`\`${lang}\n${sql}\n\`\`\`\n`;

describe('SD006 table-without-primary-key', () => {
  it('flags a table without any key, on the table name', () => {
    const doc = fence('CREATE TABLE follows (\n  follower_id BIGINT,\n  followee_id BIGINT\n);');
    const findings = run(tableWithoutPrimaryKey, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'follows');
    assert.deepEqual(findings[0].range.start, { line: 3, character: 13 });
    assert.match(findings[0].message, /follows has no primary key/);
  });

  it('accepts inline, table-constraint, named, composite and ALTER TABLE primary keys', () => {
    const sql = [
      'CREATE TABLE a (id BIGINT PRIMARY KEY, name TEXT);',
      'CREATE TABLE b (id INT NOT NULL, PRIMARY KEY (id));',
      'CREATE TABLE c (x INT, y INT, CONSTRAINT pk_c PRIMARY KEY (x, y));',
      'CREATE TABLE IF NOT EXISTS public."D" ("id" INT);',
      'ALTER TABLE public."D" ADD CONSTRAINT pk_d PRIMARY KEY ("id");',
      'CREATE TABLE e AS SELECT * FROM a;',
    ].join('\n');
    assert.deepEqual(run(tableWithoutPrimaryKey, fence(sql)), []);
  });

  it('is not fooled by comments, strings and quoted identifiers that mention primary key', () => {
    const sql = [
      '-- id BIGINT PRIMARY KEY',
      'CREATE TABLE t ( /* PRIMARY KEY (x) */',
      "  note TEXT DEFAULT 'primary key',",
      '  "primary key" TEXT',
      ');',
    ].join('\n');
    const findings = run(tableWithoutPrimaryKey, fence(sql));
    assert.equal(findings.length, 1);
  });

  it('reads unlabelled fences that contain CREATE TABLE, and ignores other languages', () => {
    assert.equal(run(tableWithoutPrimaryKey, fence('create table t (a int);', '')).length, 1);
    assert.equal(run(tableWithoutPrimaryKey, fence('create table t (a int);', 'python')).length, 0);
    assert.equal(run(tableWithoutPrimaryKey, fence('create table t (a int);', 'postgresql')).length, 1);
  });

  it('survives broken SQL without throwing', () => {
    for (const sql of ['CREATE TABLE (', 'CREATE TABLE t (a INT, ', "CREATE TABLE t (a TEXT DEFAULT 'x", ')))(((;;', 'CREATE TABLE t (a INT /* open']) {
      assert.doesNotThrow(() => run(tableWithoutPrimaryKey, fence(sql)));
    }
    assert.equal(run(tableWithoutPrimaryKey, fence('CREATE TABLE t (a INT, ')).length, 1);
  });

  it('fix adds an id column first, keeping the indentation of a multi-line definition', () => {
    const doc = fence('CREATE TABLE follows (\n  follower_id BIGINT,\n  followee_id BIGINT\n);');
    const fixed = applyFix(doc, run(tableWithoutPrimaryKey, doc)[0]);
    assert.ok(fixed.includes('CREATE TABLE follows (\n  id BIGINT PRIMARY KEY,\n  follower_id BIGINT,'), fixed);
    assert.deepEqual(run(tableWithoutPrimaryKey, fixed), []);
  });

  it('fix adds PRIMARY KEY (id) when an id column exists', () => {
    const doc = fence('CREATE TABLE t (id INT, name TEXT);');
    const [finding] = run(tableWithoutPrimaryKey, doc);
    assert.equal(finding.fix?.title, 'Make id the primary key');
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('CREATE TABLE t (id INT, name TEXT, PRIMARY KEY (id));'), fixed);
    assert.deepEqual(run(tableWithoutPrimaryKey, fixed), []);
  });

  it('maps positions inside an indented fence', () => {
    const doc = '# S\n\n  ```sql\n  CREATE TABLE t (a INT);\n  ```\n';
    const [finding] = run(tableWithoutPrimaryKey, doc);
    assert.equal(textAt(doc, finding.range), 't');
    assert.equal(finding.range.start.character, 15);
  });
});

describe('tokenizeSql', () => {
  it('skips comments and keeps quoted identifiers as single tokens', () => {
    const tokens = tokenizeSql('a -- x\n/* y */ "b c" `d` [e f] \'g\'\'h\' $$ body ; $$ 12');
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value]),
      [
        ['word', 'a'],
        ['quoted', 'b c'],
        ['quoted', 'd'],
        ['quoted', 'e f'],
        ['string', "g''h"],
        ['string', ''],
        ['number', '12'],
      ],
    );
  });

  it('lower-cases word values, keeping the text as written', () => {
    const tokens = tokenizeSql('CREATE Table users_2 ÄBC éte');
    assert.deepEqual(
      tokens.map((t) => [t.text, t.value]),
      [
        ['CREATE', 'create'],
        ['Table', 'table'],
        ['users_2', 'users_2'],
        ['ÄBC', 'äbc'],
        ['éte', 'éte'],
      ],
    );
  });
});

describe('SD006 in a fence nested in a list item', () => {
  it('reads the schema and points at the table name inside the item', () => {
    const doc = '# S\n\n1. Schema:\n\n   ```sql\n   CREATE TABLE likes (user_id INT, post_id INT);\n   ```\n\n2. Next step\n';
    const findings = run(tableWithoutPrimaryKey, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'likes');
    const fixed = applyFix(doc, findings[0]);
    assert.ok(fixed.includes('CREATE TABLE likes (id BIGINT PRIMARY KEY, user_id INT'), fixed);
  });
});
