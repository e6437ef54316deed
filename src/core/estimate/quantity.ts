// A value with a dimension plus the display hints that travel with it (label, period, binary, bits).
import { dimMul, NONE, type Dim } from './units';

export interface Quantity {
  v: number;
  d: Dim;
  /** Soft count noun (`users`, `writes`): shown, never checked. */
  label?: string;
  binary?: boolean;
  bits?: boolean;
  /** Seconds of the period a rate was written per (`/day` → 86,400). */
  period?: number;
  /** For a written duration: seconds per written unit (`365 days` → 86,400). */
  timeUnit?: number;
  /** Data prefix exponent as written (GB → 3). */
  prefix?: number;
  /** A unit or a count noun was written. */
  hasUnit: boolean;
  /** Written as a percentage (never takes another value's unit). */
  percent?: boolean;
}

/*
 * Every Quantity is built with all fields in this order (unset ones undefined): spreading objects of
 * many different shapes sent V8 to slow generic copies and slow property reads.
 */
export function bare(v: number): Quantity {
  return {
    v,
    d: NONE,
    label: undefined,
    binary: undefined,
    bits: undefined,
    period: undefined,
    timeUnit: undefined,
    prefix: undefined,
    hasUnit: false,
    percent: undefined,
  };
}

/** A copy to change fields on (assigning existing fields keeps the shape). */
export function cloneQ(q: Quantity): Quantity {
  return {
    v: q.v,
    d: q.d,
    label: q.label,
    binary: q.binary,
    bits: q.bits,
    period: q.period,
    timeUnit: q.timeUnit,
    prefix: q.prefix,
    hasUnit: q.hasUnit,
    percent: q.percent,
  };
}

export function mulQ(a: Quantity, b: Quantity): Quantity {
  const d = dimMul(a.d, b.d);
  return {
    v: a.v * b.v,
    d,
    label: b.label ?? a.label,
    binary: a.binary || b.binary,
    bits: a.bits || b.bits,
    period: d.t < 0 ? (b.d.t < 0 ? b.period : a.period) ?? b.period ?? a.period : undefined,
    timeUnit: d.t === 1 ? (a.d.t === 1 ? a.timeUnit : b.timeUnit) : undefined,
    prefix: a.prefix ?? b.prefix,
    hasUnit: a.hasUnit || b.hasUnit,
    percent: undefined,
  };
}

export function divQ(a: Quantity, b: Quantity): Quantity {
  const d = dimMul(a.d, b.d, -1);
  const label = a.label && b.label && a.label.toLowerCase() === b.label.toLowerCase() ? undefined : a.label;
  return {
    v: a.v / b.v,
    d,
    label,
    binary: a.binary || b.binary,
    bits: a.bits || b.bits,
    period: d.t < 0 ? (b.timeUnit ?? b.period ?? a.period) : undefined,
    timeUnit: undefined,
    prefix: a.prefix ?? b.prefix,
    hasUnit: a.hasUnit || b.hasUnit,
    percent: undefined,
  };
}

export function addQ(a: Quantity, b: Quantity, sign: 1 | -1): Quantity {
  const out = cloneQ(a);
  out.v = a.v + sign * b.v;
  out.label = a.label ?? b.label;
  out.hasUnit = a.hasUnit || b.hasUnit;
  return out;
}
