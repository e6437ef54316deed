// The analysis pipeline: parse, choose a framework, build the checklist, run rules and estimates.
import { buildChecklist } from './checklist/checklist';
import { evaluateEstimates, extractEstimateSources } from './estimate';
import { mayHoldEstimate } from './estimate/lines';
import { chooseFramework } from './frameworks/choose';
import { FrameworkRegistry } from './frameworks/registry';
import { clearChunkCache } from './chunks';
import { clearObjectMemos } from './objectMemo';
import { clearLineMemo } from './estimate/lineMemo';
import { clearWordCaches } from './estimate/parser';
import { clearMatchMemo } from './frameworks/match';
import { clearSqlMemo } from './rules/util/sqlTokens';
import { CONFIG_CODES } from './codeIds';
import { diagramFindings, type DiagramParser } from './diagrams/diagramCheck';
import { parseDocument } from './parse';
import { ALL_RULES } from './rules';
import {
  DEFAULT_ESTIMATE_SETTINGS,
  type Analysis,
  type AnalyzeOptions,
  type EstimateReport,
  type EstimateSettings,
  type EstimateSource,
  type Finding,
  type ParsedDocument,
  type Range,
  type RuleContext,
  type RuleDef,
  type RuleSetting,
} from './types';

export interface AnalyzeInput extends AnalyzeOptions {
  /** Frameworks to choose from; the built-ins when omitted. */
  registry?: FrameworkRegistry;
}

export { CONFIG_CODES };

let builtIns: FrameworkRegistry | undefined;

export function builtInRegistry(): FrameworkRegistry {
  return (builtIns ??= FrameworkRegistry.withBuiltIns());
}

export function analyze(text: string, options: AnalyzeInput = {}): Analysis {
  return analyzeParsed(parseDocument(text), options);
}

export function analyzeParsed(document: ParsedDocument, options: AnalyzeInput = {}): Analysis {
  const registry = options.registry ?? builtInRegistry();
  const { choice, problems } = chooseFramework(document, registry, {
    forced: options.framework,
    setting: options.defaultFramework,
  });
  const phases = buildChecklist(document, choice.framework);
  const context: RuleContext = { doc: document, framework: choice.framework, phases, frameworkSource: choice.source, ruleOptions: options.ruleOptions };

  const findings: Finding[] = [];
  const frontMatterError = document.frontMatter.error;
  if (frontMatterError) {
    findings.push({ ...CONFIG_CODES.invalidFrontMatter, severity: 'error', ...frontMatterError });
  }
  for (const problem of problems) {
    findings.push({ ...CONFIG_CODES.unknownFramework, severity: 'warning', ...problem });
  }
  for (const rule of ALL_RULES) findings.push(...runRule(rule, context));

  const estimates = cachedEstimates(extractEstimateSources(document), { ...DEFAULT_ESTIMATE_SETTINGS, ...options.estimate });
  findings.push(...estimates.findings);

  return {
    document,
    choice,
    phases,
    findings: sortFindings(suppress(applySettings(findings, options.rules ?? {}), document)),
    estimates,
  };
}

/**
 * The analysis plus an SD150 finding for each diagram `parse` rejects, under the same rule settings and
 * suppression comments as the rest. Asynchronous and apart from analyze(): a parser is large and slow
 * to load, so only hosts that can afford it (the CLI, the language server) call this.
 */
export async function addDiagramFindings(analysis: Analysis, parse: DiagramParser, rules: Record<string, RuleSetting> = {}): Promise<Analysis> {
  return withDiagramFindings(analysis, await diagramFindings(analysis.document, parse), rules);
}

/** The analysis plus SD150 findings already made, under the rule settings and suppression comments. */
export function withDiagramFindings(analysis: Analysis, found: Finding[], rules: Record<string, RuleSetting> = {}): Analysis {
  if (found.length === 0) return analysis;
  return { ...analysis, findings: sortFindings([...analysis.findings, ...suppress(applySettings(found, rules), analysis.document)]) };
}

// Most keystrokes change prose, not estimate lines: reuse the last reports whose inputs are identical.
let estimateCache = new Map<string, EstimateReport>();
const ESTIMATE_CACHE_SIZE = 8;

/**
 * Forgets every result kept by content (parsed chunks and the per-block results hanging off them,
 * heading matches, SQL tokens, estimate lines and reports, the estimator's per-word caches): the
 * next analysis is a first one.
 */
export function clearAnalysisCaches(): void {
  clearChunkCache();
  clearObjectMemos();
  clearMatchMemo();
  clearSqlMemo();
  clearLineMemo();
  clearWordCaches();
  estimateCache = new Map();
}

function cachedEstimates(all: EstimateSource[], settings: EstimateSettings): EstimateReport {
  // Prose lines the engine would skip anyway stay out of the key, so edits to them hit the cache.
  const sources = all.filter((s) => s.strict || mayHoldEstimate(s.text));
  let key = JSON.stringify(settings);
  for (const s of sources) key += `\n${s.line}:${s.column}:${s.strict ? 1 : 0}:${s.text}${s.context === undefined ? '' : `\u0000${s.context}`}`;
  const hit = estimateCache.get(key);
  if (hit) {
    // Refresh its place so the most recently used reports stay.
    estimateCache.delete(key);
    estimateCache.set(key, hit);
    return hit;
  }
  const report = evaluateEstimates(sources, settings);
  estimateCache.set(key, report);
  if (estimateCache.size > ESTIMATE_CACHE_SIZE) estimateCache.delete(estimateCache.keys().next().value!);
  return report;
}

/** A rule that throws must not take the others down; its failure becomes a visible finding. */
function runRule(rule: RuleDef, context: RuleContext): Finding[] {
  try {
    return rule.check(context).map((found) => ({
      code: rule.code,
      rule: rule.slug,
      severity: rule.defaultSeverity,
      ...found,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        ...CONFIG_CODES.ruleFailed,
        severity: 'info',
        message: `Rule ${rule.code} (${rule.slug}) could not check this document: ${message}`,
        range: zeroRange(),
      },
    ];
  }
}

function applySettings(findings: Finding[], rules: Record<string, RuleSetting>): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = rules[finding.code] ?? rules[finding.rule];
    if (setting === 'off') continue;
    out.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out;
}

function suppress(findings: Finding[], document: ParsedDocument): Finding[] {
  if (document.suppressions.length === 0) return findings;
  const matches = (codes: string[], finding: Finding) =>
    codes.length === 0 || codes.includes(finding.code) || codes.includes(finding.rule);
  const fileWide = document.suppressions.filter((s) => s.scope === 'file');
  const nextLine = new Map<number, string[][]>();
  for (const s of document.suppressions) {
    if (s.scope !== 'next-line') continue;
    const target = nextContentLine(document.lines, s.line);
    nextLine.set(target, [...(nextLine.get(target) ?? []), s.codes]);
  }
  return findings.filter(
    (finding) =>
      !fileWide.some((s) => matches(s.codes, finding)) &&
      !(nextLine.get(finding.range.start.line) ?? []).some((codes) => matches(codes, finding)),
  );
}

function nextContentLine(lines: readonly string[], from: number): number {
  let line = from + 1;
  while (line < lines.length && lines[line].trim() === '') line++;
  return line;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.code.localeCompare(b.code),
  );
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
