// Judges a claim against the computed value: dimension alignment, tolerance, and a likely explanation.
import type { ClaimStatus, EstimateSettings } from '../types';
import { CONVENTIONS } from './conventions';
import { formatCount, formatQuantity, grouped, roundSig } from './format';
import { isServerLabel, show } from './evaluate';
import { bare, cloneQ, type Quantity } from './quantity';
import { canonicalUnit, DATA_PREFIXES, describeDim, dimEq, dimMul, isNone, periodName } from './units';

export interface ClaimInput {
  computed: Quantity;
  claim: Quantity;
  relation: string;
  /** Literal number as written and its significant figures, when the claim is a single literal. */
  literal?: { num: number; sig: number };
  settings: EstimateSettings;
  lineText: string;
}

export interface ClaimVerdict {
  status: ClaimStatus;
  /** Not sure enough to say anything: shown in the lens and hover, never reported as a finding. */
  quiet?: boolean;
  /** claimed ÷ computed, null when the dimensions differ. */
  ratio: number | null;
  message: string;
  /** The computed value as compared (aligned to the claim's dimension). */
  reference?: Quantity;
  /** Replacement for the relation + claim. */
  suggestion?: string;
  conventions: string[];
  kind: 'ok' | 'approx-hint' | 'wrong' | 'dimension';
}


/** Brings the computed value to the claim's dimension when a documented convention allows it. */
export function align(
  computed: Quantity,
  claim: Quantity,
  settings: EstimateSettings,
  conventions: string[],
): Quantity | undefined {
  if (dimEq(computed.d, claim.d)) {
    if (isServerLabel(claim.label) && !isServerLabel(computed.label) && isNone(claim.d)) {
      const out = cloneQ(computed);
      out.label = claim.label;
      return out;
    }
    return computed;
  }
  const rateOnly = (d: Quantity['d']) => d.t === -1 && d.b === 0 && d.m === 0;
  if (isServerLabel(claim.label) && isNone(claim.d) && rateOnly(computed.d)) {
    conventions.push(CONVENTIONS.perServer(settings));
    const out = bare(computed.v / settings.rpsPerServer);
    out.d = { t: 0, b: 0, m: 0 };
    out.label = claim.label;
    out.hasUnit = true;
    return out;
  }
  // A total (count, bytes, money) against a rate claim: read the total as per the claim's period.
  if (computed.d.t === 0 && dimEq(claim.d, dimMul(computed.d, { t: -1, b: 0, m: 0 }))) {
    const per = claim.period ?? 1;
    const name = periodName(per, settings.daysPerMonth, settings.daysPerYear) ?? `${per} s`;
    conventions.push(CONVENTIONS.readAsPer(show(computed), name));
    const out = cloneQ(computed);
    out.v = computed.v / per;
    out.d = { t: claim.d.t, b: claim.d.b, m: claim.d.m };
    out.period = per;
    out.label = computed.label ?? claim.label;
    return out;
  }
  return undefined;
}

/** A bare claim (`≈ 600`) takes the computed value's unit, including its period. */
function adoptUnit(claim: Quantity, computed: Quantity): Quantity {
  const per = computed.d.t === -1 ? (computed.period ?? 1) : 1;
  const out = cloneQ(computed);
  out.v = claim.v / per;
  return out;
}

interface Candidate {
  factor: number;
  tol: number;
  /** Undefined for an `off by 1000^n` candidate: its wording is built only if it is the one picked. */
  text: string | undefined;
  n: number;
}

function prefixIndex(v: number, base: number): number {
  let p = 0;
  const a = Math.abs(v);
  while (p + 1 < DATA_PREFIXES.length && a >= base ** (p + 1) * 0.9995) p++;
  return p;
}

