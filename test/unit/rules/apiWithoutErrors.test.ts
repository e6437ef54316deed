import assert from 'node:assert/strict';
import { apiWithoutErrors as rule } from '../../../src/core/rules/apiWithoutErrors';
import type { LoadedFramework } from '../../../src/core/types';
import { TEST_FRAMEWORK, applyFix, run as runWith, textAt } from './helpers';

// A team framework whose API phase asks for error responses: the rule speaks only where one does.
const ASKS_FOR_ERRORS: LoadedFramework = {
  ...TEST_FRAMEWORK,
  phases: TEST_FRAMEWORK.phases.map((p) => (p.kind === 'api' ? { ...p, needs: [...p.needs, 'error-responses'] } : p)),
};
const run = (r: typeof rule, markdown: string) => runWith(r, markdown, ASKS_FOR_ERRORS);

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

  it('flags a bare list of endpoints too, once the framework asks for error responses', () => {
    assert.equal(run(rule, api('- `POST /v1/links` creates a short link\n- `GET /v1/links/{code}` resolves it')).length, 1);
  });

  it('needs endpoints in the API phase itself', () => {
    assert.deepEqual(run(rule, api('We will expose a REST interface.')), []);
    assert.deepEqual(run(rule, `${api('REST, JSON bodies.')}\n## Deep dive\n\n- \`GET /v1/x/{id}\`\n`), []);
  });

  it('stays quiet where the framework does not ask for error responses (interview write-ups sketch APIs)', () => {
    assert.deepEqual(runWith(rule, api(SPECIFIED)), []);
    assert.deepEqual(runWith(rule, api(SPECIFIED), TEST_FRAMEWORK), []);
  });

  it('fix appends an errors list with status codes, which satisfies the rule', () => {
    const doc = api(SPECIFIED);
    const fixed = applyFix(doc, run(rule, doc)[0]);
    assert.ok(fixed.includes('```\n\n- Errors'), fixed);
    assert.match(fixed, /429 rate limited/);
    assert.deepEqual(run(rule, fixed), []);
  });
});
