// Evaluates a parsed expression to a Quantity, applying (and naming) the estimation conventions.
import type { EstimateSettings } from '../types';
import { CONVENTIONS, mentions, SECONDS_PER_DAY, secondsPerDayValue } from './conventions';
import { formatQuantity, grouped } from './format';
import { isServerLabel, serverShare } from './idioms';
import type { Node } from './parser';
import { addQ, bare, cloneQ, divQ, mulQ, type Quantity } from './quantity';

export { isServerLabel };
import { canonicalUnit, describeDim, dimEq, isNone, periodName } from './units';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

export class EvalFail {
  constructor(
    public code: 'dimension' | 'unknown-name' | 'math',
    public message: string,
    public start: number,
    public end: number,
  ) {}
}

/** A step of the working, formatted only when someone reads it (most lines are never hovered). */
export type Step = string | (() => string);

export interface EvalContext {
  settings: EstimateSettings;
  names: Map<string, Quantity>;
  /** The whole line, to recognise server / peak wording. */
  lineText: string;
  conventions: string[];
  steps: Step[];
  /** Read `3 trips × 2 days` as 6 trips (per day × days) rather than 6 trip-days; off for a retry. */
  countPerDuration?: boolean;
  /** Read every written duration as its count (`365 days` → 365), for a plain-number claim. */
  durationsAsCounts?: boolean;
}

/** Display of a quantity with its own hints. */
export function show(q: Quantity, sig = 3): string {
  return formatQuantity(q.v, canonicalUnit(q.d), {
    sig,
    label: q.label,
    period: q.d.t < 0 ? q.period : undefined,
    binary: q.binary,
    bits: q.bits && q.d.t < 0,
    roundUp: isServerLabel(q.label) && isNone(q.d),
    timeUnit: q.d.t === 1 && q.d.b === 0 && q.d.m === 0 ? q.timeUnit : undefined,
    percent: q.percent && isNone(q.d),
  });
}

function note(ctx: EvalContext, c: string): void {
  if (!ctx.conventions.includes(c)) ctx.conventions.push(c);
}

function isBareLit(n: Node): n is Extract<Node, { kind: 'lit' }> {
  return n.kind === 'lit' && n.bare;
}

/** A duration written with its unit, e.g. `365 days` or `(1 year × 12 months)` (not a name holding a duration). */
function writtenDuration(n: Node, q: Quantity): boolean {
  const written = n.kind === 'lit' || (n.kind === 'bin' && n.op === '*' && isDurationLit(n.l) && isDurationLit(n.r));
  return written && q.d.t === 1 && q.d.b === 0 && q.d.m === 0 && (q.timeUnit ?? 0) >= SECONDS_PER_DAY;
}

/**
 * `24 hours × 3600 seconds`, `30 days × 24 hrs`, `1 year × 12 months`: a duration times the number of
 * a smaller unit in one of its units is that duration counted in the smaller unit (seconds per hour,
 * hours per day), not a time squared. Anything else stays a product.
 */
function durations(l: Quantity, r: Quantity, ctx: EvalContext): Quantity | undefined {
  const pure = (q: Quantity) => q.d.t === 1 && q.d.b === 0 && q.d.m === 0 && q.timeUnit !== undefined;
  if (!pure(l) || !pure(r)) return undefined;
  // `3600 seconds × 24 hours` says the same as `24 hours × 3600 seconds`.
  if (l.timeUnit! < r.timeUnit!) return durations(r, l, ctx);
  const perUnit = l.timeUnit! / r.timeUnit!;
  const count = r.v / r.timeUnit!;
  if (!(perUnit > 1) || Math.abs(count / perUnit - 1) > 0.05) return undefined;
  // Counted the author's way: 1 year × 12 months is 12 months of 30 days, as written.
  const out = cloneQ(l);
  out.v = (l.v / l.timeUnit!) * count * r.timeUnit!;
  out.timeUnit = r.timeUnit;
  const name = (unit: number) => periodName(unit, ctx.settings.daysPerMonth, ctx.settings.daysPerYear) ?? `${unit} s`;
  note(ctx, `× ${grouped(Math.round(count))} ${name(r.timeUnit!)}s read as ${name(r.timeUnit!)}s per ${name(l.timeUnit!)}, not a time squared`);
  return out;
}

