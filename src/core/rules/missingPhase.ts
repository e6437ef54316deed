// SD001: a required phase of the framework has no section.
import type { PhaseResult, RuleDef, RuleFinding } from '../types';
import { missingSectionEdit } from './util/insertSection';
import { titleRange } from './util/ranges';

function message(result: PhaseResult, framework: string): string {
  const { phase } = result;
  if (phase.kind === 'trade-offs') {
    return `No ${phase.title} section. Add one that compares at least two options with their pros and cons; reviewers look for it before anything else.`;
  }
  const description = phase.description?.trim() ?? '';
  const hint = description
    ? ` ${description.endsWith('.') ? description : description + '.'}`
    : ' Use the quick fix to insert a skeleton.';
  return `No ${phase.title} section, which the ${framework} framework requires.${hint}`;
}

export const missingPhase: RuleDef = {
  code: 'SD001',
  slug: 'missing-phase',
  description: 'A phase the framework requires has no section (a missing trade-offs section is an error).',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    const where = titleRange(ctx.doc);
    for (const result of ctx.phases) {
      if (!result.phase.required || result.status !== 'missing' || result.section) continue;
      const finding: RuleFinding = {
        message: message(result, ctx.framework.title),
        range: where,
        phaseId: result.phase.id,
      };
      if (result.phase.kind === 'trade-offs') finding.severity = 'error';
      const edit = missingSectionEdit(ctx, result.phase.id);
      if (edit) finding.fix = { title: `Insert ${result.phase.title} section`, edits: [edit] };
      findings.push(finding);
    }
    return findings;
  },
};
