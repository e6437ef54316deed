// Human display of quantities: 3 significant figures, K/M/B/T counts, SI (or IEC) data, rates per period.
import { DATA_PREFIXES, dimOfCanonical } from './units';

export interface FormatOptions {
  /** Significant figures (3). */
  sig?: number;
  /** Count noun shown after the number (`writes`). */
  label?: string;
  /** Seconds of the period a rate is shown per (86,400 → `/day`); default per second. */
  period?: number;
  /** Use KiB/MiB (the inputs did). */
  binary?: boolean;
  /** Show data in bits (Mbps). */
  bits?: boolean;
  /** Round up to whole units and show the exact value in brackets (servers). */
  roundUp?: boolean;
  /** Show a taken-as-a-whole fraction as a percentage (0.0625 → 6.25%). */
  percent?: boolean;
  /** Show a duration in this unit (seconds per unit), as the author wrote it. */
  timeUnit?: number;
}

const DURATION_NAMES: [number, string][] = [
  [1e-9, 'ns'], [1e-6, 'µs'], [1e-3, 'ms'], [1, 's'], [60, 'min'], [3600, 'h'], [86400, 'days'], [604800, 'weeks'],
];

const PERIOD_SHORT: [number, string][] = [
  [1, 's'], [60, 'min'], [3600, 'h'], [86400, 'day'], [604800, 'week'],
];

/** 10 ** k for k in -22..22, computed the same way as inline (Math.pow is a call per use otherwise). */
const POW10: number[] = [];
for (let k = -22; k <= 22; k++) POW10[k + 22] = 10 ** k;

function pow10(k: number): number {
  return k >= -22 && k <= 22 && Number.isInteger(k) ? POW10[k + 22] : 10 ** k;
}

/** Rounds half away from zero in decimal (1.825 → 1.83), which toPrecision does not (binary 1.8249...). */
export function roundSig(v: number, sig: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const s = Math.max(1, Math.min(21, sig));
  const mag = Math.floor(Math.log10(Math.abs(v)));
  const e = s - 1 - mag;
  const scale = pow10(e);
  const m = Math.round(Math.abs(v) * scale * (1 + 1e-12));
  // m × 10^-e in one correctly rounded operation is already the double nearest the decimal, which is
  // what the string round trip below yields, when m is exact with at most s ≤ 15 digits (the fudge
  // factor can carry it a digit further) and 10^|e| is exact (|e| ≤ 22).
  if (s <= 15 && m < pow10(s) && e >= -22 && e <= 22) {
    return Math.sign(v) * (e >= 0 ? m / scale : m * pow10(-e));
  }
  const r = m / scale;
  if (!Number.isFinite(r) || !Number.isFinite(scale)) return Number(v.toPrecision(s));
  return Math.sign(v) * Number(r.toPrecision(s));
}

/** Plain number, no exponent for everyday magnitudes, no trailing zeros. */
export function formatNumber(v: number, sig = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const r = roundSig(v, sig);
  const a = Math.abs(r);
  if (a !== 0 && (a < 1e-4 || a >= 1e15)) {
    return r.toExponential(Math.max(0, sig - 1)).replace(/\.?0+e/, 'e').replace('e+', 'e');
  }
  const s = String(r);
  return s.includes('e') ? r.toFixed(20).replace(/\.?0+$/, '') : s;
}

/** An integer with thousands separators (86,400); toLocaleString is slow and locale-dependent. */
export function grouped(v: number): string {
  const s = String(Math.round(Math.abs(v)));
  const sign = v < 0 ? '-' : '';
  if (s.length <= 3) return sign + s;
  // Exponent forms (1e+21) keep the regex; plain digits are cut into groups directly.
  if (!Number.isFinite(v) || s.includes('e')) return sign + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let k = out.length; k < s.length; k += 3) out += ',' + s.slice(k, k + 3);
  return sign + out;
}

const COUNT_SCALES: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/** Count with K/M/B/T: 11574 → `11.6K`. */
export function formatCount(v: number, sig = 3): string {
  const r = roundSig(v, sig);
  const a = Math.abs(r);
  for (const [s, suffix] of COUNT_SCALES) {
    if (a >= s && a < 1e15) return formatNumber(r / s, sig) + suffix;
  }
  return formatNumber(r, sig);
}

function formatData(bytes: number, sig: number, binary: boolean, bits: boolean, rateBits: boolean): string {
  const base = binary ? 1024 : 1000;
  const amount = bits ? bytes * 8 : bytes;
  // Round in the chosen unit, not in bytes: 19,150 B is 18.7 KiB, not 19,200 B ÷ 1024.
  const a = Math.abs(amount);
  let p = 0;
  while (p + 1 < DATA_PREFIXES.length && a >= base ** (p + 1)) p++;
  if (p + 1 < DATA_PREFIXES.length && Math.abs(roundSig(amount / base ** p, sig)) >= base) p++;
  const n = formatNumber(amount / base ** p, sig);
  const prefix = DATA_PREFIXES[p] + (binary && p > 0 ? 'i' : '');
  if (bits) return `${n} ${prefix}${rateBits ? 'bps' : 'b'}`;
  return `${n} ${prefix}B`;
}

