// Recursive-descent parser: `[name =] expr (relation claim)*`, units and count nouns attached to literals.
import type { Token } from './lexer';
import { magnitudeOf, spacedMagnitudeOf, suffixOf } from './numbers';
import { bare, cloneQ, divQ, type Quantity } from './quantity';
import { lookupUnit, sameSetting, type Dim, type UnitDef } from './units';
import { formatNumber } from './format';

export type Node =
  | { kind: 'lit'; q: Quantity; start: number; end: number; bare: boolean; sig: number; text: string; num: number; per?: string }
  | { kind: 'name'; key: string; start: number; end: number; text: string }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; l: Node; r: Node; start: number; end: number }
  | { kind: 'neg'; e: Node; start: number; end: number }
  | { kind: 'pow'; base: Node; exp: number; start: number; end: number };

export interface UnitExpr {
  q: Quantity;
  start: number;
  end: number;
  text: string;
  /** At least one real unit (not only count nouns). */
  real: boolean;
}

export interface Segment {
  start: number;
  end: number;
  expr?: Node;
  /** `?` placeholder, with the unit the author wants the answer in. */
  query?: { start: number; end: number; unit?: UnitExpr };
  /** `in Mbps`, `to TB`, `-> GB/day`. */
  convert?: UnitExpr;
  /** Operators used inside this segment. */
  ops: number;
  /** A number follows it with nothing between (`=> 13 14 23 24`): it starts a list of values. */
  more?: boolean;
}

export interface Relation {
  text: string;
  op: string;
  start: number;
  end: number;
}

export interface Ambiguity {
  start: number;
  end: number;
  message: string;
}

export interface Chain {
  name?: { text: string; key: string; start: number; end: number };
  segments: Segment[];
  /** relations[i] sits between segments[i] and segments[i + 1]. */
  relations: Relation[];
  start: number;
  end: number;
  ambiguities: Ambiguity[];
  /**
   * Read on an assumption (a dash taken for `=`, a rate restated in count nouns): the line is shown when it
   * holds, and dropped without a word when it does not.
   */
  tentative?: boolean;
}

export interface ParseError {
  code: 'parse' | 'unknown-name';
  message: string;
  start: number;
  end: number;
}

export interface ParseContext {
  daysPerMonth: number;
  daysPerYear: number;
  hasName(key: string): boolean;
  /** Read a `B` glued to a number as bytes (`600B`), for a second reading of a line that reads wrong with billions. */
  gluedBytes?: boolean;
}

/** Words after a value that describe it without changing it (prose only). */
/** Words that may name what a quantity measures before its period (`of new paste content per month`). */
const MAX_MEASURE_WORDS = 4;
const PERIOD_WORD = /^(?:second|sec|minute|min|hour|hr|day|week|month|year|yr)s?$/i;

const NOTE_WORDS = new Set(['daily', 'hourly', 'weekly', 'monthly', 'yearly', 'annually', 'peak', 'average', 'avg', 'total', 'overall', 'raw', 'compressed', 'uncompressed', 'roughly', 'approx', 'approximately', 'max', 'min']);

/** Words that end a run of count nouns (they belong to the sentence, not the unit). */
const STOP_WORDS = new Set([
  'per', 'in', 'to', 'x', 'and', 'or', 'of', 'for', 'with', 'at', 'by', 'from', 'then', 'is', 'are', 'was',
  'were', 'be', 'we', 'if', 'so', 'but', 'the', 'a', 'an', 'it', 'that', 'this', 'which', 'vs', 'over', 'into',
  'as', 'on', 'each', 'every', 'would', 'will', 'can', 'should', 'must', 'need', 'needs', 'about', 'roughly',
  'approximately', 'around', 'only', 'than', 'our', 'their', 'its', 'i', 'you',
]);

/** One unit of a count noun (`messages` in `bytes/message`): a soft label. */
function labelled(label: string): Quantity {
  const q = bare(1);
  q.label = label;
  q.hasUnit = true;
  return q;
}

