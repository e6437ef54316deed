// SD013: endpoints are listed but nothing says what a client gets back when a call fails.
import type { RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { findEndpoints } from './util/endpoints';
import { needMet, phaseBlocks, phaseRanges, sectionsOfKind, somePhaseLine } from './util/sections';

const MIN_SPECIFIED_ENDPOINTS = 2;
const STATUS_CODE = /\b[45]\d\d\b|\b[45]xx\b/i;
const ERROR_PHRASES = ['error code', 'error response', 'error format', 'error body', 'status code', 'problem+json'];

export const apiWithoutErrors: RuleDef = {
  code: 'SD013',
  slug: 'api-without-errors',
  description: 'The API lists endpoints but no error codes or error responses.',
  defaultSeverity: 'info',
  check(ctx) {
    const findings: RuleFinding[] = [];
    const endpoints = findEndpoints(ctx.doc);
    for (const { result, section } of sectionsOfKind(ctx, 'api')) {
      if (result.status !== 'present' || needMet(result, 'endpoints') === undefined) continue;
      const ranges = phaseRanges(ctx, result);
      const inPhase = (line: number) => line === section.line || ranges.some(([from, to]) => line >= from && line < to);
      // A bare list of endpoints sketches the API; only a specified one (requests and responses written out) owes its errors.
      const listed = endpoints.filter((endpoint) => inPhase(endpoint.range.start.line));
      if (listed.length < MIN_SPECIFIED_ENDPOINTS || !phaseBlocks(ctx, result).some((b) => b.kind === 'code' && b.lang !== 'mermaid')) continue;
      const errors = somePhaseLine(ctx, result, (raw) => {
        const line = raw.toLowerCase();
        return STATUS_CODE.test(line) || ERROR_PHRASES.some((phrase) => line.includes(phrase));
      });
      if (errors) continue;
      findings.push({
        message:
          `"${section.title}" lists endpoints but no errors. Say which status codes clients get for bad input, ` +
          'a missing resource, a conflict and rate limiting, and what the error body looks like.',
        range: section.headingRange,
        phaseId: result.phase.id,
        fix: {
          title: 'Add an errors list',
          edits: [
            appendToSectionEdit(
              ctx.doc,
              section,
              [
                '- Errors (body: `{ "error": { "code", "message" } }`):',
                '  - 400 invalid input',
                '  - 404 resource not found',
                '  - 409 conflicting update',
                '  - 429 rate limited, with `Retry-After`',
              ].join('\n'),
            ),
          ],
        },
      });
    }
    return findings;
  },
};
