// Splits YAML front matter off a document and parses it with a real YAML parser.
import { parseDocument as parseYaml } from 'yaml';
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
  try {
    const doc = parseYaml(source, { prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
      const docLine = Math.min(close - 1, Math.max(1, line));
      result.error = {
        message: `Front matter is not valid YAML: ${firstLine(error.message)}`,
        range: {
          start: { line: docLine, character: Math.max(0, col - 1) },
          end: { line: docLine, character: lines[docLine]?.length ?? 0 },
        },
      };
      return result;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return result;
    if (typeof value !== 'object' || Array.isArray(value)) {
      result.error = {
        message: 'Front matter must be a YAML mapping of keys to values (for example `sysdesign: default`).',
        range: { start: { line: 1, character: 0 }, end: { line: Math.max(1, close - 1), character: lines[Math.max(1, close - 1)]?.length ?? 0 } },
      };
      return result;
    }
    result.data = value as Record<string, unknown>;
  } catch (err) {
    result.error = {
      message: `Front matter could not be read: ${firstLine(err instanceof Error ? err.message : String(err))}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    };
  }
  return result;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0].trim();
}
