// Reads a whole line: strict (estimate fences), lenient (prose: find the estimate or stay silent), or one quantity.
import { tokenize, type Token } from './lexer';
import { magnitudeOf } from './numbers';
import { Fail, nameKey, Parser, unitOf, type Ambiguity, type Chain, type Node, type ParseContext, type ParseError } from './parser';
import { dimEq, isNone } from './units';

/** Prose lines longer than this are paragraphs, not calculations; bounds the work per line. */
const MAX_LENIENT_LENGTH = 1000;
/** Start positions tried per prose line (keeps a line of many numbers linear, not quadratic). */
const MAX_LENIENT_STARTS = 16;
/** Strict lines longer than this are reported instead of read. */
export const MAX_STRICT_LENGTH = 2000;

export interface StrictResult {
  chain?: Chain;
  error?: ParseError;
}

/** Parses a whole line of an ```estimate fence; anything left over is an error. */
export function parseStrict(text: string, ctx: ParseContext): StrictResult {
  if (text.length > MAX_STRICT_LENGTH) {
    return { error: { code: 'parse', message: `line too long to check (over ${MAX_STRICT_LENGTH} characters)`, start: 0, end: text.length } };
  }
  const toks = tokenize(text, { lenient: false });
  // `# note` and `// note` comments (a lone `//` is two glued slashes).
  let body = toks.findIndex((t) => t.kind === 'hash');
  const slashes = toks.findIndex(
    (t, k) => t.kind === 'op' && t.op === '/' && t.text === '/' && toks[k + 1]?.text === '/' && toks[k + 1].glued,
  );
  if (slashes >= 0 && (body < 0 || slashes < body)) body = slashes;
  let use = body >= 0 ? toks.slice(0, body) : toks;
  // `Storage: 50M × 100 B = 5 GB` — a leading label is a caption; a final `.` ends the sentence.
  let k = 0;
  while (k < use.length && k < 6 && use[k].kind === 'word') k++;
  if (k > 0 && use[k]?.kind === 'junk' && use[k].text === ':') use = use.slice(k + 1);
  const last = use[use.length - 1];
  if (last && last.kind === 'junk' && last.text === '.') use = use.slice(0, -1);
  if (use.length === 0) return {};
  const p = new Parser(use, text, ctx, false);
  try {
    const chain = p.parseChain(true);
    if (!p.atEnd()) {
      const t = p.current()!;
      const what = t.kind === 'junk' ? (t.note ?? `'${t.text}'`) : `'${t.text}'`;
      return { error: { code: 'parse', message: `unexpected ${what}: expected an operator or a relation (=, ≈)`, start: t.start, end: t.end } };
    }
    return { chain };
  } catch (e) {
    if (e instanceof Fail) return { error: { code: e.code, message: e.message, start: e.start, end: e.end } };
    return { error: { code: 'parse', message: 'cannot read this line', start: 0, end: text.length } };
  }
}

const LENIENT_PREFILTER_NUM = /\d/;
const LENIENT_PREFILTER_REL = /[=≈~→⇒:]|\\approx|\\sim|->|â‰ˆ|â†’|\b(?:translates?|is about|is around|is roughly|comes to|results? in|which is|works out|adds up|gives|equals|roughly|approximately)\b/;
const LENIENT_PREFILTER_OP = /[+\-×*·/÷^−]|\bx\b|\d\s?x\b|\bper\b|\\times|\\cdot|\\div|Ã—|Ã·/;

const TWO_NUMBERS = /\d\D+\d/;

/** Cheap test that a prose line could hold an estimate at all: a relation and an operator, or two numbers (a conversion). */
export function looksLikeEstimate(text: string): boolean {
  return LENIENT_PREFILTER_NUM.test(text) && LENIENT_PREFILTER_REL.test(text) && (LENIENT_PREFILTER_OP.test(text) || TWO_NUMBERS.test(text));
}

/**
 * `10 Gbps = 1.25 GB/s`, `2M uploads/day ≈ 23 uploads/s`, `500 million messages/day -> 5000 RPS`: a
 * quantity with a unit stated again in another unit of the same kind is a conversion to check, even
 * with no operator. Count nouns alone (`1 tweet → 200 followers`) are not units.
 */
function isConversion(chain: Chain): boolean {
  const [a, b] = chain.segments;
  // A quantity per count noun (`100 bytes/page`) needs the count from elsewhere: not a conversion.
  const unitOf = (s: Chain['segments'][number] | undefined) =>
    s?.expr?.kind === 'lit' && !isNone(s.expr.q.d) && s.expr.per === undefined ? s.expr.q.d : undefined;
  const da = unitOf(a);
  const db = unitOf(b);
  return !!da && !!db && dimEq(da, db);
}

/** `20,000 tasks/sec = 20,000 random writes`: a rate restated in count nouns (read on that assumption only). */
function isRestatedRate(chain: Chain): boolean {
  const [a, b] = chain.segments;
  if (a?.expr?.kind !== 'lit' || b?.expr?.kind !== 'lit') return false;
  const d = a.expr.q.d;
  return d.t === -1 && d.b === 0 && d.m === 0 && isNone(b.expr.q.d) && b.expr.q.label !== undefined;
}

/**
 * Finds an estimate inside a prose line: the first place where a chain with an operator and a
 * readable claim starts. Returns undefined when there is none (prose stays silent).
 */
/** A line written with a dash for `=` (`104 bytes * 10 Billion - 1 TB`): an operator, digits and a spaced dash. */
function dashedCalculation(text: string): boolean {
  return DASHED.test(text) && LENIENT_PREFILTER_NUM.test(text) && LENIENT_PREFILTER_OP.test(text);
}

