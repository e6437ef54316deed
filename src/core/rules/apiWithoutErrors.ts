// SD013: endpoints are listed but nothing says what a client gets back when a call fails.
import type { RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { needMet, sectionsOfKind } from './util/sections';

export const apiWithoutErrors: RuleDef = {
  code: 'SD013',
  slug: 'api-without-errors',
  description: 'The API lists endpoints but no error codes or error responses (where the framework asks for them).',
  defaultSeverity: 'info',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'api')) {
      // Only where the framework asks for error responses (no built-in does: interview write-ups sketch
      // their APIs); the checklist's "Error responses defined" check decides.
      if (result.status !== 'present' || needMet(result, 'error-responses') !== false || needMet(result, 'endpoints') !== true) continue;
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
