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
  result.data = value as Record<string, unknown>;
  return result;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim();
}
