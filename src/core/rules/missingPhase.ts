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

/** Parts of the framework a document must show before any other is reported missing. */
export const MIN_PARTS_FOUND = 3;

export const missingPhase: RuleDef = {
  code: 'SD001',
  slug: 'missing-phase',
  description: 'A phase the framework requires has no section (a missing trade-offs section is an error).',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    // Unless the author named the framework, a document whose outline shows too little of it (no
    // headings, headings in another language, a page that is one part of a design) gives no grounds
    // to call a part missing.
    const named = ctx.frameworkSource === 'front-matter' || ctx.frameworkSource === 'option' || ctx.frameworkSource === 'setting';
    // Parts found in place (a paragraph weighing options, a diagram elsewhere) are no sign of an outline.
    const found = ctx.phases.filter((p) => p.section !== undefined).length;
    if (!named && found < MIN_PARTS_FOUND) return findings;
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
