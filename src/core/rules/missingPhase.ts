// SD001: a required phase of the framework has no section.
import { BUILT_IN_FRAMEWORKS } from '../frameworks/builtins';
import { genreOf } from '../frameworks/choose';
import type { Genre, PhaseKind, PhaseResult, RuleDef, RuleFinding } from '../types';
import { ruleOption } from './ruleOptions';
import { missingSectionEdit } from './util/insertSection';
import { titleRange } from './util/ranges';

function message(result: PhaseResult, framework: string, byProject = false): string {
  const { phase } = result;
  if (phase.kind === 'trade-offs') {
    return `No ${phase.title} section. Add one that compares at least two options with their pros and cons; reviewers look for it before anything else.`;
  }
  const description = phase.description?.trim() ?? '';
  const hint = description
    ? ` ${description.endsWith('.') ? description : description + '.'}`
    : ' Use the quick fix to insert a skeleton.';
  const who = byProject ? 'this project requires (the SD001 "require" option)' : `the ${framework} framework requires`;
  return `No ${phase.title} section, which ${who}.${hint}`;
}

/** Parts of the framework a document must show before any other is reported missing. */
export const MIN_PARTS_FOUND = 3;

/**
 * What every document of a genre needs: the required kinds of the genre's general built-in framework
 * (the first built-in of that genre). A framework only guessed from the headings may ask for no more.
 */
const CORE_KINDS = new Map<Genre, Set<PhaseKind>>();
for (const framework of BUILT_IN_FRAMEWORKS) {
  const genre = genreOf(framework);
  if (!CORE_KINDS.has(genre)) CORE_KINDS.set(genre, new Set(framework.phases.filter((p) => p.required).map((p) => p.kind)));
}

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
    // A framework picked from the headings ("Critically evaluate the design" in one interview framework)
    // is a guess at the author's plan: only what the genre itself needs is reported missing.
    const core = named ? undefined : CORE_KINDS.get(genreOf(ctx.framework));
    // What the project requires beyond the framework (the rule's `require` option) is asked of every document.
    const extra = new Set(ruleOption(ctx.ruleOptions, 'SD001', 'require'));
    for (const result of ctx.phases) {
      if (result.status !== 'missing' || result.section) continue;
      const demanded = extra.has(result.phase.kind);
      if (!result.phase.required && !demanded) continue;
      if (core && !core.has(result.phase.kind) && !demanded) continue;
      const finding: RuleFinding = {
        message: message(result, ctx.framework.title, !result.phase.required),
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