/** Why a claim might be off: bits/bytes, KiB/KB, a prefix, or a per-period slip. */
export function explain(ratio: number, claim: Quantity, ref: Quantity, s: EstimateSettings): string | undefined {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return undefined;
  const cands: Candidate[] = [];
  const data = claim.d.b !== 0;
  const count = isNone(claim.d) || (claim.d.t === -1 && claim.d.b === 0 && claim.d.m === 0);
  if (data) {
    const iec = ['KiB vs KB?', 'MiB vs MB?', 'GiB vs GB?', 'TiB vs TB?', 'PiB vs PB?'];
    // Only the prefix the claim was written with: 500 GB vs 489 GiB, not KiB.
    iec.forEach((text, i) => {
      if (claim.prefix === undefined || claim.prefix === i + 1) cands.push({ factor: 1.024 ** (i + 1), tol: 0.004, text, n: 0 });
    });
    // Only when one side is written in bits: a factor near 8 between two byte values is a coincidence.
    if (!!claim.bits !== !!ref.bits) cands.push({ factor: 8, tol: 0.15, text: 'bytes vs bits?', n: 0 });
  }
  for (let n = 1; n <= 4; n++) cands.push({ factor: 1000 ** n, tol: 0.15, text: undefined, n });
  const periods: [number, string][] = [
    [86400, 'per day vs per second?'],
    [3600, 'per hour vs per second?'],
    [60, 'per minute vs per second?'],
    [24, 'per day vs per hour?'],
    [7, 'per week vs per day?'],
    [s.daysPerMonth, 'per month vs per day?'],
    [s.daysPerYear, 'per year vs per day?'],
    [12, 'per year vs per month?'],
    [s.daysPerYear * 86400, 'per year vs per second?'],
  ];
  for (const [factor, text] of periods) cands.push({ factor, tol: 0.05, text, n: 0 });
  let best: Candidate | undefined;
  let bestDist = Infinity;
  const lr = Math.log(ratio);
  for (const c of cands) {
    for (const f of [c.factor, 1 / c.factor]) {
      const dist = Math.abs(lr - Math.log(f));
      if (dist <= Math.log(1 + c.tol) && dist < bestDist) {
        best = c;
        bestDist = dist;
      }
    }
  }
  if (!best) return undefined;
  return best.text ?? powerText(best.n, claim, ref, data, count);
}

/** Wording for a claim off by 1000^n: the data prefixes or count suffixes involved, if any. */
function powerText(n: number, claim: Quantity, ref: Quantity, data: boolean, count: boolean): string {
  let text = `off by a factor of ${grouped(1000 ** n)}`;
  if (data) {
    const base = claim.binary ? 1024 : 1000;
    const pc = claim.prefix ?? prefixIndex(claim.v, base);
    const pr = prefixIndex(ref.v, base);
    const unit = (p: number) => DATA_PREFIXES[p] + (claim.binary && p ? 'i' : '') + (claim.bits ? 'b' : 'B');
    if (pc - pr === n && pr >= 0) text = `${unit(pr)} vs ${unit(pc)}?`;
    else if (pc + n < DATA_PREFIXES.length) text = `${unit(pc)} vs ${unit(pc + n)}?`;
  } else if (count) {
    const names = ['', 'K', 'M', 'B', 'T'];
    const pc = Math.min(4, prefixIndex(claim.v * (claim.period ?? 1), 1000));
    const lo = Math.max(0, pc - n);
    if (names[pc]) text = `${names[lo] || 'units'} vs ${names[pc]}? (off by ×${grouped(1000 ** n)})`;
  }
  return text;
}

/** `2.0` → `2` (the regex /\.0$/ without a regex). */
function dropPointZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** `+3.7%`, `-89%`; far-off ratios as factors (`×1.1K`, `÷150`) rather than huge percentages. */
export function pct(ratio: number): string {
  if (ratio > 10) return `×${formatCount(ratio, 2)}`;
  if (ratio > 0 && ratio < 0.01) return `÷${formatCount(1 / ratio, 2)}`;
  const p = (ratio - 1) * 100;
  const a = Math.abs(p);
  const txt = a < 10 ? dropPointZero(a.toFixed(1)) : a >= 1e6 ? a.toExponential(1) : String(Math.round(a));
  return `${p >= 0 || txt === '0' ? '+' : '-'}${txt}%`;
}