/** `rate × 24 hours × 3600 seconds` is grouped as `rate × (24 hours × 3600 seconds)`, so the durations meet first. */
function groupDurations(n: Node): Node {
  if (n.kind !== 'bin') return n;
  const l = n.l;
  // `25M posts / 24 hour / 3600 seconds`: dividing by one duration, then by its count of a smaller unit.
  if (n.op === '/' && l.kind === 'bin' && l.op === '/' && isDurationLit(l.r) && isDurationLit(n.r) && countsEachOther(l.r, n.r)) {
    return { ...l, r: { kind: 'bin', op: '*', l: l.r, r: n.r, start: l.r.start, end: n.r.end }, end: n.end };
  }
  if (n.op !== '*') return n;
  if (l.kind === 'bin' && l.op === '*' && isDurationLit(l.r) && isDurationLit(n.r) && countsEachOther(l.r, n.r)) {
    return { ...l, r: { kind: 'bin', op: '*', l: l.r, r: n.r, start: l.r.start, end: n.r.end }, end: n.end };
  }
  return n;
}

/** Either order: `24 hours` then `3600 seconds`, or `3600 seconds` then `24 hours`. */
function countsEachOther(a: Node, b: Node): boolean {
  return countsSmallerUnit(a, b) || countsSmallerUnit(b, a);
}

/** `24 hours` then `3600 seconds`: the second counts its unit in one of the first's. */
function countsSmallerUnit(a: Node, b: Node): boolean {
  if (a.kind !== 'lit' || b.kind !== 'lit') return false;
  const perUnit = a.q.timeUnit! / b.q.timeUnit!;
  return perUnit > 1 && Math.abs(b.q.v / b.q.timeUnit! / perUnit - 1) <= 0.05;
}

function isDurationLit(n: Node): boolean {
  return n.kind === 'lit' && n.q.d.t === 1 && n.q.d.b === 0 && n.q.d.m === 0 && n.q.timeUnit !== undefined;
}

export function evaluate(n: Node, ctx: EvalContext): Quantity {
  if (n.kind === 'bin') n = groupDurations(n);
  switch (n.kind) {
    case 'lit': {
      if (ctx.durationsAsCounts && n.q.d.t === 1 && n.q.d.b === 0 && n.q.d.m === 0 && n.q.timeUnit) return bare(n.q.v / n.q.timeUnit);
      const unit = n.q.d.t === 1 ? n.q.timeUnit : n.q.d.t === -1 ? n.q.period : undefined;
      const day = SECONDS_PER_DAY;
      if (unit === ctx.settings.daysPerMonth * day) note(ctx, CONVENTIONS.monthLength(ctx.settings));
      if (unit === ctx.settings.daysPerYear * day) note(ctx, CONVENTIONS.yearLength(ctx.settings));
      // Quantities and their dims are never mutated once built, so the literal's own can be shared.
      return n.q;
    }
    case 'name': {
      const q = ctx.names.get(n.key);
      if (!q) throw new EvalFail('unknown-name', `unknown name '${n.text}'`, n.start, n.end);
      return cloneQ(q);
    }
    case 'neg': {
      const q = evaluate(n.e, ctx);
      const out = cloneQ(q);
      out.v = -q.v;
      return out;
    }
    case 'pow': {
      const q = evaluate(n.base, ctx);
      if (!isNone(q.d) && !Number.isInteger(n.exp)) {
        throw new EvalFail('dimension', 'a quantity with a unit can only be raised to a whole power', n.start, n.end);
      }
      const out = cloneQ(q);
      out.v = q.v ** n.exp;
      out.d = { t: q.d.t * n.exp, b: q.d.b * n.exp, m: q.d.m * n.exp };
      return out;
    }
    case 'bin':
      return evalBinary(n, ctx);
  }
}

/**
 * Display of each step's result, reused when that result is an operand of the next step
 * (`a × b × c` shows `a × b`'s value twice). Quantities are never mutated once built.
 */
