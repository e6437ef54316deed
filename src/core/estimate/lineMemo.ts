// Remembers what each estimate line produced, and the names it read to produce it, so a keystroke in
// one estimate line re-runs that line and the lines that read what it defines, not the whole document.
import type { EstimateLine, EstimateReport, EstimateSource, Finding } from '../types';
import type { Quantity } from './quantity';

/** The names map of a run; records every name a line looks up (present or not) while it runs. */
export class ReadRecordingNames extends Map<string, Quantity> {
  reads: Map<string, Quantity | undefined> | undefined;
  /** The name the recorded line defined, if any. */
  defined: string | undefined;

  override set(key: string, value: Quantity): this {
    if (this.reads) this.defined = key;
    return super.set(key, value);
  }

  override get(key: string): Quantity | undefined {
    const value = super.get(key);
    if (this.reads && !this.reads.has(key)) this.reads.set(key, value);
    return value;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/** What running one line did to the report and to the names. */
export interface LineEffects {
  reads: Map<string, Quantity | undefined>;
  lines: EstimateLine[];
  findings: Finding[];
  definition?: { key: string; text: string; value: Quantity; entry: EstimateReport['names'][string] };
}

export interface RunState {
  names: ReadRecordingNames;
  nameText: Map<string, string>;
  report: EstimateReport;
}

let memo = new Map<string, LineEffects>();
/** The lines the last run used: what survives when the memo is trimmed. */
let used = new Map<string, LineEffects>();
/** Lines the current (or last) run had to run rather than replay. */
let ran = 0;

/** How many lines the last run ran rather than replayed (for tests of the memo). */
export function linesRunLastTime(): number {
  return ran;
}
/** A copy of the settings the memo was filled with (compared field by field: cheaper than JSON). */
let memoSettings: Record<string, unknown> | undefined;
/** Lines kept beyond those of the last run (other documents, earlier versions of this one). */
const MAX_LINES = 20_000;

export function clearLineMemo(): void {
  memo = new Map();
  used = new Map();
}

/** Same values under the same keys (primitives; anything else must be the same object). */
export function sameSettings(a: Record<string, unknown>, b: Record<string, unknown> | undefined): boolean {
  if (!b) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.is(a[k], b[k]) || !Object.prototype.hasOwnProperty.call(b, k)) return false;
  return true;
}

/** Starts a run: the memo only holds for the settings it was filled with. */
export function beginRun(settings: object): void {
  const current = settings as Record<string, unknown>;
  if (!sameSettings(current, memoSettings)) {
    memo = new Map();
    memoSettings = { ...current };
  } else if (memo.size > MAX_LINES + used.size) {
    // Trimmed to the last run's lines, not emptied: a document with more estimate lines than the cap
    // would otherwise start from nothing on every keystroke.
    memo = used;
  }
  used = new Map();
  ran = 0;
}

/** The memo key of a line (computed once per line per run: it is a long string to hash). */
export function keyOf(src: EstimateSource): string {
  return `${src.line}\u0000${src.column}\u0000${src.strict ? 1 : 0}\u0000${src.text}${src.context === undefined ? '' : `\u0000${src.context}`}`;
}

/** The remembered effects of this line, when every name it read still has the same value. */
export function recall(key: string, state: RunState): LineEffects | undefined {
  const effects = memo.get(key);
  if (!effects) return undefined;
  for (const [name, value] of effects.reads) {
    // Map.prototype.get: looking a name up here must not count as a read of the line being replayed.
    if (Map.prototype.get.call(state.names, name) !== value) return undefined;
  }
  used.set(key, effects);
  return effects;
}

/** Applies remembered effects exactly as running the line did. */
export function replay(effects: LineEffects, state: RunState): void {
  state.report.findings.push(...effects.findings);
  state.report.lines.push(...effects.lines);
  const def = effects.definition;
  if (!def) return;
  state.names.set(def.key, def.value);
  const earlier = state.nameText.get(def.key);
  if (earlier !== undefined) delete state.report.names[earlier];
  state.nameText.set(def.key, def.text);
  state.report.names[def.text] = def.entry;
}

/** Runs one line with its reads recorded, and remembers what it did. */
export function runRecorded(key: string, state: RunState, run: () => void): void {
  ran++;
  const lines = state.report.lines.length;
  const findings = state.report.findings.length;
  const reads = new Map<string, Quantity | undefined>();
  state.names.reads = reads;
  state.names.defined = undefined;
  try {
    run();
  } finally {
    state.names.reads = undefined;
  }
  const effects: LineEffects = {
    reads,
    lines: state.report.lines.length > lines ? state.report.lines.slice(lines) : [],
    findings: state.report.findings.length > findings ? state.report.findings.slice(findings) : [],
  };
  const name = state.names.defined;
  if (name !== undefined) {
    const text = state.nameText.get(name);
    const value = Map.prototype.get.call(state.names, name) as Quantity | undefined;
    const entry = text === undefined ? undefined : state.report.names[text];
    if (text !== undefined && value && entry) effects.definition = { key: name, text, value, entry };
  }
  memo.set(key, effects);
  used.set(key, effects);
}
