// SD014: requirements that record no questions or assumptions read as guessed scope.
import type { RuleDef } from '../types';
import { phaseLines, sectionsOfKind } from './util/sections';

const MARKERS = ['?', 'question', 'clarif', 'assum', 'asked', 'confirm', 'out of scope', 'scope'];

export const requirementsWithoutQuestions: RuleDef = {
  code: 'SD014',
  slug: 'requirements-without-questions',
  description: 'Requirements record no clarifying questions, assumptions or scope.',
  defaultSeverity: 'info',
  check(ctx) {
    const present = sectionsOfKind(ctx, 'requirements').filter(({ result }) => result.status === 'present');
    if (present.length === 0) return [];
    for (const { result } of present) {
      for (const [, raw] of phaseLines(ctx, result)) {
        const line = raw.toLowerCase();
        if (MARKERS.some((marker) => line.includes(marker))) return [];
      }
    }
    const { result, section } = present[0];
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