const MONEY: Dim = { t: 0, b: 0, m: 1 };

/** Brackets and signs nested deeper than this are reported, keeping recursion shallow. */
const MAX_DEPTH = 40;

/** Already a key: ASCII words single-spaced (most names); skips the costlier Unicode replace. */
const PLAIN_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** Keys of recently seen name spellings: lenient starts and word operands re-key the same words. */
let KEY_CACHE = new Map<string, string>();
const MAX_KEY_CACHE = 4096;

/** Lower-cased `text` when it is ASCII letters and digits in single-space-separated runs, else undefined. */
function plainKey(text: string): string | undefined {
  let upper = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) upper = true;
    else if (c !== 32 || k === 0 || k === text.length - 1 || text.charCodeAt(k - 1) === 32) return undefined;
  }
  if (text.length === 0) return undefined;
  return upper ? text.toLowerCase() : text;
}

export function nameKey(text: string): string {
  // Most names are plain ASCII: keyed without a regex or a cache entry.
  const plain = plainKey(text);
  if (plain !== undefined) return plain;
  const known = KEY_CACHE.get(text);
  if (known !== undefined) return known;
  const lower = text.toLowerCase();
  const key = PLAIN_KEY.test(lower) ? lower : lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (KEY_CACHE.size >= MAX_KEY_CACHE) KEY_CACHE = new Map();
  KEY_CACHE.set(text, key);
  return key;
}

/**
 * Unit lookups shared by every Parser: a document re-reads the same few unit words on every line and
 * every lenient start. Keyed by the month/year lengths (the only settings lookupUnit reads); the
 * UnitDefs are never mutated (applyUnit copies them). Cleared when it grows, so memory stays bounded.
 */
const MAX_UNIT_CACHE = 4096;
let unitCacheMonth = NaN;
let unitCacheYear = NaN;
let unitCache = new Map<string, UnitDef | undefined>();
/** Whether a word is a count noun; depends on the same settings as the unit cache and is cleared with it. */
let countNounCache = new Map<string, boolean>();

function syncCaches(daysPerMonth: number, daysPerYear: number): void {
  if (!sameSetting(daysPerMonth, unitCacheMonth) || !sameSetting(daysPerYear, unitCacheYear) || unitCache.size >= MAX_UNIT_CACHE || countNounCache.size >= MAX_UNIT_CACHE) {
    unitCache = new Map();
    countNounCache = new Map();
    unitCacheMonth = daysPerMonth;
    unitCacheYear = daysPerYear;
  }
}

/** Forgets the per-word caches (name keys, units, count nouns), for first-open measurements. */
export function clearWordCaches(): void {
  KEY_CACHE = new Map();
  unitCache = new Map();
  countNounCache = new Map();
}

function cachedUnit(word: string, daysPerMonth: number, daysPerYear: number): UnitDef | undefined {
  syncCaches(daysPerMonth, daysPerYear);
  const u = unitCache.get(word);
  if (u !== undefined || unitCache.has(word)) return u;
  const found = lookupUnit(word, daysPerMonth, daysPerYear);
  unitCache.set(word, found);
  return found;
}

/** The unit a word names under these settings, as the parser reads it (shares its cache). */
export function unitOf(word: string, ctx: ParseContext): UnitDef | undefined {
  return cachedUnit(word, ctx.daysPerMonth, ctx.daysPerYear);
}

export class Fail {
  constructor(
    public code: ParseError['code'],
    public message: string,
    public start: number,
    public end: number,
  ) {}
}

/** What a prose (lenient) parse throws: every catch there drops the message, so none is built. */
const QUIET_FAIL = new Fail('parse', 'not an estimate here', 0, 0);

export class Parser {
  pos = 0;
  ops = 0;
  depth = 0;
  ambiguities: Ambiguity[] = [];

