// Diagram syntax checks without a preview: each ```mermaid fence goes to a parser the caller injects
// (Mermaid's own, loaded by the CLI, the language server or a worker), and each failure becomes an
// SD150 finding at the line Mermaid names. Verdicts are kept by diagram text: a keystroke elsewhere
// re-parses nothing.
import { CONFIG_CODES } from '../codeIds';
import type { Block, Finding, ParsedDocument } from '../types';

/** What a parser says of one diagram's source. */
export type DiagramVerdict = { ok: true } | { ok: false; message: string; diagramLine?: number };

/** Parses one diagram's source; never rejects (a parser that throws is caught and reported as its message). */
export type DiagramParser = (source: string) => Promise<DiagramVerdict>;

const MAX_MESSAGE = 1900;

/** Mermaid's message and the 1-based line inside the diagram it names, from whatever it threw. */
export function diagramErrorDetails(err: unknown): { message: string; diagramLine?: number } {
  const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_MESSAGE) || 'Mermaid could not read this diagram';
  const fromText = /\bline (\d+)/i.exec(message);
  const hash = (err as { hash?: { loc?: { first_line?: unknown } } } | null)?.hash;
  const fromHash = typeof hash?.loc?.first_line === 'number' ? hash.loc.first_line : undefined;
  const line = fromText ? Number(fromText[1]) : fromHash;
  return line !== undefined && Number.isInteger(line) && line > 0 ? { message, diagramLine: line } : { message };
}

/** The document's ```mermaid fences, in order. */
export function mermaidBlocks(document: ParsedDocument): Block[] {
  return document.blocks.filter((block) => block.kind === 'code' && block.lang === 'mermaid');
}

const verdicts = new Map<string, DiagramVerdict>();
const MAX_VERDICTS = 500;

/** Forgets every verdict (tests and the bench use it to measure a first check). */
export function clearDiagramVerdicts(): void {
  verdicts.clear();
}

async function verdictFor(source: string, parse: DiagramParser): Promise<DiagramVerdict> {
  const known = verdicts.get(source);
  if (known) return known;
  let verdict: DiagramVerdict;
  try {
    verdict = await parse(source);
  } catch (err) {
    verdict = { ok: false, ...diagramErrorDetails(err) };
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
  verdicts.set(source, verdict);
  return verdict;
}

/** SD150 findings (severity error) for the diagrams the parser rejects, each at the line it names. */
export async function diagramFindings(document: ParsedDocument, parse: DiagramParser): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const block of mermaidBlocks(document)) {
    const finding = findingFor(document, block, await verdictFor(block.text, parse));
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * The findings from verdicts already known, without parsing; undefined while some diagram has none
 * (then checkNewDiagrams learns them, off the path that answers a keystroke).
 */
export function knownDiagramFindings(document: ParsedDocument): Finding[] | undefined {
  const findings: Finding[] = [];
  for (const block of mermaidBlocks(document)) {
    const verdict = verdicts.get(block.text);
    if (!verdict) return undefined;
    const finding = findingFor(document, block, verdict);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Parses the document's diagrams that have no verdict yet; true when it learned any. */
export async function checkNewDiagrams(document: ParsedDocument, parse: DiagramParser): Promise<boolean> {
  let learned = false;
  for (const block of mermaidBlocks(document)) {
    if (verdicts.has(block.text)) continue;
    await verdictFor(block.text, parse);
    learned = true;
  }
  return learned;
}

function findingFor(document: ParsedDocument, block: Block, verdict: DiagramVerdict): Finding | undefined {
  if (verdict.ok) return undefined;
  const bodyLine = block.contentLine ?? block.line + 1;
  // Mermaid counts the diagram's first line as 1; "end of input" past the body is its last line.
  const closed = /^\s*(```|~~~)/.test(document.lines[block.endLine - 1] ?? '') && block.endLine - 1 > block.line;
  const lastBodyLine = Math.max(closed ? block.endLine - 2 : block.endLine - 1, bodyLine);
  const line =
    verdict.diagramLine === undefined ? block.line : Math.min(bodyLine + sourceLine(block.text, verdict.diagramLine), lastBodyLine);
  const width = document.lines[line]?.length ?? 0;
  return {
    ...CONFIG_CODES.diagramSyntax,
    severity: 'error',
    message: `Mermaid cannot parse this diagram: ${oneLine(verdict.message)}`,
    range: { start: { line, character: 0 }, end: { line, character: width } },
  };
}

/**
 * The 0-based line of `source` that Mermaid's 1-based `line` names. Mermaid parses the text after
 * taking out its front matter, its `%%` comment lines (with the blank lines before them) and the
 * blank lines at the start (a Sankey diagram all of them), and counts lines in what is left.
 */
export function sourceLine(source: string, line: number): number {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (lines[first]?.trim() === '---') {
    const close = lines.findIndex((text, i) => i > first && text.trim() === '---');
    if (close > 0) first = close + 1;
  }
  const parsed: number[] = [];
  let blanks: number[] = [];
  // Sankey diagrams drop their blank lines before parsing.
  const countsBlanks = !/^\s*sankey/.test(lines.slice(first).find((text) => text.trim() !== '') ?? '');
  for (let i = first; i < lines.length; i++) {
    const text = lines[i];
    if (/^\s*%%(?!\{)./.test(text)) {
      blanks = [];
      continue;
    }
    if (text.trim() === '') {
      blanks.push(i);
      continue;
    }
    // Blank lines count once a kept line follows them, except at the very start.
    if (parsed.length > 0 && countsBlanks) parsed.push(...blanks);
    blanks = [];
    parsed.push(i);
  }
  if (countsBlanks) parsed.push(...blanks);
  return parsed[line - 1] ?? (parsed.length > 0 ? parsed[parsed.length - 1] + (line - parsed.length) : line - 1);
}

/**
 * Mermaid's message on one line: its excerpt of the source and the caret under it go (the finding
 * already sits on that line), so does its line number, the rest is joined, and a long list of
 * expected tokens is cut.
 */
function oneLine(message: string): string {
  const lines = message.split(/\r?\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const caret = /^-*\^\s*$/.test(lines[i + 1] ?? '');
    if (caret) {
      i++;
      continue;
    }
    const text = lines[i].trim();
    if (text) kept.push(text);
  }
  // Mermaid counts lines after taking out front matter and comments; the finding already sits on the
  // right line of the document, so Mermaid's own line number would only mislead.
  const joined = kept
    .join(' ')
    .replace(/^Parsing failed:\s*/i, '')
    .replace(/\b(?:Parse|Lexical) error on line \d+(?:, column \d+)?[:.]\s*/gi, '')
    .replace(/:\s*:/g, ':')
    .trim();
  const text = joined || message.split(/\r?\n/)[0].trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