function showLike(v: number, like: Quantity, ref: Quantity, sig = 3): string {
  return formatQuantity(v, canonicalUnit(like.d), {
    sig,
    label: like.label ?? ref.label,
    period: like.d.t < 0 ? (like.period ?? 1) : undefined,
    binary: like.binary || (ref.binary && !like.prefix),
    bits: like.bits && like.d.t < 0,
    roundUp: isServerLabel(like.label ?? ref.label) && isNone(like.d),
    timeUnit: like.d.t === 1 ? like.timeUnit : undefined,
    percent: like.percent && isNone(like.d),
  });
}

export function judge(input: ClaimInput): ClaimVerdict {
  const { computed, relation, settings: s } = input;
  let claim = input.claim;
  const conventions: string[] = [];
  // Only a bare number next to a plain rate (`/ 86,400 ≈ 600`) takes its unit; `45 s = 99%` stays a mismatch.
  const plainRate = computed.d.t === -1 && computed.d.b === 0 && computed.d.m === 0;
  if (!claim.hasUnit && !claim.percent && isNone(claim.d) && plainRate) {
    claim = adoptUnit(claim, computed);
    conventions.push(CONVENTIONS.bareClaim);
  }
  const ref = align(computed, claim, s, conventions);
  if (!ref) {
    return {
      status: 'error',
      ratio: null,
      kind: 'dimension',
      conventions,
      message: `cannot compare: computed ${show(computed)} is ${describeDim(computed.d)}, the claim ${show(claim)} is ${describeDim(claim.d)}`,
      suggestion: `≈ ${show(computed, 2)}`,
    };
  }
  const ratio = ref.v === 0 ? (claim.v === 0 ? 1 : Infinity) : claim.v / ref.v;
  const claimed = showLike(claim.v, claim, ref);
  const computedText = showLike(ref.v, claim, ref);
  const base = `claimed ${claimed}, computed ${computedText} (${Number.isFinite(ratio) ? pct(ratio) : 'computed 0'})`;
  const diff = Math.abs(ratio - 1);
  // 10^5 used for 86,400 (or back) is the named rounding convention, not a mistake.
  const spdRatio = 1e5 / 86400;
  if (/86[,_]?400|10\^5|1e5|10⁵|\b100K\b/i.test(input.lineText)) {
    if (Math.abs(ratio / spdRatio - 1) < 0.01 || Math.abs(ratio * spdRatio - 1) < 0.01) {
      conventions.push(CONVENTIONS.roundSecondsPerDay);
      return { status: 'ok', ratio, kind: 'ok', conventions, reference: ref, message: base };
    }
  }
  const approx = relation !== '=';
  let exact = diff <= s.exactTolerance;
  if (!exact && input.literal) {
    const scale = claim.v / input.literal.num;
    if (scale !== 0 && Number.isFinite(scale)) {
      const inClaimUnits = ref.v / scale;
      exact = Math.abs(roundSig(inClaimUnits, input.literal.sig) - input.literal.num) <= 1e-9 * Math.abs(input.literal.num);
    }
  }
  if (diff <= s.approxTolerance && (approx || exact)) {
    return { status: 'ok', ratio, kind: 'ok', conventions, reference: ref, message: base };
  }
  const why = explain(ratio, claim, ref, s);
  const sig = Math.max(2, input.literal?.sig ?? 2);
  if (diff <= s.approxTolerance) {
    return {
      status: 'hint',
      ratio,
      kind: 'approx-hint',
      conventions,
      reference: ref,
      message: `${base}: close but not equal, write ≈ for a rounded value${why ? ` (${why})` : ''}`,
    };
  }
  const bad = ratio >= s.errorFactor || ratio <= 1 / s.errorFactor || !Number.isFinite(ratio);
  return {
    status: bad ? 'error' : 'warning',
    ratio,
    kind: 'wrong',
    conventions,
    reference: ref,
    message: why ? `${base}: ${why}` : base,
    suggestion: `≈ ${showLike(ref.v, claim, ref, sig)}`,
  };
}