const SHOWN = new ObjectMemo<Quantity, string>(MEMO_LIMITS.values);
const SYMBOL = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

/**
 * `100K QPS / 10K per server`: the bare number is what one server takes, in the unit of what is divided
 * (`10K QPS per server`), so the line counts servers, not `10 QPS per server`. Only for a rate per
 * second or a plain count divided this way, and only per a server-like noun.
 */
function perServerShare(n: Extract<Node, { kind: 'bin' }>, l: Quantity, ctx: EvalContext): Quantity | undefined {
  const parts = serverShare(n);
  if (!parts) return undefined;
  // `l` is already `total ÷ each`, in the total's unit: a rate per second or a count is a number of servers.
  const perSecond = l.d.t === -1 && l.d.b === 0 && l.d.m === 0 && (l.period === undefined || l.period === 1);
  if (!perSecond && !isNone(l.d)) return undefined;
  const { each, noun } = parts;
  const label = noun.q.label!.replace(/s?$/, 's');
  note(ctx, `÷ ${grouped(each.q.v)} per ${noun.q.label} read as what one ${noun.q.label} takes: ${perSecond ? 'a rate' : 'a count'} in ${label}`);
  const out = bare(l.v);
  out.label = label;
  out.hasUnit = true;
  ctx.steps.push(() => `${shown(l)} per ${noun.q.label} = ${shown(out)}`);
  return out;
}

function evalBinary(n: Extract<Node, { kind: 'bin' }>, ctx: EvalContext): Quantity {
  const l = evaluate(n.l, ctx);
  const share = perServerShare(n, l, ctx);
  if (share) return share;
  const r = evaluate(n.r, ctx);
  const s = ctx.settings;
  let out: Quantity;
  const sym = SYMBOL[n.op];
  if (n.op === '+' || n.op === '-') {
    if (!dimEq(l.d, r.d)) {
      throw new EvalFail(
        'dimension',
        `cannot ${n.op === '+' ? 'add' : 'subtract'} ${describeDim(r.d)} ${n.op === '+' ? 'to' : 'from'} ${describeDim(l.d)}`,
        n.start,
        n.end,
      );
    }
    out = addQ(l, r, n.op === '+' ? 1 : -1);
  } else if (n.op === '*') {
    out = durations(l, r, ctx) ?? multiply(n, l, r, ctx) ?? multiply(n, r, l, ctx, true) ?? mulQ(l, r);
    const factor = isBareLit(n.r) ? r.v : isBareLit(n.l) ? l.v : undefined;
    if (factor === s.peakFactor && mentions(ctx.lineText, 'peak')) note(ctx, CONVENTIONS.peakFactor(s));
  } else {
    out = divide(n, l, r, ctx) ?? divQ(l, r);
  }
  if (!Number.isFinite(out.v)) throw new EvalFail('math', 'the result is not a finite number (division by zero?)', n.start, n.end);
  ctx.steps.push(() => `${shown(l)} ${sym} ${shown(r)} = ${shown(out)}`);
  return out;
}

function shown(q: Quantity): string {
  let text = SHOWN.get(q);
  if (text === undefined) SHOWN.set(q, (text = show(q)));
  return text;
}

/** The steps as text; formats the deferred ones. */
export function stepTexts(steps: readonly Step[]): string[] {
  return steps.map((step) => (typeof step === 'string' ? step : step()));
}

