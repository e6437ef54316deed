// What a block holds, read once per block: arithmetic, endpoints, a schema, a diagram. Section
// classification, the checklist's sub-checks and the rules all ask these same questions here.
import { looksLikeEstimate } from '../estimate/lines';
import type { Block } from '../types';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

export interface BlockSignals {
  /** Lines that compute with numbers (a relation, an operator and a number), or an estimate fence. */
  arithmetic: number;
  /** `GET /path`-style endpoints and `rpc Name(` signatures. */
  endpoints: number;
  /** CREATE TABLE, a schema-language fence or a table of fields. */
  schema: boolean;
  /** A drawing: a diagram fence, an image, an HTML image, an ASCII sketch. */
  diagram: boolean;
}

const DIAGRAM_LANGS = new Set(['mermaid', 'plantuml', 'puml', 'dot', 'graphviz', 'd2', 'ditaa', 'svgbob', 'nomnoml', 'excalidraw', 'bob', 'wavedrom', 'blockdiag', 'seqdiag']);
// Fences an ASCII drawing usually sits in; code in a real language with `->` is not a diagram.
const PLAIN_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'ascii', 'diagram', 'art', 'none', 'asciiart', 'ascii-art']);
const ARROWS = ['-->', '->', '→', '<--', '<-', '←', '==>', '=>', '▶', '►', '↓', '↑', '─', '│', '+--', '|--', '---|', 'v\n'];
const HTML_PICTURE = /<(?:img|svg|picture|object|embed)\b/i;

export const METHOD_PATH = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(?:\|\s*)?[`'"]?\/|\brpc\s+\w+\s*\(|`\/[\w{}:.-]/;
const CREATE_TABLE = /\bcreate\s+(?:table|collection)\b/i;
const SCHEMA_LANGS = new Set(['sql', 'prisma', 'proto', 'protobuf', 'graphql', 'dbml', 'avro', 'cql', 'mysql', 'postgresql', 'postgres', 'psql']);
const FIELD_HEADER = /\b(?:field|fields|column|columns|attribute|attributes|type|key|datatype|data type)\b/i;

export function isDiagramBlock(block: Block): boolean {
  return signals(block).diagram;
}

const memo = new ObjectMemo<Block, BlockSignals>(MEMO_LIMITS.blocks);

/** A block's signals; blocks never change after parsing, so the answer is kept per block. */
export function signals(block: Block): BlockSignals {
  let found = memo.get(block);
  if (!found) memo.set(block, (found = read(block)));
  return found;
}

function read(block: Block): BlockSignals {
  const out: BlockSignals = { arithmetic: 0, endpoints: 0, schema: false, diagram: false };
  if (block.images && block.images.length > 0) out.diagram = true;
  switch (block.kind) {
    case 'html':
      if (HTML_PICTURE.test(block.text)) out.diagram = true;
      return out;
    case 'code': {
      const lang = block.lang ?? '';
      if (DIAGRAM_LANGS.has(lang)) out.diagram = true;
      else if (PLAIN_LANGS.has(lang) && (ARROWS.some((arrow) => block.text.includes(arrow)) || asciiDrawing(block.text))) out.diagram = true;
      if (lang === 'estimate') out.arithmetic = 1;
      if (CREATE_TABLE.test(block.text) || SCHEMA_LANGS.has(lang) || (PLAIN_LANGS.has(lang) && columnList(block.text))) out.schema = true;
      countLines(block.text, out, PLAIN_LANGS.has(lang));
      return out;
    }
    case 'table':
      if (block.table && block.table.rows.length > 0 && block.table.header.some((h) => FIELD_HEADER.test(h))) out.schema = true;
      countLines(block.text, out, true);
      return out;
    default:
      countLines(block.text, out, true);
      // A sequence or box drawing written straight into a paragraph ("|---- visit URL --->|").
      if (block.kind === 'paragraph' && asciiDrawing(block.text)) out.diagram = true;
      return out;
  }
}

/** An operator between numbers (`2 × 3`, `10M * 2 KB`, `2^{32}`, `{62}^7`, `\times`). */
const ARITHMETIC = /\d\s*(?:[×*x·/÷^]|\\times|\\cdot)\s*[\d$({]|\}\s*\^\s*\{?\d|\d\s*[kmbgt]?[a-z/]*\s*(?:[×*·/÷]|\\times)/i;

function countLines(text: string, out: BlockSignals, prose: boolean): void {
  for (let from = 0; from <= text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const line = text.slice(from, end);
    from = end + 1;
    if (METHOD_PATH.test(line)) out.endpoints++;
    if (prose && looksLikeEstimate(line) && ARITHMETIC.test(line)) out.arithmetic++;
    if (!out.schema && CREATE_TABLE.test(line)) out.schema = true;
  }
}

/** `shortlink char(7) NOT NULL`: a column and its SQL type at the start of a line. */
const COLUMN_LINE = /^\s*[A-Za-z_]\w*\s+(?:varchar|char|character|int|integer|bigint|smallint|tinyint|serial|bigserial|text|datetime|timestamp|timestamptz|date|time|boolean|bool|uuid|float|double|decimal|numeric|real|json|jsonb|blob|bytea|binary|varbinary)\b(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?/i;
const KEY_OR_CONSTRAINT = /\b(?:primary\s+key|not\s+null|foreign\s+key|references|unique)\b/i;

/** A plain fence listing typed columns with a key or constraint: a table's definition without CREATE TABLE. */
function columnList(text: string): boolean {
  let columns = 0;
  for (const line of text.split('\n')) if (COLUMN_LINE.test(line)) columns++;
  return columns >= 2 && KEY_OR_CONSTRAINT.test(text);
}

/** Two or more lines of boxes and arrows, not code that happens to contain `->`. */
function asciiDrawing(text: string): boolean {
  let lines = 0;
  for (const line of text.split('\n')) {
    if (/[+|][-=]{2,}|[-=]{2,}[+|>]|[│─┌┐└┘├┤]|\[[^\]]+\]\s*(?:-+>|→|<-+)|(?:-+>|→|<-+)\s*\[|\(\w[^)]*\)\s*-+>/.test(line)) lines++;
    if (lines >= 2) return true;
  }
  return false;
}
