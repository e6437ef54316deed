// How authors really write estimates, read as they meant them: a division by 1024 that changes MB to
// GB, a bare result given in the claim's unit, a count "per user" whose users sit in the parent item.
import { scanNumber, magnitudeOf } from './numbers';
import type { Node } from './parser';
import type { Quantity } from './quantity';
import { isNone } from './units';

interface Factor {
  value: number;
  /** The factor divides (`/ 1024`) rather than multiplies (`× 8`). */
  divides: boolean;
  /** Written as plain digits (`1024`, `1,000`), not as a power or with a magnitude (`10^6`, `1M`: a count). */
  plain: boolean;
}

/** Literal factors of the expression's top-level product or quotient (`a × b / 1024 / 1024`). */
function factors(n: Node, divides = false, out: Factor[] = []): Factor[] {
  if (n.kind === 'bin' && (n.op === '*' || n.op === '/')) {
    factors(n.l, divides, out);
    factors(n.r, n.op === '/' ? !divides : divides, out);
  } else if (n.kind === 'lit' && n.bare) {
    out.push({ value: n.q.v, divides, plain: /^\d[\d,_]*$/.test(n.text) });
  }
  return out;
}

const UNIT_STEPS = [1000, 1024];

/**
 * True when the claim differs from the computed value exactly by literal factors the author used to
 * change units: `286 MB × 30 / 1024 = 8.37 GB` (÷ 1024: MB to GB), `70 MB/s × 8 ≈ 0.56 Gbps` (× 8: bytes
 * to bits). Only factors the claim's unit confirms count: a prefix step needs a data claim written with
 * another prefix, × 8 a claim in bits against bytes or the reverse.
 */
export function unitConversion(expr: Node, ratio: number, claim: Quantity, computed: Quantity, tolerance: number): string | undefined {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return undefined;
  const fs = factors(expr);
  let explained = 1;
  const used: string[] = [];
  for (const f of fs) {
    const eight = f.value === 8 && claim.d.b !== 0 && !!claim.bits !== !!computed.bits;
    const step = f.plain && claim.d.b !== 0 && UNIT_STEPS.some((base) => f.value === base || f.value === base * base || f.value === base * base * base);
    if (!eight && !step) continue;
    // `÷ 1024` turns the number into a larger unit: the claim's number is bigger in base units.
    explained *= f.divides ? f.value : 1 / f.value;
    used.push(`${f.divides ? '÷' : '×'} ${f.value}`);
  }
  if (used.length === 0) return undefined;
  const off = Math.abs(Math.log(ratio / explained));
  // 1000 for 1024 (and back) is within a few percent per step: the author's rounding, not a slip.
  return off <= Math.log(1 + tolerance) ? `${used.join(' ')} read as a change of unit` : undefined;
}

/** A computed value with no unit at all (`800 × 3×10^6 / 1024^3`), which the claim's unit completes. */
export function unitless(q: Quantity): boolean {
  return isNone(q.d) && !q.hasUnit && !q.percent;
}

export function isServerLabel(label: string | undefined): boolean {
  return !!label && /^(?:app |web |api )?(?:servers?|hosts?|machines?|instances?|nodes?)$/i.test(label.trim());
}

type Lit = Extract<Node, { kind: 'lit' }>;

/** `total / 10K per server`: the bare number one server takes, and the server noun. */
export function serverShare(n: Node): { each: Lit; noun: Lit } | undefined {
  if (n.kind !== 'bin' || n.op !== '/' || n.l.kind !== 'bin' || n.l.op !== '/') return undefined;
  const each = n.l.r;
  const noun = n.r;
  if (each.kind !== 'lit' || !each.bare) return undefined;
  if (noun.kind !== 'lit' || noun.bare || noun.num !== 1 || !isServerLabel(noun.q.label) || !isNone(noun.q.d)) return undefined;
  return { each, noun };
}

/** The count noun the expression divides by (`5 playlists per user` → `user`), if any. */
export function perNoun(n: Node): string | undefined {
  if (n.kind === 'lit') return n.per;
  if (n.kind === 'bin') {
    if (n.op === '/' && n.r.kind === 'lit' && !n.r.bare && n.r.num === 1 && n.r.q.label && isNone(n.r.q.d)) return n.r.q.label;
    return perNoun(n.l) ?? (n.op === '*' ? perNoun(n.r) : undefined);
  }
  return undefined;
}

/**
 * How many of `noun` the context text states (`20 million users`, `10M DAU` for users), or undefined.
 * The noun is matched by its stem (`user` finds `users`).
 */
export function countInContext(context: string | undefined, noun: string): number | undefined {
  if (!context) return undefined;
  const stem = noun.toLowerCase().replace(/(?:es|s)$/, '');
  const nouns = stem === 'user' ? `(?:${stem}\\w*|dau|mau|people|members)` : `${escape(stem)}\\w*`;
  const re = new RegExp(`(\\d[\\d,._ ]*(?:\\.\\d+)?)\\s*([kmbt]|bn|thousand|million|billion|trillion)?\\s+(?:\\w+\\s+)?${nouns}\\b`, 'i');
  const m = re.exec(context);
  if (!m) return undefined;
  const n = scanNumber(m[1].trim(), 0, true);
  if (!n) return undefined;
  const mag = m[2] ? (SUFFIX_VALUES[m[2].toLowerCase()] ?? magnitudeOf(m[2]) ?? 1) : 1;
  return n.value * mag;
}

const SUFFIX_VALUES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Arithmetic the reading did not take in, right before where it starts (`2B \*| 12 / 4`, `(20 GB + 4TB) * 30`
 * read from `4TB`): the verdict would be about part of the calculation.
 */
export function startsMidCalculation(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return /(?:\d[\d.,]*\s*[a-zA-Z%]{0,6}|\))\s*(?:[*×x·/÷+^(−-]|\\\*)\s*\(?\s*$/.test(before) || /\(\s*$/.test(before) && /\d/.test(before);
}

/** `2 * QPS`: a unit word used as a value (most likely the name of an earlier figure), not a number with a unit. */
export function bareUnitOperand(n: Node): boolean {
  if (n.kind !== 'bin') return false;
  if (n.op === '*' && [n.l, n.r].some((side) => side.kind === 'lit' && side.num === 1 && !side.bare && /^[A-Za-z]/.test(side.text) && !isNone(side.q.d))) return true;
  return bareUnitOperand(n.l) || bareUnitOperand(n.r);
}
