// Screens every regular-expression literal in src/core for super-linear backtracking.
// Run: npx tsx bench/regex-screen.ts   (prints suspects with file:line; exit 1 when there are any)
// Each literal is tried on strings built from its own literal characters and from common runs
// (spaces, letters, digits, '-', '#', brackets); a case slower than a few ms at n is re-timed at 4n,
// and it is a suspect when CPU time grows by more than 8× (linear would be about 4×).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

interface Literal {
  file: string;
  line: number;
  text: string;
  re: RegExp;
}

const root = path.resolve(__dirname, '..');
const coreDir = path.join(root, 'src', 'core');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : tsFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

export function regexLiterals(files: string[]): Literal[] {
  const out: Literal[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        try {
          const re = new RegExp(text.slice(1, slash), text.slice(slash + 1).replace(/[gy]/g, ''));
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          out.push({ file: path.relative(root, file), line, text, re });
        } catch {
          // A flag this Node does not know: skip.
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const COMMON = [' ', '\t', 'a', 'A', '1', '0', '-', '#', '.', ',', '_', '*', '[', ']', '(', ')', '|', '`', '<', '>', '=', '/', ':', 'x', 'é', '\u00a0', '$', '~', '\\', "'", '"', '!', '?', '+', '%', '@', '^', '&', '{', '}', '×', '→', '≈'];
const PAIRS = ['1,', '1.', 'a ', '- ', '# ', ' #', '[a', '(a', 'a-', '1 ', 'a1', ' |', '| ', '* ', '_a', '1e', '1k', 'k ', ' x', '= ', '/a', 'a.', '<!--', ' - ', '1,000 ', '10 M', 'per ', '-->'];

/** Literal runs in a regex source: the characters an attacker would repeat. */
function literalsOf(source: string): string[] {
  const cleaned = source.replace(/\\[dDwWsSbB]/g, ' ').replace(/\\u\{?[0-9a-fA-F]+\}?/g, ' ').replace(/\\p\{[^}]*\}/g, 'a').replace(/\\(.)/g, '$1');
  const runs = cleaned.split(/[()[\]{}|?*+^$]+/).filter((r) => r.length > 0 && r.length < 30);
  const chars = [...new Set(cleaned.replace(/[()[\]{}|?*+^$]/g, ''))];
  return [...new Set([...runs, ...chars])];
}

function attacks(lit: Literal, n: number): string[] {
  const units = [...COMMON, ...PAIRS, ...literalsOf(lit.re.source)];
  const out: string[] = [];
  for (const u of units) {
    const body = u.repeat(Math.max(1, Math.floor(n / u.length)));
    out.push(`${body}\u0001`, `a${body}b`, `${body}`);
  }
  return out;
}

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function run(re: RegExp, s: string): void {
  re.lastIndex = 0;
  re.exec(s);
  // Global use (replace/matchAll) restarts at every position: try that too.
  const g = new RegExp(re.source, `${re.flags}g`);
  s.replace(g, '');
}

export interface Suspect {
  where: string;
  regex: string;
  input: string;
  small: number;
  large: number;
}

export function screen(literals: Literal[], n = 3000): Suspect[] {
  const suspects: Suspect[] = [];
  for (const lit of literals) {
    for (const input of attacks(lit, n)) {
      const small = cpuMs(() => run(lit.re, input));
      if (small < 3) continue;
      const bigger = input.slice(0, -1).repeat(4) + input.slice(-1);
      const large = cpuMs(() => run(lit.re, bigger));
      if (large > 8 * small && large > 20) {
        const shown = JSON.stringify(input.slice(0, 12)) + (input.length > 12 ? `… (${input.length} chars)` : '');
        suspects.push({ where: `${lit.file}:${lit.line}`, regex: lit.text, input: shown, small, large });
        break;
      }
    }
  }
  return suspects;
}

if (require.main === module) {
  const literals = regexLiterals(tsFiles(coreDir));
  const started = performance.now();
  const suspects = screen(literals);
  console.log(`screened ${literals.length} regex literals in src/core in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const s of suspects) {
    console.log(`SUSPECT ${s.where}  ${s.regex}\n   on ${s.input}: ${s.small.toFixed(1)} ms at n, ${s.large.toFixed(1)} ms at 4n`);
  }
  if (suspects.length > 0) process.exitCode = 1;
}