  constructor(
    private toks: Token[],
    private text: string,
    private ctx: ParseContext,
    private lenient: boolean,
    /** First token to read: lenient starts share one token array instead of copying its tail. */
    private base = 0,
  ) {
    this.pos = base;
  }

  private peek(k = 0): Token | undefined {
    return this.toks[this.pos + k];
  }

  private fail(message: string, tok?: Token, code: ParseError['code'] = 'parse'): never {
    const t = tok ?? this.peek();
    if (!t) throw new Fail(code, message, this.text.length, this.text.length);
    throw new Fail(code, message, t.start, t.end);
  }

  unit(word: string): UnitDef | undefined {
    return cachedUnit(word, this.ctx.daysPerMonth, this.ctx.daysPerYear);
  }

  isCountNoun(t: Token | undefined): boolean {
    if (!t || t.kind !== 'word') return false;
    syncCaches(this.ctx.daysPerMonth, this.ctx.daysPerYear);
    const known = countNounCache.get(t.text);
    if (known !== undefined) return known;
    const result = this.readCountNoun(t.text);
    countNounCache.set(t.text, result);
    return result;
  }

  private readCountNoun(text: string): boolean {
    const lower = text.toLowerCase();
    if (STOP_WORDS.has(lower) || spacedMagnitudeOf(text) !== undefined) return false;
    if (!/^\p{L}/u.test(text)) return false;
    return this.unit(text) === undefined;
  }

  /** `x` is always times; `X` only right before a value (`12K X 2`), else it is a word (`Option X`). */
  isTimesX(k: number): boolean {
    const t = this.toks[k];
    if (!t || t.kind !== 'word') return false;
    if (t.text === 'x') return true;
    const n = this.toks[k + 1];
    return t.text === 'X' && !!n && (n.kind === 'num' || n.kind === 'lp' || n.kind === 'dollar');
  }

  private isWord(t: Token | undefined, w: string): boolean {
    return !!t && t.kind === 'word' && t.text.toLowerCase() === w;
  }

  private isRelation(t: Token | undefined): boolean {
    return !!t && (t.kind === 'rel' || t.kind === 'arrow');
  }

  parseChain(allowName: boolean): Chain {
    const first = this.peek();
    const chain: Chain = {
      segments: [],
      relations: [],
      start: first ? first.start : 0,
      end: first ? first.start : 0,
      ambiguities: this.ambiguities,
    };
    if (allowName) {
      let k = this.pos;
      while (this.toks[k]?.kind === 'word') k++;
      const eq = this.toks[k];
      if (k > this.pos && k - this.pos <= 6 && eq?.kind === 'rel' && eq.op === '=') {
        const start = this.toks[this.pos].start;
        const end = this.toks[k - 1].end;
        const text = this.text.slice(start, end);
        chain.name = { text, key: nameKey(text), start, end };
        this.pos = k + 1;
      }
    }
    chain.segments.push(this.parseSegment());
    while (this.isRelation(this.peek())) {
      const save = this.pos;
      const r = this.peek()!;
      this.pos++;
      try {
        chain.segments.push(this.parseSegment());
        chain.relations.push({ text: r.text, op: r.op === '->' ? '→' : r.op!, start: r.start, end: r.end });
      } catch (e) {
        if (this.lenient && e instanceof Fail) {
          this.pos = save;
          break;
        }
        throw e;
      }
    }
    const last = chain.segments[chain.segments.length - 1];
    chain.end = last.end;
    return chain;
  }

