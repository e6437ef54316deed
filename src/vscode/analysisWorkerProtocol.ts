// Messages between the extension host and the analysis worker, and the slimmed analysis they carry.
import type { EditorAnalysis, EditorAnalysisInput } from '../core/editorAnalysis';
import { parseDocument } from '../core/parse';
import type { FrameworkDef, ParsedDocument, Section } from '../core/types';

export interface WorkerRequest {
  id: number;
  text: string;
  input: EditorAnalysisInput;
  /** The host's registry, by key; its workspace frameworks ride along the first time the worker sees the key. */
  registry: { key: number; workspace?: Array<{ def: FrameworkDef; file: string }> };
}

export type WorkerReply = { id: number; result: EditorAnalysis } | { id: number; error: string } | DiagramsChecked;

/** Sent after the worker parsed diagrams it had no verdict for: analyses of documents with diagrams can now include them. */
export interface DiagramsChecked {
  diagramsChecked: true;
}

/**
 * What crosses from the worker: the analysis without its parsed document, whose lines, blocks and list
 * items are most of its size (copying them back cost the host as much as analysing). Phases keep light
 * copies of their sections (lines, titles, ranges). The host parses the document again only if a
 * command asks for it (inserting a missing section).
 */
export function toWire(result: EditorAnalysis): EditorAnalysis {
  const analysis = result.analysis;
  if (!analysis) return result;
  const light = (s: Section): Section => ({
    level: s.level, title: s.title, normalizedTitle: s.normalizedTitle, line: s.line, endLine: s.endLine,
    ownEndLine: s.ownEndLine, headingRange: s.headingRange, blocks: [], children: [],
  });
  const phases = analysis.phases.map((p) => ({
    ...p,
    ...(p.section ? { section: light(p.section) } : {}),
    duplicates: p.duplicates.map(light),
    ...(p.repeats ? { repeats: p.repeats.map(light) } : {}),
  }));
  return { ...result, analysis: { ...analysis, phases, document: undefined as unknown as ParsedDocument } };
}

/** The host's side: the document comes back, parsed from the same text, the first time anything reads it. */
export function fromWire(result: EditorAnalysis, text: string): EditorAnalysis {
  const analysis = result.analysis;
  if (!analysis) return result;
  Object.defineProperty(analysis, 'document', {
    configurable: true,
    enumerable: true,
    get(): ParsedDocument {
      const doc = parseDocument(text);
      // Phases point at the sections of the document they describe.
      const byLine = new Map(doc.sections.map((s) => [s.line, s]));
      const own = (s: Section) => byLine.get(s.line) ?? s;
      for (const p of analysis.phases) {
        if (p.section) p.section = own(p.section);
        p.duplicates = p.duplicates.map(own);
        if (p.repeats) p.repeats = p.repeats.map(own);
      }
      Object.defineProperty(analysis, 'document', { value: doc, writable: true, configurable: true, enumerable: true });
      return doc;
    },
  });
  return result;
}
