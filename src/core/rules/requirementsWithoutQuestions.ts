// SD014: requirements that record no questions or assumptions read as guessed scope.
import type { RuleDef } from '../types';
import { sectionsOfKind, somePhaseLine } from './util/sections';

const MARKERS = ['?', 'question', 'clarif', 'assum', 'asked', 'confirm', 'out of scope', 'scope'];

export const requirementsWithoutQuestions: RuleDef = {
  code: 'SD014',
  slug: 'requirements-without-questions',
  description: 'Requirements record no clarifying questions, assumptions or scope.',
  defaultSeverity: 'info',
  check(ctx) {
    const present = sectionsOfKind(ctx, 'requirements').filter(({ result }) => result.status === 'present');
    if (present.length === 0) return [];
    const marked = (raw: string) => {
      const line = raw.toLowerCase();
      return MARKERS.some((marker) => line.includes(marker));
    };
    for (const { result } of present) if (somePhaseLine(ctx, result, marked)) return [];
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
