// Unit vocabulary and dimension vectors (time, data, money). Count nouns are soft labels, not dimensions.

export interface Dim {
  /** Power of seconds. */
  t: number;
  /** Power of bytes. */
  b: number;
  /** Power of dollars. */
  m: number;
}

export const NONE: Dim = { t: 0, b: 0, m: 0 };

export function dimEq(a: Dim, b: Dim): boolean {
  return a.t === b.t && a.b === b.b && a.m === b.m;
}

export function dimMul(a: Dim, b: Dim, sign = 1): Dim {
  return { t: a.t + sign * b.t, b: a.b + sign * b.b, m: a.m + sign * b.m };
}

export function isNone(d: Dim): boolean {
  return d.t === 0 && d.b === 0 && d.m === 0;
}

export interface UnitDef {
  /** Base units (seconds, bytes, dollars) per one of this unit. */
  factor: number;
  dim: Dim;
  /** Written in bits (b, Mbps). */
  bits?: boolean;
  /** IEC binary prefix (KiB). */
  binary?: boolean;
  /** Decimal/binary prefix exponent of a data unit (K=1, M=2...). */
  prefix?: number;
  /** Seconds per unit for a time unit, or for the denominator of a rate unit (rps: 1). */
  period?: number;
  /** Canonical short spelling for display. */
  short: string;
}

const DAY = 86400;

/** Time units; `month`/`year` lengths come from settings. */
export function timeUnits(daysPerMonth: number, daysPerYear: number): Record<string, [number, string]> {
  const m = daysPerMonth * DAY;
  const y = daysPerYear * DAY;
  return {
    ns: [1e-9, 'ns'], nanosecond: [1e-9, 'ns'], nanoseconds: [1e-9, 'ns'],
    'µs': [1e-6, 'µs'], 'μs': [1e-6, 'µs'], us: [1e-6, 'µs'], microsecond: [1e-6, 'µs'], microseconds: [1e-6, 'µs'],
    ms: [1e-3, 'ms'], millisecond: [1e-3, 'ms'], milliseconds: [1e-3, 'ms'], msec: [1e-3, 'ms'],
    s: [1, 's'], sec: [1, 's'], secs: [1, 's'], second: [1, 's'], seconds: [1, 's'],
    min: [60, 'min'], mins: [60, 'min'], minute: [60, 'min'], minutes: [60, 'min'],
    h: [3600, 'h'], hr: [3600, 'h'], hrs: [3600, 'h'], hour: [3600, 'h'], hours: [3600, 'h'],
    day: [DAY, 'day'], days: [DAY, 'day'],
    week: [7 * DAY, 'week'], weeks: [7 * DAY, 'week'], wk: [7 * DAY, 'week'],
    month: [m, 'month'], months: [m, 'month'], mo: [m, 'month'],
    year: [y, 'year'], years: [y, 'year'], yr: [y, 'year'], yrs: [y, 'year'],
  };
}