  parseSegment(): Segment {
    const t = this.peek();
    if (!t) this.fail('expected a value here');
    const ops0 = this.ops;
    if (t.kind === 'q') {
      this.pos++;
      const unit = this.parseUnitExpr(false);
      return { start: t.start, end: unit ? unit.end : t.end, query: { start: t.start, end: t.end, unit }, ops: 0 };
    }
    const expr = this.parseExpr();
    let end = expr.end;
    let convert: UnitExpr | undefined;
    const c = this.peek();
    if (c && (this.isWord(c, 'in') || this.isWord(c, 'to') || c.kind === 'arrow')) {
      const save = this.pos;
      this.pos++;
      const u = this.parseUnitExpr(true);
      if (u && u.real) {
        convert = u;
        end = u.end;
      } else {
        this.pos = save;
      }
    }
    const next = this.peek();
    const more = next?.kind === 'num' && !next.glued;
    return { start: expr.start, end, expr, convert, ops: this.ops - ops0, ...(more ? { more } : {}) };
  }

  /**
   * Steps over the operator at the cursor and reads its right operand. Read leniently, an operand that
   * does not parse ends the expression before the operator (undefined, cursor back on the operator).
   */
  private operandAfterOp(level: 'term' | 'factor', divisor = false): Node | undefined {
    const save = this.pos;
    this.pos++;
    try {
      // No closure per operator: this runs for every operator of every line read.
      return level === 'term' ? this.parseTerm() : this.parseFactor(divisor);
    } catch (e) {
      if (this.lenient && e instanceof Fail) {
        this.pos = save;
        return undefined;
      }
      throw e;
    }
  }

