// What the editor analyses for one Markdown text: recognition (marked, or its outline), then the full
// analysis with the user's settings. One function for the in-process path and the analysis worker.
import { analyzeParsed, withDiagramFindings } from './analyze';
import { ESTIMATE_CODES } from './estimate';
import type { FrameworkRegistry } from './frameworks/registry';
import { matchesAnyGlob } from './glob';
import { parseDocument } from './parse';
import { askOnly, isDesignText, recognizeDesignDocument } from './recognize';
import { missingSectionFix } from './rules/util/insertSection';
import { neverDesignByName, OUTLINE_MAX_CHARS } from './sections/genre';
import type { Analysis, EstimateSettings, Finding, ParsedDocument, RuleSetting } from './types';

export interface EditorAnalysisInput {
  /** Workspace-relative path, for globs and names. */
  path: string;
  /** Design-document globs. */
  files: readonly string[];
  /** Globs of files never analysed unless forced (the config file's or setting's `ignore`). */
  ignore?: readonly string[];
  framework: string | undefined;
  rules: Record<string, RuleSetting>;
  /** Rule options by code, as configured. */
  ruleOptions?: Record<string, Record<string, readonly string[]>>;
  estimatesEnabled: boolean;
  estimateSettings: EstimateSettings;
  recognizeByOutline: boolean;
  /** The user said this file is not a design document, whatever its outline. */
  dismissed: boolean;
  /** Analyse even when nothing marks the text (Treat as Design Document). */
  force: boolean;
}

export interface EditorAnalysis {
  /** Undefined when the text is not a design document. */
  analysis: Analysis | undefined;
  /** Why the text was taken for a design document by its outline alone (it then gets hints only). */
  outline?: string;
}

/** `estimates.enabled: false`: no lenses, hovers, SE findings or capacity summary. */
export function withoutEstimates(analysis: Analysis): Analysis {
  const codes = new Set<string>(Object.values(ESTIMATE_CODES).map((c) => c.code));
  return { ...analysis, findings: analysis.findings.filter((f) => !codes.has(f.code)), estimates: { lines: [], findings: [], names: {}, capacity: [] } };
}

/** SD150 findings for a parsed document when the host checks diagrams (knownDiagramFindings), else none. */
export type DiagramFindings = (document: ParsedDocument) => Finding[] | undefined;

export function analyzeForEditor(text: string, input: EditorAnalysisInput, registry: FrameworkRegistry, diagrams?: DiagramFindings): EditorAnalysis {
  let outline: string | undefined;
  let parsed: ParsedDocument | undefined;
  if (!input.force && input.ignore?.length && matchesAnyGlob(input.path, input.ignore)) return { analysis: undefined };
  if (!input.force && !isDesignText(text, input.path, input.files).designDoc) {
    // Nothing marks it: only a clear design-document outline (never a README or a changelog) brings it in.
    // Cheap refusals first: this runs on edits to every Markdown file (a long README is never parsed for it).
    if (!input.recognizeByOutline || text.length > OUTLINE_MAX_CHARS || neverDesignByName(input.path) || input.dismissed) return { analysis: undefined };
    parsed = parseDocument(text);
    const recognition = recognizeDesignDocument(parsed, input.path, input.files);
    if (recognition.by !== 'outline') return { analysis: undefined };
    outline = recognition.reason;
  }
  parsed ??= parseDocument(text);
  const analyzed = analyzeParsed(parsed, { path: input.path, defaultFramework: input.framework, rules: input.rules, ruleOptions: input.ruleOptions, registry, estimate: input.estimateSettings });
  const found = diagrams?.(parsed);
  const checked = found?.length ? withDiagramFindings(analyzed, found, input.rules) : analyzed;
  const analysis = withSectionFixes(input.estimatesEnabled ? checked : withoutEstimates(checked));
  return outline ? { analysis: askOnly(analysis), outline } : { analysis };
}

/** Findings about a missing phase carry their "Insert missing section" fix, made while the document is at hand. */
function withSectionFixes(analysis: Analysis): Analysis {
  const ctx = { doc: analysis.document, framework: analysis.choice.framework, phases: analysis.phases };
  let changed = false;
  const findings = analysis.findings.map((finding) => {
    if (finding.fix || !finding.phaseId) return finding;
    const fix = missingSectionFix(ctx, finding);
    if (!fix) return finding;
    changed = true;
    return { ...finding, fix };
  });
  return changed ? { ...analysis, findings } : analysis;
}
