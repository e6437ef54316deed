// The fix each finding offers, wherever the findings are shown (the editor, the language server).
import { missingSectionFix } from './rules/util/insertSection';
import type { Analysis, Finding, Fix, RuleContext } from './types';

export function ruleContext(analysis: Analysis): RuleContext {
  // Reading the document first: an analysis from the worker parses it here, and links its phases to it.
  const doc = analysis.document;
  return { doc, framework: analysis.choice.framework, phases: analysis.phases };
}

/** A finding's own fix, or "Insert missing section" for a finding about a missing phase. */
export function fixFor(analysis: Analysis, finding: Finding): Fix | undefined {
  // Editor analyses come with this fix already made (in the worker, which has the parsed document).
  if (finding.fix && finding.fix.edits.length > 0) return finding.fix;
  if (!finding.phaseId) return undefined;
  // Only a missing phase has a section to insert: nothing else needs the document parsed here.
  const phase = analysis.phases.find((result) => result.phase.id === finding.phaseId);
  if (!phase || phase.status !== 'missing') return undefined;
  return missingSectionFix(ruleContext(analysis), finding);
}

export function withFixes(analysis: Analysis): Finding[] {
  return analysis.findings.map((finding) => {
    const fix = fixFor(analysis, finding);
    return fix ? { ...finding, fix } : finding;
  });
}
