// SD014: requirements that record no questions or assumptions read as guessed scope.
import type { RuleDef } from '../types';
import { needMet, sectionsOfKind } from './util/sections';


const ANYWHERE = /\bassum|\bclarif|\bquestions?\b|\bout of scope\b|\bnon[- ]?goals?\b|\?(?:\s|$)/i;

export const requirementsWithoutQuestions: RuleDef = {
  code: 'SD014',
  slug: 'requirements-without-questions',
  description: 'Requirements record no clarifying questions, assumptions or scope.',
  defaultSeverity: 'info',
  check(ctx) {
    // Only requirements phases that ask for questions or assumptions, and only when the checklist finds neither.
    const asked = sectionsOfKind(ctx, 'requirements').filter(
      ({ result }) => result.status === 'present' && (needMet(result, 'clarifying-questions') !== undefined || needMet(result, 'assumptions') !== undefined),
    );
    if (asked.length === 0) return [];
    if (asked.some(({ result }) => needMet(result, 'clarifying-questions') === true || needMet(result, 'assumptions') === true)) return [];
    // Questions and assumptions are often written elsewhere: in their own section, beside the estimates.
    if (ctx.doc.lines.some((line) => ANYWHERE.test(line))) return [];
    // Worked-out estimates state their assumptions (users, sizes, ratios).
    if (ctx.phases.some((p) => p.phase.kind === 'estimation' && p.status === 'present')) return [];
    const { result, section } = asked[0];
    return [
      {
        message:
          `"${section.title}" records no clarifying questions or assumptions. Note what you asked or assumed ` +
          '(features in scope, scale, consistency) so readers know the scope was agreed, not guessed.',
        range: section.headingRange,
        phaseId: result.phase.id,
      },
    ];
  },
};
