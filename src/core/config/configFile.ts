// Reads the project's config file (.sysdesign/config.jsonc: JSON with comments) into a layer for
// resolveDesignConfig, with every problem placed at its line and column. A broken file loses only what
// is broken: a syntax error drops the file (defaults stand in), a bad key drops that key.
// The ESM build of jsonc-parser: its UMD main uses dynamic requires a bundler cannot follow.
import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { lineIndexAt, lineStartOffsets } from '../lineIndex';
import { ALL_KEYS, CONFIG_FILE, EDITOR_ONLY_KEYS, SHARED_KEYS, type ConfigLayer, type ConfigProblem } from './designConfig';

export { CONFIG_FILE };
/** Larger files are not read: a config file is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

export interface ConfigFileLayer extends ConfigLayer {
  /** Problems of the file itself (syntax, unknown or misplaced keys); bad values are reported when resolved. */
  problems: ConfigProblem[];
}

const SHARED = new Set<string>(SHARED_KEYS);
const EDITOR_ONLY = new Set<string>(EDITOR_ONLY_KEYS);
const TOP_LEVEL = new Set(['$schema', ...ALL_KEYS.map((k) => k.split('.')[0])]);

/** `source` names the file in reports (a path relative to where the user stands, or the file's URI). */
export function readConfigFile(text: string, source: string): ConfigFileLayer {
  const starts = lineStartOffsets(text);
  const at = (offset: number) => {
    const line = lineIndexAt(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
  const problems: ConfigProblem[] = [];
  const empty: ConfigFileLayer = { source, problems, get: () => undefined };
  if (text.length > MAX_CONFIG_BYTES) {
    problems.push({ source, key: '', line: 1, column: 1, message: `is larger than ${MAX_CONFIG_BYTES / 1024} KB; it is not read.` });
    return empty;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const where = first ? at(first.offset) : { line: 1, column: 1 };
    const what = first ? `is not valid JSON with comments (${syntaxMessage(first.error)})` : 'is empty';
    problems.push({ source, key: '', ...where, message: `${what}; none of it is used until it is fixed.` });
    return empty;
  }
  if (root.type !== 'object') {
    problems.push({ source, key: '', ...at(root.offset), message: 'must be an object such as { "rules": { "SD001": "off" } }; it is not used.' });
    return empty;
  }

  const values = new Map<string, Node>();
  const keyNodes = new Map<string, Node>();
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (!TOP_LEVEL.has(key)) {
      problems.push({ source, key, ...at(keyNode.offset), message: `"${key}" is not a setting${suggest(key)}; it is ignored.` });
      continue;
    }
    if (key === '$schema') continue;
    if (key === 'estimates' && valueNode.type === 'object') {
      for (const inner of valueNode.children ?? []) {
        const [innerKey, innerValue] = inner.children ?? [];
        if (!innerKey || !innerValue) continue;
        const full = `estimates.${String(innerKey.value)}`;
        if (!admit(full, innerKey)) continue;
        values.set(full, innerValue);
        keyNodes.set(full, innerKey);
      }
      continue;
    }
    if (key === 'estimates') {
      problems.push({ source, key, ...at(valueNode.offset), message: '"estimates" must be an object such as { "peakFactor": 3 }; it is ignored.' });
      continue;
    }
    if (!admit(key, keyNode)) continue;
    values.set(key, valueNode);
    keyNodes.set(key, keyNode);
  }

  return {
    source,
    problems,
    get: (key) => {
      const node = values.get(key);
      return node ? (getNodeValue(node) as unknown) : undefined;
    },
    locate: (key) => {
      const node = keyNodes.get(key);
      return node ? at(node.offset) : undefined;
    },
  };

  function admit(key: string, keyNode: Node): boolean {
    if (SHARED.has(key)) return true;
    const message = EDITOR_ONLY.has(key)
      ? `"${key}" is an editor setting (systemDesign.${key} in VS Code settings), not a project one; it is ignored here.`
      : `"${key}" is not a setting${suggest(key)}; it is ignored.`;
    problems.push({ source, key, ...at(keyNode.offset), message });
    return false;
  }
}

/** jsonc-parser's error codes in words (its own names live in the part of the package the bundles leave out). */
const SYNTAX: Record<number, string> = {
  1: 'unexpected symbol',
  2: 'bad number',
  3: 'a property name is expected',
  4: 'a value is expected',
  5: 'a colon is expected',
  6: 'a comma is expected',
  7: 'a closing brace is expected',
  8: 'a closing bracket is expected',
  9: 'text after the end',
  10: 'bad comment',
  11: 'unclosed comment',
  12: 'unclosed string',
  13: 'unfinished number',
  14: 'bad unicode escape',
  15: 'bad escape character',
  16: 'bad character',
};

function syntaxMessage(code: number): string {
  return SYNTAX[code] ?? `syntax error ${code}`;
}

/** " (did you mean "rules"?)" for a near miss of a known key. */
function suggest(key: string): string {
  const lower = key.toLowerCase();
  const last = lower.split('.').pop()!;
  const near = ALL_KEYS.find((k) => {
    const name = k.toLowerCase();
    return name === lower || name.endsWith(`.${lower}`) || distance(name.split('.').pop()!, last) <= 2;
  });
  return near ? ` (did you mean "${near}"?)` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
