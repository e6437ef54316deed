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

export function bare(v: number): Quantity {
  return { v, d: { ...NONE }, hasUnit: false };
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
    prefix: a.prefix ?? b.prefix,
    timeUnit: d.t === 1 ? (a.d.t === 1 ? a.timeUnit : b.timeUnit) : undefined,
    hasUnit: a.hasUnit || b.hasUnit,
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
    prefix: a.prefix ?? b.prefix,
    hasUnit: a.hasUnit || b.hasUnit,
  };
}

export function addQ(a: Quantity, b: Quantity, sign: 1 | -1): Quantity {
  return { ...a, v: a.v + sign * b.v, label: a.label ?? b.label, hasUnit: a.hasUnit || b.hasUnit };
}