/**
 * A month or a year is whatever the settings make it, which the formatter is not told; the settings
 * keep a month to 28–31 days and a year to 360–366, so a whole number of days in one of those ranges
 * can only be the period a claim was written per.
 */
function periodSuffix(period: number): string {
  for (const [s, n] of PERIOD_SHORT) if (Math.abs(s - period) < 1e-9 * s) return n;
  const days = period / 86400;
  if (Math.abs(days - Math.round(days)) < 1e-6) {
    if (days >= 28 && days <= 31) return 'month';
    if (days >= 360 && days <= 366) return 'year';
  }
  return `(${formatNumber(period)} s)`;
}

function formatDuration(sec: number, sig: number): string {
  const a = Math.abs(sec);
  const table: [number, string][] = [
    [365 * 86400, 'years'], [86400, 'days'], [3600, 'h'], [60, 'min'], [1, 's'], [1e-3, 'ms'], [1e-6, 'µs'],
    [1e-9, 'ns'],
  ];
  for (const [s, name] of table) {
    if (a >= s * 0.9999 || s === 1e-9) {
      const n = formatNumber(sec / s, sig);
      if (name === 'days' || name === 'years') return `${n} ${n === '1' ? name.slice(0, -1) : name}`;
      return `${n} ${name}`;
    }
  }
  return `${formatNumber(sec, sig)} s`;
}

function withLabel(n: string, label: string | undefined): string {
  if (!label) return n;
  return `${n} ${n === '1' ? singular(label) : label}`;
}

/** `servers` → `server` for a count of one; a word that is not a plain English plural stays as written. */
function singular(label: string): string {
  if (!/^[a-z]+$/i.test(label) || /(ss|us|is|SS|US|IS)$/.test(label) || !/s$/.test(label)) return label;
  if (/(x|ch|sh)es$/i.test(label)) return label.slice(0, -2);
  return label.slice(0, -1);
}

/**
 * Formats a value in base units. `unit` is canonical: `` (count), `/s`, `B`, `B/s`, `s`, `$`, `$/s`...
 */
export function formatQuantity(value: number, unit: string, opts: FormatOptions = {}): string {
  const sig = opts.sig ?? 3;
  const dim = dimOfCanonical(unit);
  if (!dim) return `${formatNumber(value, sig)} ${unit}`.trim();
  const period = opts.period ?? 1;
  if ((dim.t === 0 && dim.b === 0 && dim.m === 0)) {
    if (opts.percent) return `${formatNumber(value * 100, sig)}%`;
    if (opts.roundUp) {
      const up = Math.ceil(value - 1e-9);
      const exact = Math.abs(up - value) < 1e-9;
      return withLabel(formatCount(up, Math.max(sig, String(up).length)), opts.label) +
        (exact ? '' : ` (${formatNumber(value, sig)})`);
    }
    return withLabel(formatCount(value, sig), opts.label);
  }
  if ((dim.t === -1 && dim.b === 0 && dim.m === 0)) {
    return withLabel(formatCount(value * period, sig), opts.label) + '/' + periodSuffix(period);
  }
  if ((dim.t === 0 && dim.b === 1 && dim.m === 0)) return formatData(value, sig, !!opts.binary, !!opts.bits, false);
  if ((dim.t === -1 && dim.b === 1 && dim.m === 0)) {
    if (opts.bits && period === 1) return formatData(value, sig, !!opts.binary, true, true);
    return formatData(value * period, sig, !!opts.binary, !!opts.bits, false) + '/' + periodSuffix(period);
  }
  if ((dim.t === 1 && dim.b === 0 && dim.m === 0)) {
    const named = opts.timeUnit && DURATION_NAMES.find(([u]) => Math.abs(u - opts.timeUnit!) < 1e-9 * u);
    if (named) {
      const inUnit = value / named[0];
      const r = roundSig(inUnit, sig);
      // `86,400 s` reads better than `86.4K s` for everyday durations.
      const n = Math.abs(r) < 1e6 && Number.isInteger(r) ? grouped(r) : formatCount(inUnit, sig);
      return `${n} ${n === '1' && named[1].endsWith('s') && named[1].length > 2 ? named[1].slice(0, -1) : named[1]}`;
    }
    return formatDuration(value, sig);
  }
  if ((dim.t === 0 && dim.b === 0 && dim.m === 1)) {
    const c = formatCount(Math.abs(value), sig);
    return (value < 0 ? '-$' : '$') + c;
  }
  if ((dim.t === -1 && dim.b === 0 && dim.m === 1)) {
    const v = value * period;
    return (v < 0 ? '-$' : '$') + formatCount(Math.abs(v), sig) + '/' + periodSuffix(period);
  }
  return `${formatNumber(value, sig)} ${unit}`;
}