/** Equal as the string keys these caches used to build (`${n}`): 0 matches -0 and NaN matches NaN. */
export function sameSetting(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/*
 * The tables below are Maps: indexing a Record with a word sliced from a line made V8 look the string
 * up in its property-name table on each call, and also matched Object.prototype's names (`toString`).
 */
let timeCache: { month: number; year: number; table: Map<string, [number, string]> } | undefined;
function cachedTimes(daysPerMonth: number, daysPerYear: number): Map<string, [number, string]> {
  if (!timeCache || !sameSetting(timeCache.month, daysPerMonth) || !sameSetting(timeCache.year, daysPerYear)) {
    timeCache = { month: daysPerMonth, year: daysPerYear, table: new Map(Object.entries(timeUnits(daysPerMonth, daysPerYear))) };
  }
  return timeCache.table;
}

const PREFIX: Record<string, number> = { '': 0, k: 1, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };
const DATA_WORDS = new Map<string, number>([
  ['kbyte', 1], ['kbytes', 1], ['mbyte', 2], ['mbytes', 2], ['gbyte', 3], ['gbytes', 3], ['tbyte', 4], ['tbytes', 4],
  ['kilobyte', 1], ['kilobytes', 1], ['megabyte', 2], ['megabytes', 2], ['gigabyte', 3], ['gigabytes', 3],
  ['terabyte', 4], ['terabytes', 4], ['petabyte', 5], ['petabytes', 5],
]);
export const DATA_PREFIXES = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

const LOWER_BYTES = new Map<string, number>([['kb', 1], ['mb', 2], ['gb', 3], ['tb', 4], ['pb', 5]]);
const DATA_RE = /^([kKMGTPE]?)(i?)(B|b|bit|bits|byte|bytes|bps|Bps)$/;

/** Case-insensitive rate words meaning "per second". */
const PER_SECOND = new Set(['rps', 'qps', 'tps', 'ops', 'wps', 'iops', 'pps', 'eps']);

/**
 * Looks up a unit word. Data units are case-sensitive (B is a byte, b a bit); time words are not.
 * Returns undefined for count nouns and unknown words.
 */
export function lookupUnit(word: string, daysPerMonth: number, daysPerYear: number): UnitDef | undefined {
  const lower = word.toLowerCase();
  const times = cachedTimes(daysPerMonth, daysPerYear);
  // `B` alone stays bytes; `m` alone (metres? minutes?) is not a unit here.
  const t = times.get(word) ?? (word.length > 2 ? times.get(lower) : undefined);
  if (t) return { factor: t[0], dim: { t: 1, b: 0, m: 0 }, period: t[0], short: t[1] };
  if (PER_SECOND.has(lower)) return { factor: 1, dim: { t: -1, b: 0, m: 0 }, period: 1, short: '/s' };
  if (lower === 'usd' || lower === 'dollar' || lower === 'dollars') {
    return { factor: 1, dim: { t: 0, b: 0, m: 1 }, short: '$' };
  }
  const wordPrefix = DATA_WORDS.get(lower);
  if (wordPrefix !== undefined) {
    return { factor: 1000 ** wordPrefix, dim: { t: 0, b: 1, m: 0 }, prefix: wordPrefix, short: DATA_PREFIXES[wordPrefix] + 'B' };
  }
  // `kb`, `mb`, `gb`, `tb` in lower case are bytes as people write them (`Kb`, `Mb`, `Gbps` stay bits).
  const lowerBytes = LOWER_BYTES.get(word);
  if (lowerBytes !== undefined) {
    return { factor: 1000 ** lowerBytes, dim: { t: 0, b: 1, m: 0 }, prefix: lowerBytes, short: DATA_PREFIXES[lowerBytes] + 'B' };
  }
  const m = DATA_RE.exec(word);
  if (!m) return undefined;
  const [, pre, iec, base] = m;
  if (iec && !pre) return undefined;
  if (base === 'b' && !pre) return undefined; // a lone `b` is too ambiguous to be a bit
  const p = PREFIX[pre];
  const mult = iec ? 1024 ** p : 1000 ** p;
  const bits = base === 'b' || base === 'bit' || base === 'bits' || base === 'bps';
  const rate = base === 'bps' || base === 'Bps';
  const factor = bits ? mult / 8 : mult;
  return {
    factor,
    dim: { t: rate ? -1 : 0, b: 1, m: 0 },
    bits,
    binary: iec === 'i',
    prefix: p,
    period: rate ? 1 : undefined,
    short: (pre === 'k' ? 'K' : pre) + iec + (bits ? (rate ? 'bps' : 'b') : rate ? 'B/s' : 'B'),
  };
}

function unitPart(sym: string, p: number): string {
  const a = Math.abs(p);
  return a === 1 ? sym : `${sym}^${a}`;
}

/** Canonical unit string of a dimension, e.g. `B/s`, `/s`, `s`, `$`, `` for a count. */
export function canonicalUnit(d: Dim): string {
  if (d.m === 0 && d.b === 0 && d.t === 0) return '';
  if (d.m === 0 && d.b === 1 && d.t === 0) return 'B';
  if (d.m === 0 && d.b === 1 && d.t === -1) return 'B/s';
  if (d.m === 0 && d.b === 0 && d.t === -1) return '/s';
  const num: string[] = [];
  const den: string[] = [];
  if (d.m) (d.m > 0 ? num : den).push(unitPart('$', d.m));
  if (d.b) (d.b > 0 ? num : den).push(unitPart('B', d.b));
  if (d.t) (d.t > 0 ? num : den).push(unitPart('s', d.t));
  let out = num.join('·');
  if (den.length) out += '/' + den.join('·');
  return out;
}

const CANONICAL_PIECE = /^(\$|B|s)(?:\^(\d+))?$/;

function applyPieces(d: Dim, part: string | undefined, sign: number): boolean {
  if (!part) return true;
  for (const piece of part.split('·')) {
    const m = CANONICAL_PIECE.exec(piece);
    if (!m) return false;
    const p = sign * (m[2] ? Number(m[2]) : 1);
    if (m[1] === '$') d.m += p;
    else if (m[1] === 'B') d.b += p;
    else d.t += p;
  }
  return true;
}

/** Reads a canonical unit string back into a dimension (inverse of canonicalUnit). */
export function dimOfCanonical(unit: string): Dim | undefined {
  const known = CANONICAL_DIMS.get(unit);
  // Readers never mutate the dim, so the cached one is shared.
  if (known !== undefined || CANONICAL_DIMS.has(unit)) return known;
  const d = readCanonical(unit);
  // A document uses a handful of units; the cap only guards against odd inputs.
  if (CANONICAL_DIMS.size < 256) CANONICAL_DIMS.set(unit, d && { ...d });
  return d;
}

const CANONICAL_DIMS = new Map<string, Dim | undefined>();

function readCanonical(unit: string): Dim | undefined {
  const d: Dim = { t: 0, b: 0, m: 0 };
  const [num, den, extra] = unit.split('/');
  if (extra !== undefined) return undefined;
  if (!applyPieces(d, num, 1) || !applyPieces(d, den, -1)) return undefined;
  return d;
}

/** Short human name of a dimension for messages. */
export function describeDim(d: Dim): string {
  if (isNone(d)) return 'a plain number';
  if (dimEq(d, { t: 0, b: 1, m: 0 })) return 'data (bytes)';
  if (dimEq(d, { t: -1, b: 1, m: 0 })) return 'a data rate (bytes/s)';
  if (dimEq(d, { t: -1, b: 0, m: 0 })) return 'a rate (per second)';
  if (dimEq(d, { t: 1, b: 0, m: 0 })) return 'a duration';
  if (dimEq(d, { t: 0, b: 0, m: 1 })) return 'money';
  return canonicalUnit(d);
}

export function periodName(seconds: number, daysPerMonth: number, daysPerYear: number): string | undefined {
  const table: [number, string][] = [
    [1, 'second'], [60, 'minute'], [3600, 'hour'], [DAY, 'day'], [7 * DAY, 'week'],
    [daysPerMonth * DAY, 'month'], [daysPerYear * DAY, 'year'],
  ];
  for (const [s, n] of table) if (Math.abs(s - seconds) < 1e-9 * s) return n;
  return undefined;
}
