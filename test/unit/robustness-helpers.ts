// Shared checks for the robustness and fuzz suites: ranges inside the document, CPU timing, corpora.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from '../../src/core/types';

const repoRoot = path.resolve(__dirname, '../..');

function isPosition(value: unknown): value is { line: number; character: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { line?: unknown }).line === 'number' &&
    typeof (value as { character?: unknown }).character === 'number'
  );
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}

/** Every Range anywhere in a result graph (parent links and shared objects visited once), with its path. */
export function collectRanges(value: unknown): Array<{ path: string; range: Range }> {
  const seen = new Set<object>();
  const out: Array<{ path: string; range: Range }> = [];
  const walk = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (isRange(node)) {
      out.push({ path: at, range: node });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      walk(child, Array.isArray(node) ? `${at}[${key}]` : `${at}.${key}`);
    }
  };
  walk(value, '$');
  return out;
}

/** Each range starts before it ends, on an existing line, at a character no further than the line's end. */
export function assertRangesInside(result: unknown, lines: readonly string[], label = ''): void {
  for (const { path: at, range } of collectRanges(result)) {
    const where = `${label} ${at} ${JSON.stringify(range)}`;
    for (const p of [range.start, range.end]) {
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `non-integer position at ${where}`);
      assert.ok(p.line >= 0 && p.line < lines.length, `line outside the document (${lines.length} lines) at ${where}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character past the line end (${lines[p.line].length}) at ${where}`);
    }
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    assert.ok(ordered, `range ends before it starts at ${where}`);
  }
}

export interface Timed<T> {
  value: T;
  /** Process CPU time: not inflated when other processes share the machine. */
  cpuMs: number;
  wallMs: number;
}

export function timed<T>(fn: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, cpuMs: (c.user + c.system) / 1000, wallMs };
}

export function figure(label: string, t: Timed<unknown>): string {
  return `${label}: ${t.cpuMs.toFixed(1)} ms CPU, ${t.wallMs.toFixed(1)} ms wall`;
}

/** Prints a measured figure under the test title (the issue asks for the real numbers, not just a pass). */
export function report(line: string): void {
  if (process.env.ROBUSTNESS_QUIET !== '1') console.log(`      ${line}`);
}

export interface CorpusDoc {
  name: string;
  text: string;
}

function readDir(dir: string, ext: string, prefix: string): CorpusDoc[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ name: `${prefix}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Our own small corpus (always present), the examples, and the shared seed documents when the
 * checkout sits beside them (`../shared/seeds` from the repository root).
 */
export function corpus(): CorpusDoc[] {
  return [
    ...readDir(path.join(repoRoot, 'test/fixtures/robustness'), '.md', 'fixtures'),
    ...readDir(path.join(repoRoot, 'examples'), '.md', 'examples'),
    ...readDir(path.resolve(repoRoot, '../shared/seeds'), '.txt', 'seeds'),
  ];
}

/** Seeded bytes (mulberry32), so "random" garbage is the same on every run. */
export function seededBytes(count: number, seed: number): Uint8Array {
  let state = seed >>> 0;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}