/** Whether the lenient reader could find anything on a prose line (the cheap test before any parsing). */
export function mayHoldEstimate(text: string): boolean {
  return looksLikeEstimate(text) || dashedCalculation(text);
}

export function parseLenient(text: string, ctx: ParseContext): Chain | undefined {
  if (text.length > MAX_LENIENT_LENGTH) return undefined;
  const dashed = dashedCalculation(text);
  if (!dashed && !looksLikeEstimate(text)) return undefined;
  const found = looksLikeEstimate(text) ? readTokens(tokenize(text, { lenient: true }), text, ctx) : undefined;
  if (found || !dashed) return found;
  // `104 bytes * 10 Billion - 1 TB`: some authors write the result after a dash. Tried last, and only
  // believed when the line then holds.
  const chain = readTokens(dashesAsRelations(tokenize(text, { lenient: true })), text, ctx);
  if (chain) chain.tentative = true;
  return chain;
}

const DASHED = /\S\s[-–]\s\S/;

/** Spaced dashes (minus or punctuation) after a calculation become `=`. */
function dashesAsRelations(toks: Token[]): Token[] {
  let op = false;
  for (const t of toks) {
    if (t.kind === 'op' && (t.op === '*' || t.op === '/' || t.op === '^')) op = true;
    else if (op && t.text === '-' && (t.kind === 'junk' || t.kind === 'op') && !t.glued) {
      t.kind = 'rel';
      t.op = '=';
    }
  }
  return toks;
}

function readTokens(toks: Token[], text: string, ctx: ParseContext): Chain | undefined {
  let attempts = 0;
  // Only junk so far: a word here may start a name definition (kept as a flag, not rescanned per start).
  let onlyJunkBefore = true;
  for (let i = 0; i < toks.length && attempts < MAX_LENIENT_STARTS; onlyJunkBefore &&= toks[i].kind === 'junk', i++) {
    const t = toks[i];
    // Not toks[-1]: a negative index is a slow named-property lookup on an array.
    const prev = i > 0 ? toks[i - 1] : undefined;
    const nameDef = t.kind === 'word' && onlyJunkBefore;
    const canStart =
      t.kind === 'num' || t.kind === 'dollar' || t.kind === 'lp' || nameDef || (t.kind === 'word' && startsName(toks, i, text, ctx));
    if (!canStart) continue;
    // Glued to a word, a number or noise (`1:1`, `5-10`, `v2`): the middle of something else, not a start.
    const emphasis = prev?.kind === 'junk' && /^[*_]+$/.test(prev.text);
    if (t.glued && prev && !emphasis && prev.kind !== 'lp' && prev.kind !== 'dollar' && prev.kind !== 'rel') continue;
    attempts++;
    // Most prose lines start with a plain word: that start would throw at once, which costs more than this check.
    if (nameDef && failsAtWord(toks, i, text, ctx)) continue;
    const p = new Parser(toks, text, ctx, true, i);
    try {
      const chain = p.parseChain(nameDef);
      const ops = chain.segments.reduce((n, s) => n + s.ops + (s.convert ? 1 : 0), 0);
      if (chain.relations.length === 0 && !chain.name) continue;
      const restated = !chain.name && chain.segments[0].ops === 0 && isRestatedRate(chain);
      if (restated) chain.tentative = true;
      const conversion = !chain.name && chain.segments[0].ops === 0 && (isConversion(chain) || restated);
      // `1 tweet → 200 followers × 1 write`: in prose an arrow after a bare value means "leads to".
      if (!chain.name && !conversion && chain.segments[0].ops === 0 && chain.relations[0].op !== '=' && chain.relations[0].op !== '≈') continue;
      if (ops === 0 && !conversion) continue;
      if (chain.name && chain.relations.length === 0 && chain.segments[0].expr === undefined) continue;
      return chain;
    } catch {
      // this start does not read as an estimate; try the next one
    }
  }
  return undefined;
}

/**
 * Whether a parse starting at word `i` fails on that word: no `name =` follows, no known name starts
 * there, and the word is neither a unit nor a magnitude (the parser's own order of checks, so the same
 * names are looked up and recorded).
 */
function failsAtWord(toks: Token[], i: number, text: string, ctx: ParseContext): boolean {
  let k = i;
  while (toks[k]?.kind === 'word') k++;
  const eq = toks[k];
  if (k - i <= 6 && eq?.kind === 'rel' && eq.op === '=') return false;
  if (startsName(toks, i, text, ctx)) return false;
  const word = toks[i].text;
  return unitOf(word, ctx) === undefined && magnitudeOf(word) === undefined;
}

function startsName(toks: Token[], i: number, text: string, ctx: ParseContext): boolean {
  let end = i;
  while (end < toks.length && end - i < 6 && toks[end].kind === 'word') {
    if (ctx.hasName(nameKey(text.slice(toks[i].start, toks[end].end)))) return true;
    end++;
  }
  return false;
}

/** Parses a lone quantity such as `18.3 TB` or `579 writes/s` (no names, no relations). */
export function parseSingle(text: string, ctx: ParseContext): { expr: Node; ambiguities: Ambiguity[] } | undefined {
  const toks = tokenize(text, { lenient: false });
  if (!toks.length) return undefined;
  const p = new Parser(toks, text, ctx, false);
  try {
    const e = p.parseExpr();
    if (!p.atEnd()) return undefined;
    return { expr: e, ambiguities: p.ambiguities };
  } catch {
    return undefined;
  }
}
