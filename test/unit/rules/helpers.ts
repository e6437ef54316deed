// Builds RuleContexts for rule tests with the real checklist, over a small framework made for them.
import { buildChecklist } from '../../../src/core/checklist';
import { parseDocument } from '../../../src/core/parse';
import type {
  LoadedFramework,
  PhaseDef,
  RuleContext,
  RuleDef,
  RuleFinding,
  TextEdit,
} from '../../../src/core/types';

function phase(id: string, kind: PhaseDef['kind'], title: string, headings: string[], needs: PhaseDef['needs'], required = true): PhaseDef {
  return { id, kind, title, headings, required, needs, description: `Guidance for ${title}.` };
}

/** An interview-style framework: its phases ask for the content the rules check (rules read the needs). */
export const TEST_FRAMEWORK: LoadedFramework = {
  id: 'test',
  title: 'Test',
  description: 'Framework used by the rule tests.',
  origin: 'built-in',
  phases: [
    phase('requirements', 'requirements', 'Requirements', ['requirements', 'scope'], ['functional-requirements', 'non-functional-requirements', 'clarifying-questions', 'assumptions']),
    phase('estimation', 'estimation', 'Estimation', ['estimation', 'estimate', 'capacity'], ['numbers']),
    phase('api', 'api', 'API Design', ['api', 'interface'], ['endpoints', 'pagination']),
    phase('data-model', 'data-model', 'Data Model', ['data model', 'schema', 'database design'], ['schema', 'primary-keys', 'indexes']),
    phase('high-level-design', 'high-level-design', 'High-Level Design', ['high level design', 'architecture'], ['diagram', 'components']),
    phase('deep-dive', 'deep-dive', 'Deep Dive', ['deep dive'], [], false),
    phase('monitoring', 'monitoring', 'Monitoring', ['monitoring'], ['latency-percentiles', 'error-rate', 'alerts'], false),
    phase('trade-offs', 'trade-offs', 'Trade-offs', ['trade offs', 'tradeoffs'], ['options', 'pros-cons']),
    phase('wrap-up', 'wrap-up', 'Wrap-up', ['wrap up', 'summary'], [], false),
  ],
};

export function context(markdown: string, framework: LoadedFramework = TEST_FRAMEWORK): RuleContext {
  const doc = parseDocument(markdown);
  return { doc, framework, phases: buildChecklist(doc, framework) };
}

export function run(rule: RuleDef, markdown: string, framework?: LoadedFramework): RuleFinding[] {
  return rule.check(context(markdown, framework));
}

/** Applies edits (non-overlapping) to text, last first, the way an editor would. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number) => {
    let at = 0;
    for (let i = 0; i < line; i++) at += lines[i].length + 1;
    return at + character;
  };
  const sorted = [...edits].sort(
    (a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character),
  );
  let out = text;
  for (const edit of sorted) {
    const start = offset(edit.range.start.line, edit.range.start.character);
    const end = offset(edit.range.end.line, edit.range.end.character);
    out = out.slice(0, start) + edit.newText + out.slice(end);
  }
  return out;
}

/** The text a range covers, for asserting that a squiggle sits on the right words. */
export function textAt(markdown: string, range: RuleFinding['range']): string {
  const lines = markdown.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let i = range.start.line + 1; i < range.end.line; i++) parts.push(lines[i]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

/** Applies a finding's fix and returns the new document text. */
export function applyFix(markdown: string, finding: RuleFinding): string {
  if (!finding.fix) throw new Error(`finding has no fix: ${finding.message}`);
  return applyEdits(markdown, finding.fix.edits);
}
