import assert from 'node:assert/strict';
import { collectionEndpointWithoutPagination as rule } from '../../../src/core/rules/collectionEndpointWithoutPagination';
import { isCollectionPath } from '../../../src/core/rules/util/endpoints';
import { applyFix, run, textAt } from './helpers';

const api = (body: string) => `# T\n\n## API\n\n${body}\n`;

describe('SD008 collection-endpoint-without-pagination', () => {
  it('flags a collection GET in inline code, on the endpoint text', () => {
    const doc = api('- `GET /v1/users/{id}/followers` returns who follows a user.');
    const findings = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'GET /v1/users/{id}/followers');
    assert.match(findings[0].message, /no pagination/);
  });

  it('reads endpoints from code fences, tables, paragraphs and headings', () => {
    const doc = api(
      [
        '```http',
        'GET /api/messages',
        '```',
        '',
        '| Method | Path |',
        '|---|---|',
        '| GET | /api/conversations |',
        '',
        'Clients call GET https://api.example.com/v2/search to look things up.',
        '',
        '### GET /feed',
        '',
        'Returns the home feed.',
      ].join('\n'),
    );
    assert.deepEqual(
      run(rule, doc).map((f) => textAt(doc, f.range)),
      ['GET /api/messages', 'GET | /api/conversations', 'GET https://api.example.com/v2/search', 'GET /feed'],
    );
  });

  it('is quiet when pagination is in the query string, the same list item, the code paragraph or the row', () => {
    const doc = api(
      [
        '- `GET /api/messages?limit=20&before=msg_1`',
        '- `GET /v1/feed`',
        '    - Params: `user_id`, `page_token` (for pagination)',
        '- GET /v1/posts takes `cursor` and returns `next_cursor`.',
        '',
        '```',
        'GET /v1/comments',
        'Query: per_page, page',
        '```',
        '',
        '| GET | /v1/likes | offset + limit |',
        '|---|---|---|',
        '| GET | /v1/tags | after=<id> |',
      ].join('\n'),
    );
    assert.deepEqual(run(rule, doc), []);
  });

  it('does not borrow pagination from a neighbouring list item or code paragraph', () => {
    const doc = api(['- `GET /v1/posts?limit=10`', '- `GET /v1/users`', '', '```', 'GET /a/items?cursor=x', '', 'GET /b/items', '```'].join('\n'));
    assert.deepEqual(
      run(rule, doc).map((f) => textAt(doc, f.range)),
      ['GET /v1/users', 'GET /b/items'],
    );
  });

  it('ignores single resources, writes and non-plural paths', () => {
    const doc = api(
      ['- `GET /users/{id}`', '- `GET /users/:id`', '- `GET /users/42`', '- `POST /users`', '- `GET /status`', '- `GET /getVideoDetails`', '- `GET /me/profile`', 'GET requests are cached.'].join('\n'),
    );
    assert.deepEqual(run(rule, doc), []);
  });

  it('fix appends limit and cursor to the path, which silences the rule', () => {
    const doc = api('- `GET /v1/feed` returns posts.\n- `GET /v1/users?sort=name`');
    const findings = run(rule, doc);
    assert.equal(findings.length, 2);
    let fixed = applyFix(doc, findings[1]);
    fixed = applyFix(fixed, findings[0]);
    assert.ok(fixed.includes('`GET /v1/feed?limit=20&cursor=<cursor>` returns posts.'), fixed);
    assert.ok(fixed.includes('`GET /v1/users?sort=name&limit=20&cursor=<cursor>`'), fixed);
    assert.deepEqual(run(rule, fixed), []);
  });

  it('classifies collection paths', () => {
    for (const path of ['/users', '/v1/feed', '/search?q=x', '/api/listVideos', '/categories/', '/people', '/users/{id}/posts.json']) {
      assert.equal(isCollectionPath(path), true, path);
    }
    for (const path of ['/', '/users/{id}', '/users/:userId', '/users/<id>', '/status', '/address', '/v1', '/login', '/bus']) {
      assert.equal(isCollectionPath(path), false, path);
    }
  });
});

describe('SD008 across mentions', () => {
  it('accepts paging shown at another mention of the same endpoint, and reports an unpaged one once', () => {
    const paged = api('- `GET /v1/posts`\n\n### Details\n\n`GET /v1/posts/?cursor=abc` returns the next page.');
    assert.deepEqual(run(rule, paged), []);
    const unpaged = api('- `GET /v1/posts`\n\n### Details\n\n`GET /v1/posts` returns posts.');
    const findings = run(rule, unpaged);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 4);
  });

  it('ignores edge labels in diagrams', () => {
    assert.deepEqual(run(rule, api('```mermaid\nflowchart LR\n  app -->|GET /v1/users| api\n```')), []);
  });
});

describe('SD008 pagination words', () => {
  // The rule reads a context as words (runs of [a-z0-9_]); this reference does it the slow way.
  const EXACT = ['limit', 'offset', 'page', 'pages', 'per_page', 'perpage', 'page_size', 'pagesize', 'max_results', 'maxresults', 'top', 'first'];
  const reference = (text: string) => text.toLowerCase().split(/[^a-z0-9_]+/).some((word) => EXACT.includes(word));
  const cases = [
    'takes ?limit=20',
    'the top of the list',
    'topics and pagers',
    'PAGE_SIZE is 50',
    'pages_total',
    'first-class support',
    'firstly, we list',
    'x_limit or limits',
    'sub_page',
    'per-page',
    'max_results_total',
  ];
  for (const words of cases) {
    it(`reads "${words}" as the word split does`, () => {
      const doc = api(`- \`GET /v1/items\` ${words}`);
      assert.equal(run(rule, doc).length === 0, reference(words), words);
    });
  }
});