  parseExpr(): Node {
    let left = this.parseTerm();
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'op' || (t.op !== '+' && t.op !== '-')) break;
      const right = this.operandAfterOp('term');
      if (!right) break;
      this.ops++;
      left = { kind: 'bin', op: t.op as '+' | '-', l: left, r: right, start: left.start, end: right.end };
    }
    return left;
  }

  private mulOp(t: Token | undefined): '*' | '/' | undefined {
    if (!t) return undefined;
    if (t.kind === 'op' && (t.op === '*' || t.op === '/')) return t.op;
    if (this.isTimesX(this.pos)) return '*';
    if (this.isWord(t, 'per')) return '/';
    // `20% of 1M`
    if (this.isWord(t, 'of') && this.pos > this.base && this.toks[this.pos - 1].kind === 'pct') return '*';
    return undefined;
  }

  parseTerm(): Node {
    let left = this.parseFactor();
    this.skipAnnotations();
    for (;;) {
      const op = this.mulOp(this.peek());
      if (!op) break;
      const right = this.operandAfterOp('factor', op === '/');
      if (!right) break;
      this.ops++;
      left = { kind: 'bin', op, l: left, r: right, start: left.start, end: right.end };
      this.skipAnnotations();
    }
    return left;
  }

  /**
   * `× 2 (fanout)`, `10M users (DAU)`: a bracketed note right after a value is ignored; in prose so are
   * words that only describe it (`5,000,000 MB daily`, `87 MB/s peak`).
   */
  private skipAnnotations(): void {
    while (this.lenient && this.peek()?.kind === 'word' && NOTE_WORDS.has(this.peek()!.text.toLowerCase()) && !this.ctx.hasName(this.peek()!.text.toLowerCase())) this.pos++;
    // `12.7 GB of new paste content per month`: what the quantity measures, between it and its period.
    const next = this.peek();
    if (this.lenient && next?.kind === 'word' && next.text.length === 2 && this.isWord(next, 'of')) {
      let k = this.pos + 1;
      while (k < this.toks.length && k - this.pos <= MAX_MEASURE_WORDS && this.toks[k].kind === 'word' && !this.isWord(this.toks[k], 'per')) k++;
      const period = this.toks[k + 1];
      if (k > this.pos + 1 && this.isWord(this.toks[k], 'per') && period?.kind === 'word' && PERIOD_WORD.test(period.text)) this.pos = k;
    }
    while (this.peek()?.kind === 'lp') {
      let depth = 0;
      let k = this.pos;
      for (; k < this.toks.length; k++) {
        if (this.toks[k].kind === 'lp') depth++;
        else if (this.toks[k].kind === 'rp' && --depth === 0) break;
      }
      if (k >= this.toks.length) return;
      this.pos = k + 1;
    }
  }

  parseFactor(divisor = false): Node {
    const t = this.peek();
    if (t && t.kind === 'op' && t.op === '-') {
      if (this.depth >= MAX_DEPTH) this.fail('too many signs in a row');
      this.pos++;
      this.depth++;
      let e: Node;
      try {
        e = this.parseFactor(divisor);
      } finally {
        this.depth--;
      }
      return { kind: 'neg', e, start: t.start, end: e.end };
    }
    if (t && t.kind === 'op' && t.op === '+') this.pos++;
    const base = this.parsePrimary(divisor);
    const p = this.peek();
    if (p && p.kind === 'op' && p.op === '^') {
      const exp = this.parseExponent();
      this.ops++;
      return { kind: 'pow', base, exp: exp.value, start: base.start, end: exp.end };
    }
    return base;
  }

  private parseExponent(): { value: number; end: number } {
    this.pos++; // ^
    let sign = 1;
    const s = this.peek();
    if (s && s.kind === 'op' && s.op === '-') {
      sign = -1;
      this.pos++;
    }
    const n = this.peek();
    if (!n || n.kind !== 'num') this.fail('expected a number after ^');
    this.pos++;
    return { value: sign * n.value!, end: n.end };
  }

  parsePrimary(divisor: boolean): Node {
    const t = this.peek();
    if (!t) this.fail('expected a number or a name at the end of the line');
    if (t.kind === 'lp') {
      if (this.depth >= MAX_DEPTH) this.fail('too many nested brackets');
      this.pos++;
      this.depth++;
      let e: Node;
      try {
        e = this.parseExpr();
      } finally {
        this.depth--;
      }
      const close = this.peek();
      if (!close || close.kind !== 'rp') this.fail("missing ')'");
      this.pos++;
      return { ...e, start: t.start, end: close.end } as Node;
    }
    if (t.kind === 'dollar') {
      const n = this.peek(1);
      if (!n || n.kind !== 'num' || !n.glued) this.fail('expected an amount after $');
      this.pos++;
      return this.parseLiteral(true, t.start);
    }
    if (t.kind === 'num') return this.parseLiteral(false, t.start);
    if (t.kind === 'word') return this.parseWordOperand(divisor);
    if (this.lenient) throw QUIET_FAIL;
    if (t.kind === 'junk') this.fail(`cannot read ${t.note ?? `'${t.text}'`} here`);
    this.fail(`expected a number or a name, found '${t.text}'`);
  }

  private parseWordOperand(divisor: boolean): Node {
    const words: Token[] = [];
    for (let k = this.pos; k < this.toks.length && words.length < 6; k++) {
      const w = this.toks[k];
      if (w.kind !== 'word') break;
      words.push(w);
    }
    for (let n = words.length; n >= 1; n--) {
      const text = this.text.slice(words[0].start, words[n - 1].end);
      const key = nameKey(text);
      if (this.ctx.hasName(key)) {
        this.pos += n;
        return { kind: 'name', key, text, start: words[0].start, end: words[n - 1].end };
      }
    }
    const w = words[0];
    const u = this.unit(w.text);
    if (u) {
      this.pos++;
      return { kind: 'lit', q: this.applyUnit(bare(1), u), start: w.start, end: w.end, bare: false, sig: 1, text: w.text, num: 1 };
    }
    const mag = magnitudeOf(w.text);
    if (mag !== undefined) {
      this.pos++;
      return { kind: 'lit', q: bare(mag), start: w.start, end: w.end, bare: true, sig: 1, text: w.text, num: mag };
    }
    if (divisor && this.isCountNoun(w)) {
      // `bytes/message`: a count noun in a denominator is a soft label.
      this.pos++;
      const q = labelled(w.text);
      return { kind: 'lit', q, start: w.start, end: w.end, bare: false, sig: 1, text: w.text, num: 1 };
    }
    if (this.lenient) throw QUIET_FAIL;
    const last = words[words.length - 1];
    throw new Fail('unknown-name', `unknown name '${this.text.slice(w.start, last.end)}' (define it earlier, e.g. \`${w.text} = 10M\`)`, w.start, last.end);
  }

  applyUnit(q: Quantity, u: UnitDef): Quantity {
    const out = cloneQ(q);
    out.v = q.v * u.factor;
    out.d = u.dim;
    out.hasUnit = true;
    if (u.bits) out.bits = true;
    if (u.binary) out.binary = true;
    if (u.prefix !== undefined) out.prefix = u.prefix;
    if (u.dim.t === 1) out.timeUnit = u.period;
    if (u.dim.t === -1) out.period = u.period;
    return out;
  }

  private parseLiteral(money: boolean, start: number): Node {
    const t = this.peek()!;
    if (t.note === 'bad-grouping') {
      const m = /^[\d,._]+/.exec(this.text.slice(t.start));
      const raw = m ? m[0].replace(/[,.]$/, '') : t.text;
      throw new Fail('parse', `'${raw}' is not a number: thousands groups have three digits (1,000)`, t.start, t.start + raw.length);
    }
    this.pos++;
    let n = t.value!;
    let end = t.end;
    const sig = t.sig ?? 3;
    let mult = 1;
    let unit: UnitDef | undefined;
    let label: string | undefined;
    const p = this.peek();
    if (p && p.kind === 'op' && p.op === '^') {
      const k = this.peek(1)?.kind === 'num' ? 1 : this.peek(1)?.kind === 'op' && this.peek(2)?.kind === 'num' ? 2 : 0;
      if (k) {
        const exp = this.parseExponent();
        this.ops++;
        n = n ** exp.value;
        end = exp.end;
      }
    }
    const g = this.peek();
    if (g && g.kind === 'word' && g.glued && !this.isTimesX(this.pos)) {
      const m = suffixOf(g.text);
      // A glued `B` is billions (`1B messages`); bytes need a space or a prefix (`100 B`, `5MB`).
      const u = g.text === 'B' ? (this.ctx.gluedBytes ? this.unit('B') : undefined) : this.unit(g.text);
      if (u) {
        unit = u;
        this.pos++;
        end = g.end;
      } else if (m === undefined && magnitudeOf(g.text) !== undefined) {
        // `25Million`: a magnitude word glued to its number.
        mult *= magnitudeOf(g.text)!;
        this.pos++;
        end = g.end;
      } else if (m !== undefined) {
        if (g.text === 'B' && !this.isCountNoun(this.peek(1))) {
          const shown = formatNumber(n);
          this.ambiguities.push({
            start: t.start,
            end: g.end,
            message: `'${shown}B' is read as ${shown} billion; write '${shown}bn' for a count or '${shown} B' (with a space) for bytes`,
          });
        }
        mult *= m;
        this.pos++;
        end = g.end;
      } else if (/^\p{L}/u.test(g.text) && !STOP_WORDS.has(g.text.toLowerCase())) {
        label = g.text;
        this.pos++;
        end = g.end;
      }
    }
    for (let w = this.peek(), m: number | undefined; w && w.kind === 'word' && (m = spacedMagnitudeOf(w.text)) !== undefined; w = this.peek()) {
      mult *= m;
      this.pos++;
      end = w.end;
    }
    let percent = false;
    if (this.peek()?.kind === 'pct') {
      mult *= 0.01;
      percent = true;
      end = this.peek()!.end;
      this.pos++;
    }
    if (!money && this.peek()?.kind === 'dollar' && this.peek(1)?.kind !== 'num') {
      money = true;
      end = this.peek()!.end;
      this.pos++;
    }
    const nxt = this.peek();
    if (!unit && !label && !percent && nxt && nxt.kind === 'word' && !nxt.glued) {
      const u = this.unit(nxt.text);
      if (u && !(money && u.dim.m)) {
        unit = u;
        this.pos++;
        end = nxt.end;
      }
    }
    if (!unit && !label) {
      const words: Token[] = [];
      while (words.length < 4 && this.isCountNoun(this.peek()) && !this.isTimesX(this.pos)) {
        words.push(this.peek()!);
        this.pos++;
      }
      if (words.length) {
        label = this.text.slice(words[0].start, words[words.length - 1].end);
        end = words[words.length - 1].end;
      }
    }
    let q = unit ? this.applyUnit(bare(n * mult), unit) : bare(n * mult);
    if (label || money || percent) {
      q = cloneQ(q);
      if (label) {
        q.label = label;
        q.hasUnit = true;
      }
      if (money) {
        q.d = MONEY;
        q.hasUnit = true;
      }
      if (percent) q.percent = true;
    }
    let per: string | undefined;
    // `messages/s`, `MB/s`, `bytes/message`: a slash with no space around it belongs to the unit, so
    // `46K messages/s / 1,000 messages/s` divides rate by rate instead of dividing by seconds twice.
    for (let slash = this.peek(); (unit || label) && slash && slash.kind === 'op' && slash.op === '/' && slash.glued; slash = this.peek()) {
      const word = this.peek(1);
      if (!word || word.kind !== 'word' || !word.glued) break;
      const denominatorUnit = this.unit(word.text);
      const denominator: Quantity | undefined = denominatorUnit
        ? this.applyUnit(bare(1), denominatorUnit)
        : this.isCountNoun(word)
          ? labelled(word.text)
          : undefined;
      if (!denominator) break;
      if (!denominatorUnit) per = word.text;
      const label = q.label;
      q = divQ(q, denominator);
      q.label = label;
      this.pos += 2;
      end = word.end;
    }
    const isBare = !unit && !label && !money && !percent;
    const lit: Node = { kind: 'lit', q, start, end, bare: isBare, sig, text: this.text.slice(start, end), num: n * mult };
    // `100 bytes/page`: how much per one of a count noun, whose count must come from elsewhere.
    if (per !== undefined) lit.per = per;
    return lit;
  }

  /** Unit expressions after `in`/`to`/`->` and `?`: `Mbps`, `GB/day`, `writes per second`, `servers`. */
  parseUnitExpr(requireReal: boolean): UnitExpr | undefined {
    const start = this.pos;
    let q: Quantity | undefined;
    let real = false;
    let first: Token | undefined;
    let last: Token | undefined;
    const atom = (): Quantity | undefined => {
      const t = this.peek();
      if (!t || t.kind !== 'word') return undefined;
      const u = this.unit(t.text);
      if (u) {
        this.pos++;
        real = true;
        last = t;
        return this.applyUnit(bare(1), u);
      }
      if (this.isCountNoun(t)) {
        this.pos++;
        last = t;
        return labelled(t.text);
      }
      return undefined;
    };
    first = this.peek();
    q = atom();
    if (!q) {
      this.pos = start;
      return undefined;
    }
    for (;;) {
      const op = this.peek();
      const isDiv = (op?.kind === 'op' && op.op === '/') || this.isWord(op, 'per');
      if (!isDiv) break;
      const save = this.pos;
      this.pos++;
      const d = atom();
      if (!d) {
        this.pos = save;
        break;
      }
      const next = cloneQ(q);
      next.v = q.v / d.v;
      next.d = { t: q.d.t - d.d.t, b: q.d.b - d.d.b, m: q.d.m - d.d.m };
      next.period = d.d.t === 1 ? d.timeUnit : q.period;
      next.timeUnit = undefined;
      next.hasUnit = true;
      q = next;
    }
    if (requireReal && !real) {
      this.pos = start;
      return undefined;
    }
    return { q, start: first!.start, end: last!.end, text: this.text.slice(first!.start, last!.end), real };
  }

  atEnd(): boolean {
    const t = this.peek();
    return !t || t.kind === 'hash';
  }

  current(): Token | undefined {
    return this.peek();
  }
}