/** Conventions for `a × b` where `b` is the convention-bearing side; undefined when none applies. */
function multiply(
  n: Extract<Node, { kind: 'bin' }>,
  a: Quantity,
  b: Quantity,
  ctx: EvalContext,
  swapped = false,
): Quantity | undefined {
  const s = ctx.settings;
  const bNode = swapped ? n.l : n.r;
  if (isBareLit(bNode) && a.d.t === -1) {
    // `5 GB/day × 365`: a rate times the number of its periods in a longer one is that period's total.
    const per = a.period ?? 1;
    const month = s.daysPerMonth * SECONDS_PER_DAY;
    // Wording is built only for the rule that applies (the settings-dependent ones format numbers).
    const rules: [number, number, number | undefined, string | ((s: EstimateSettings) => string)][] = [
      [1, SECONDS_PER_DAY, undefined, CONVENTIONS.perSecondToPerDay],
      [3600, 24, undefined, CONVENTIONS.hoursPerDay],
      [SECONDS_PER_DAY, s.daysPerYear, 365, CONVENTIONS.daysPerYear],
      [SECONDS_PER_DAY, s.daysPerMonth, 30, CONVENTIONS.daysPerMonth],
      [SECONDS_PER_DAY, 7, undefined, CONVENTIONS.daysPerWeek],
      [7 * SECONDS_PER_DAY, 52, undefined, CONVENTIONS.weeksPerYear],
      [month, 12, undefined, CONVENTIONS.monthsPerYear],
    ];
    for (const [p, count, alt, text] of rules) {
      if (Math.abs(per - p) < 1e-9 * p && (b.v === count || b.v === alt || (Number.isNaN(b.v) && Number.isNaN(count)))) {
        note(ctx, typeof text === 'string' ? text : text(s));
        const out = cloneQ(a);
        out.v = a.v * per * b.v;
        out.d = { t: a.d.t + 1, b: a.d.b, m: a.d.m };
        out.period = undefined;
        out.timeUnit = undefined;
        return out;
      }
    }
  }
  const countOk = ctx.countPerDuration !== false || !isNone(a.d);
  if (writtenDuration(bNode, b) && a.d.t === 0 && a.hasUnit && !a.percent && countOk) {
    // `280 MB × 365 days`: the left side is what happens per day.
    const unit = b.timeUnit!;
    const name = periodName(unit, s.daysPerMonth, s.daysPerYear) ?? `${unit} s`;
    note(ctx, CONVENTIONS.perDuration(show(a), name));
    const out = cloneQ(a);
    out.v = a.v * (b.v / unit);
    return out;
  }
  return undefined;
}

function divide(n: Extract<Node, { kind: 'bin' }>, a: Quantity, b: Quantity, ctx: EvalContext): Quantity | undefined {
  const s = ctx.settings;
  // `1B messages/day ÷ (24 hrs × 3600 seconds)`: a count per period divided by that period in seconds is
  // the same rate, per second (the author divides the day's count by the day's seconds), not per time².
  if (a.d.t === -1 && a.period !== undefined && a.period > 1 && b.d.t === 1 && b.d.b === 0 && b.d.m === 0 && Math.abs(b.v / a.period - 1) < 0.01) {
    const period = periodName(a.period, s.daysPerMonth, s.daysPerYear) ?? `${grouped(a.period)} s`;
    note(ctx, `÷ ${grouped(Math.round(b.v))} s read as the seconds of the ${period} the rate is counted per: per ${period} to per second`);
    const out = cloneQ(a);
    out.period = 1;
    return out;
  }
  if (!isBareLit(n.r)) return undefined;
  let spd = secondsPerDayValue(b.v);
  // Only a written power (10^5, 1e5) is the rounded day; `÷ 100K` is just a number.
  if (spd === 'round' && !/\^|e|⁵/i.test(n.r.text)) spd = undefined;
  if (spd && a.d.t === -1 && a.period === SECONDS_PER_DAY) {
    note(ctx, CONVENTIONS.perDayToPerSecond);
    const out = cloneQ(a);
    out.period = 1;
    out.v = spd === 'exact' ? a.v : (a.v * SECONDS_PER_DAY) / b.v;
    return out;
  }
  if (spd && a.d.t === 0) {
    note(ctx, spd === 'exact' ? CONVENTIONS.secondsPerDay : CONVENTIONS.roundSecondsPerDay);
    const out = cloneQ(a);
    out.v = a.v / b.v;
    out.d = { t: -1, b: a.d.b, m: a.d.m };
    out.period = 1;
    return out;
  }
  if (b.v === s.rpsPerServer && a.d.t === -1 && a.d.b === 0 && a.d.m === 0 && mentions(ctx.lineText, 'server')) {
    note(ctx, CONVENTIONS.perServer(s));
    const out = bare(a.v / b.v);
    out.d = { t: 0, b: 0, m: 0 };
    out.label = 'servers';
    out.hasUnit = true;
    return out;
  }
  return undefined;
}
