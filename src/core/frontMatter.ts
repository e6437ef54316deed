// Splits YAML front matter off a document and parses it with a real YAML parser.
import { JSON_SCHEMA, load, YAMLException } from 'js-yaml';
import type { FrontMatter } from './types';

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Front matter must open on the very first line; an unclosed fence is not front matter. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { data: {}, startLine: 0, endLine: 0, present: false };
  if (lines.length === 0 || !FENCE.test(lines[0])) return none;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close < 0) return none;

  const result: FrontMatter = { data: {}, startLine: 0, endLine: close + 1, present: true };
  const source = lines.slice(1, close).join('\n');
  let value: unknown;
  try {
    // JSON_SCHEMA: plain data only (no dates, no custom tags), and duplicate keys are errors.
    value = load(source, { schema: JSON_SCHEMA, json: false });
  } catch (err) {
    const mark = err instanceof YAMLException ? err.mark : undefined;
    const reason = err instanceof YAMLException ? err.reason : err instanceof Error ? err.message : String(err);
    const line = Math.min(close - 1, 1 + (mark?.line ?? 0));
    result.error = {
      message: `Front matter is not valid YAML: ${firstLine(reason)}`,
      range: {
        start: { line, character: Math.min(mark?.column ?? 0, lines[line]?.length ?? 0) },
        end: { line, character: lines[line]?.length ?? 0 },
      },
    };
    return result;
  }
  if (value === null || value === undefined) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    const last = Math.max(1, close - 1);
    result.error = {
      message: 'Front matter must be a YAML mapping of keys to values (for example `sysdesign: default`).',
      range: { start: { line: 1, character: 0 }, end: { line: last, character: lines[last]?.length ?? 0 } },
    };
    return result;
  }
  // js-yaml keeps aliases as shared references, so a few lines can stand for billions of nodes: any
  // later walk of the value (stringify, copy, schema check) would expand them. Refuse such a value here.
  if (expandedSize(value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    result.error = {
      message: `Front matter is refused: its aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} values. Write the values out instead of repeating anchors.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: lines[0].length } },
    };
    return result;
  }
  result.data = value as Record<string, unknown>;
  return result;
}

/** Front matter is a handful of keys; this many values once aliases are expanded is an attack or a mistake. */
export const MAX_EXPANDED_NODES = 10_000;

/**
 * How many values `value` holds once every alias is expanded, counting each shared object once per
 * place it is used, stopping as soon as the count passes `limit`. Each distinct object's size is
 * computed once, so the walk is linear in the parsed (unexpanded) value; a cycle counts as too large.
 */
export function expandedSize(value: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (open.has(v)) return limit + 1;
    open.add(v);
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child);
      if (n > limit) break;
    }
    open.delete(v);
    n = Math.min(n, limit + 1);
    sizes.set(v, n);
    return n;
  };
  return size(value);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim();
}
