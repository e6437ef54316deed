import assert from 'node:assert/strict';
import { apiWithoutErrors as rule } from '../../../src/core/rules/apiWithoutErrors';
import { applyFix, run, textAt } from './helpers';

const api = (body: string) => `# T\n\n## API design\n\n${body}\n\n## Data model\n\nTables.\n`;

const SPECIFIED = '- `POST /v1/links` creates a short link\n- `GET /v1/links/{code}` resolves it\n\n```json\n{ "url": "https://example.com", "code": "abc" }\n```';

describe('SD013 api-without-errors', () => {
  it('flags specified endpoints (requests and responses written out) with no error codes, on the heading', () => {
    const doc = api(SPECIFIED);
    const findings = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'API design');
    assert.match(findings[0].message, /no errors/);
  });

  it('is quiet with status codes, 4xx/5xx or an error format', () => {
    for (const extra of ['Returns 404 when the code is unknown.', 'Errors use 4xx for client mistakes.', 'Every error response has a code and a message.']) {
      assert.deepEqual(run(rule, api(`- \`GET /v1/links/{code}\`\n\n${extra}`)), [], extra);
    }
  });

  it('leaves a bare list of endpoints alone: it sketches the API, it does not specify it', () => {
    assert.deepEqual(run(rule, api('- `POST /v1/links` creates a short link\n- `GET /v1/links/{code}` resolves it')), []);
  });

  it('needs endpoints in the API phase itself', () => {
    assert.deepEqual(run(rule, api('We will expose a REST interface.')), []);
    assert.deepEqual(run(rule, `${api('REST, JSON bodies.')}\n## Deep dive\n\n- \`GET /v1/x/{id}\`\n`), []);
  });

  it('fix appends an errors list with status codes, which satisfies the rule', () => {
    const doc = api(SPECIFIED);
    const fixed = applyFix(doc, run(rule, doc)[0]);
    assert.ok(fixed.includes('```\n\n- Errors'), fixed);
    assert.match(fixed, /429 rate limited/);
    assert.deepEqual(run(rule, fixed), []);
  });
});
