// Runs estimate lines in document order: names, claims, queries, and the findings they produce.
import type {
  EstimateClaim,
  EstimateLine,
  EstimateReport,
  EstimateSettings,
  EstimateSource,
  Finding,
  Fix,
  Range,
} from '../types';
import { align, judge, type ClaimVerdict } from './claims';
import { bareUnitOperand, countInContext, perNoun, serverShare, startsMidCalculation, unitConversion, unitless } from './idioms';
import { evaluate, EvalFail, isServerLabel, show, stepTexts, type EvalContext, type Step } from './evaluate';
import { formatCount, formatNumber, formatQuantity, grouped, roundSig } from './format';
import { beginRun, keyOf, ReadRecordingNames, recall, replay, runRecorded } from './lineMemo';
import { parseLenient, parseStrict } from './lines';
import type { Chain, Node, ParseContext } from './parser';
import type { Quantity } from './quantity';
import { canonicalUnit, isNone } from './units';
import { ESTIMATE_CODES } from '../codeIds';

/** Last internal error swallowed by runEstimates (for tests and debugging; never user-facing). */
export const DEBUG: { lastError: unknown } = { lastError: undefined };

export const CODES = ESTIMATE_CODES;

/** Text that replaces a line's `?` (kept beside the line so the shared contract stays unchanged). */
export const FILLS = new WeakMap<EstimateLine, string>();

function range(src: EstimateSource, start: number, end: number): Range {
  if (src.pieces) return { start: position(src.pieces, start), end: position(src.pieces, Math.max(start, end)) };
  return {
    start: { line: src.line, character: src.column + start },
    end: { line: src.line, character: src.column + Math.max(start, end) },
  };
}

/** An offset in a joined text, as a document position: in the line whose piece holds it. */
function position(pieces: NonNullable<EstimateSource['pieces']>, offset: number): Range['start'] {
  let piece = pieces[0];
  for (const p of pieces) if (p.at <= offset) piece = p;
  return { line: piece.line, character: piece.column + Math.max(0, offset - piece.at) };
}

/** The number and significant figures a claim was written with (`600 writes per second` → 600, 1). */
const PREFIXES = 'KMGTPE';

/** The claim's data unit stepped down by `scale` (a power of 1000): `5 GB/day`, 1e9 → `B/day`. */
function smallerUnit(claim: string, scale: number): string | undefined {
  const m = /^[\d.,\s~≈]*(?:[KMBT](?![A-Za-z]))?\s*([KMGTPE])(i?[Bb](?:ps|\/\w+)?)\b/.exec(claim);
  if (!m) return undefined;
  const steps = Math.round(Math.log10(scale) / 3);
  const at = PREFIXES.indexOf(m[1]) + 1 - steps;
  return at < 0 ? undefined : `${at === 0 ? '' : PREFIXES[at - 1]}${m[2]}`;
}

// Markup the lexer reads through: LaTeX commands and braces, math and code delimiters.
const MARKUP = /[\\{}$`]/;
// A number with its magnitude letter (2.3K): the fix may change both.
const LEADING_NUMBER = /^\d[\d,]*(?:\.\d+)?(?:[KMBT](?![A-Za-z]))?/;

/** The claim's text with markup removed and spaces dropped, for comparing units across notations. */
function plain(text: string): string {
  return text.replace(/\\[a-z]+/gi, '').replace(/[\\{}$`\s]/g, '');
}

/**
 * The quick fix for a claim. In plain text the relation and claim are replaced (`= 2 TB` → `≈ 18.3 TB`).
 * Where the claim sits in markup (`\approx 2.3K \text{ views/s}`), replacing the span would break it: only
 * the number is replaced, and only when the suggestion keeps the claim's unit; otherwise no fix.
 */
function claimFix(src: EstimateSource, relStart: number, start: number, end: number, suggestion: string): Fix | undefined {
  const title = `Replace with ${suggestion}`;
  if (!MARKUP.test(src.text.slice(relStart, end))) return { title, edits: [{ range: range(src, relStart, end), newText: suggestion }] };
  const wanted = suggestion.replace(/^≈\s*/, '');
  const claimed = src.text.slice(start, end);
  const lead = claimed.search(/\d/);
  const number = lead < 0 ? null : LEADING_NUMBER.exec(claimed.slice(lead));
  const newNumber = LEADING_NUMBER.exec(wanted);
  if (!number || !newNumber) return undefined;
  if (plain(claimed.slice(lead + number[0].length)) !== plain(wanted.slice(newNumber[0].length))) return undefined;
  const at = start + lead;
  return { title: `Replace ${number[0]} with ${newNumber[0]}`, edits: [{ range: range(src, at, at + number[0].length), newText: newNumber[0] }] };
}

function claimLiteral(n: Node | undefined): { num: number; sig: number } | undefined {
  if (!n) return undefined;
  if (n.kind === 'lit') return n.num !== 0 ? { num: n.num, sig: n.sig } : undefined;
  if (n.kind === 'bin' && n.op === '/' && n.r.kind === 'lit' && !n.r.bare && n.r.num === 1) return claimLiteral(n.l);
  return undefined;
}

interface State {
  settings: EstimateSettings;
  /** One parse context for the whole run (its hasName reads the live name table). */
  ctx: ParseContext;
  names: ReadRecordingNames;
  /** Name key → spelling used in report.names. */
  nameText: Map<string, string>;
  report: EstimateReport;
}

function finding(
  which: (typeof CODES)[keyof typeof CODES],
  severity: Finding['severity'],
  message: string,
  r: Range,
  fix?: Finding['fix'],
): Finding {
  return { code: which.code, rule: which.rule, severity, message, range: r, ...(fix ? { fix } : {}) };
}

export function runEstimates(sources: EstimateSource[], settings: EstimateSettings): EstimateReport {
  const names = new ReadRecordingNames();
  const ctx: ParseContext = { daysPerMonth: settings.daysPerMonth, daysPerYear: settings.daysPerYear, hasName: (k) => names.has(k) };
  const state: State = { settings, ctx, names, nameText: new Map(), report: { lines: [], findings: [], names: {}, capacity: [] } };
  const ordered = [...sources].sort((a, b) => a.line - b.line || a.column - b.column);
  beginRun(settings);
  for (const src of ordered) {
    const key = keyOf(src);
    // A line whose text, place and names read are unchanged since an earlier run did the same then.
    const known = recall(key, state);
    if (known) {
      replay(known, state);
      continue;
    }
    runRecorded(key, state, () => {
      try {
        runLine(src, state);
      } catch (e) {
        DEBUG.lastError = e;
        // A bug must never take the analysis down; the line is simply not checked.
      }
    });
  }
  return state.report;
}

function runLine(src: EstimateSource, state: State): void {
  // `500k * 600B / 1024 / 1024 = 286 MB`: a glued B is billions, unless reading it as bytes is what makes the line hold.
  if (!src.strict && GLUED_B.test(src.text)) {
    const before = { lines: state.report.lines.length, findings: state.report.findings.length };
    runLineOnce(src, state);
    const line = state.report.lines[before.lines];
    const doubtful = state.report.findings.slice(before.findings).some((f) => f.code === CODES.wrong.code) || !line;
    // A line that defines a name keeps its first reading: a second one would redefine the name.
    if (!doubtful || line?.name !== undefined) return;
    const trial: State = { ...state, ctx: { ...state.ctx, gluedBytes: true }, report: { lines: [], findings: [], names: {}, capacity: [] } };
    runLineOnce(src, trial);
    const retried = trial.report.lines[0];
    if (retried && retried.claims.length > 0 && retried.claims.every((c) => c.status === 'ok')) {
      state.report.lines.length = before.lines;
      state.report.findings.length = before.findings;
      state.report.lines.push({ ...retried, steps: retried.steps, conventions: [...retried.conventions, 'a B glued to a number read as bytes'] });
      state.report.findings.push(...trial.report.findings);
    }
    return;
  }
  runLineOnce(src, state);
}

const GLUED_B = /\dB\b/;

function runLineOnce(src: EstimateSource, state: State): void {
  const { settings, ctx } = state;
  let chain: Chain | undefined;
  if (src.strict) {
    const res = parseStrict(src.text, ctx);
    if (res.error) {
      const which = res.error.code === 'unknown-name' ? CODES.unknownName : CODES.parse;
      state.report.findings.push(finding(which, 'error', res.error.message, range(src, res.error.start, res.error.end)));
      return;
    }
    chain = res.chain;
  } else {
    chain = parseLenient(src.text, ctx);
    if (chain) chain = withoutDescription(chain, src, settings, state.names);
  }
  if (!chain) return;
  const evalCtx: EvalContext = { settings, names: state.names, lineText: src.text, conventions: [], steps: [] };
  const pending: Finding[] = [];
  let computed: Quantity;
  const first = chain.segments[0];
  try {
    if (!first.expr) {
      if (src.strict) {
        pending.push(finding(CODES.parse, 'error', 'a line cannot start with ?: write the calculation first', range(src, first.start, first.end)));
        state.report.findings.push(...pending);
      }
      return;
    }
    computed = evaluate(first.expr, evalCtx);
    // Sizes, rates and counts are never negative: in prose a negative result means a dash was read as a minus.
    if (!src.strict && computed.v < 0) return;
  } catch (e) {
    if (src.strict && e instanceof EvalFail) {
      const which = e.code === 'unknown-name' ? CODES.unknownName : e.code === 'dimension' ? CODES.dimension : CODES.parse;
      state.report.findings.push(finding(which, 'error', e.message, range(src, e.start, e.end)));
    }
    return;
  }
  if (first.convert) {
    const conv = first.convert.q;
    const aligned = align(computed, conv, settings, evalCtx.conventions);
    if (!aligned) {
      if (src.strict) {
        state.report.findings.push(
          finding(CODES.dimension, 'error', `cannot convert ${show(computed)} to ${first.convert.text}`, range(src, first.convert.start, first.convert.end)),
        );
      }
      return;
    }
    computed = {
      ...aligned,
      period: conv.period ?? aligned.period,
      timeUnit: conv.timeUnit,
      bits: conv.bits,
      binary: conv.binary,
      prefix: conv.prefix,
    };
  }
  const claims: EstimateClaim[] = [];
  // Without a claim to follow, a rate is shown per the period its author wrote (`× 40 messages/day` stays per
  // day), per second when none was written; a conversion keeps its own unit.
  let display = show(first.convert || computed.d.t >= 0 || computed.period !== undefined ? computed : { ...computed, period: 1 });
  let lineValue = computed;
  let reference = computed;
  let query: Range | undefined;
  let fill: string | undefined;
  for (let i = 1; i < chain.segments.length; i++) {
    const seg = chain.segments[i];
    const rel = chain.relations[i - 1];
    if (seg.query) {
      const q = seg.query;
      let shown = reference;
      if (q.unit) {
        const aligned = align(reference, q.unit.q, settings, evalCtx.conventions);
        if (!aligned) {
          if (src.strict) pending.push(finding(CODES.dimension, 'error', `cannot express ${show(reference)} in ${q.unit.text}`, range(src, q.unit.start, q.unit.end)));
          continue;
        }
        shown = {
          ...aligned,
          period: q.unit.q.period ?? aligned.period,
          timeUnit: q.unit.q.timeUnit,
          bits: q.unit.q.bits,
          binary: q.unit.q.binary,
        };
        const inUnit = shown.v / (q.unit.q.v || 1);
        const per = shown.d.t < 0 ? (shown.period ?? 1) : 1;
        if (!q.unit.real) fill = isServerLabel(q.unit.q.label) ? String(Math.ceil(shown.v - 1e-9)) : formatCount(shown.v * per);
        else fill = plainFill(inUnit);
      } else {
        fill = show(reference);
      }
      query = range(src, q.start, q.end);
      display = show(shown);
      if (i === 1) lineValue = shown;
      continue;
    }
    let claimQ: Quantity;
    try {
      claimQ = evaluate(seg.expr!, { ...evalCtx, steps: [], conventions: evalCtx.conventions });
    } catch (e) {
      if (src.strict && e instanceof EvalFail) {
        pending.push(finding(e.code === 'unknown-name' ? CODES.unknownName : CODES.dimension, 'error', e.message, range(src, e.start, e.end)));
      }
      if (!src.strict) return;
      continue;
    }
    // `=> 13 14 23 24`: a bare number followed by more bare numbers is a list of values, not one claim.
    if (!src.strict && !claimQ.hasUnit && seg.more) {
      if (i === 1) return;
      break;
    }
    let verdict = judge({
      computed: reference,
      claim: claimQ,
      relation: rel.op,
      literal: claimLiteral(seg.expr),
      settings,
      lineText: src.text,
    });
    if (verdict.kind === 'dimension' && i === 1 && first.expr) {
      // `3 trips × 2 days = 6 days`: the claim shows the count was not "per day"; read the plain product.
      const retryCtx: EvalContext = { ...evalCtx, conventions: [], steps: [], countPerDuration: false };
      try {
        const plain = evaluate(first.expr, retryCtx);
        const again = judge({ computed: plain, claim: claimQ, relation: rel.op, literal: claimLiteral(seg.expr), settings, lineText: src.text });
        if (again.kind !== 'dimension') {
          verdict = again;
          computed = plain;
          reference = plain;
          lineValue = plain;
          evalCtx.conventions = retryCtx.conventions;
          evalCtx.steps = retryCtx.steps;
          display = show(plain);
        }
      } catch {
        // keep the first reading
      }
    }
    if (verdict.kind === 'dimension' && i === 1 && unitless(reference) && !src.strict) {
      // `800 × 3×10^6 / 1024^3 = 2.24 GB`: the author left the unit to the claim; compare the numbers as written.
      const literal = claimLiteral(seg.expr);
      // Or in a unit a power of 1000 smaller (`10 [MB/s] × 86,400 × 365 = 315 TB`): read so, it may agree, never accuse.
      const scale = literal ? [1, 1e3, 1e6, 1e9, 1e12].find((k) => Math.abs(reference.v / (literal.num * k) - 1) <= settings.approxTolerance) : undefined;
      if (literal && scale !== undefined) {
        const smaller = scale === 1 ? undefined : smallerUnit(src.text.slice(seg.start, seg.end), scale);
        const how =
          scale === 1
            ? "a result with no unit is read in the claim's unit"
            : smaller
              ? `a result with no unit is read in ${smaller}`
              : `a result with no unit is read in a unit ${grouped(scale)} times smaller than the claim's`;
        verdict = { status: 'ok', ratio: (literal.num * scale) / reference.v, kind: 'ok', conventions: [how], reference: claimQ, message: `claimed ${src.text.slice(seg.start, seg.end)}, computed ${formatNumber(reference.v)}: ${how}` };
        lineValue = claimQ;
        display = show(claimQ);
      }
    }
    if (verdict.kind === 'dimension' && !src.strict && !claimQ.label && claimQ.d.b === 0 && reference.d.b === 1 && claimQ.d.t === reference.d.t && claimQ.d.m === reference.d.m) {
      // `… × 166 KB/s = 5 G/s`: a magnitude letter written for its data unit. An assumption: it may agree, never accuse.
      const asData = { ...claimQ, d: reference.d, bits: reference.bits, hasUnit: true };
      const again = judge({ computed: reference, claim: asData, relation: rel.op, literal: claimLiteral(seg.expr), settings, lineText: src.text });
      if (again.status !== 'ok' && again.status !== 'hint') return;
      verdict = { ...again, conventions: [...again.conventions, `${src.text.slice(seg.start, seg.end).trim()} read as ${reference.bits ? 'bits' : 'bytes'}`] };
    }
    if (verdict.kind === 'dimension' && i === 1 && !src.strict && first.expr && reference.d.t > 0 && reference.d.b === 0 && reference.d.m === 0 && isNone(claimQ.d)) {
      // `100M × 365 days × 5 years ≈ 200B records`: days and years used as plain counts. An assumption: it may agree, never accuse.
      try {
        const counted = evaluate(first.expr, { ...evalCtx, conventions: [], steps: [], durationsAsCounts: true });
        const again = judge({ computed: counted, claim: claimQ, relation: rel.op, literal: claimLiteral(seg.expr), settings, lineText: src.text });
        if (again.status !== 'ok' && again.status !== 'hint') return;
        verdict = { ...again, conventions: [...again.conventions, 'durations read as plain counts'] };
        computed = counted;
        reference = counted;
        lineValue = counted;
        display = show(counted);
      } catch {
        return;
      }
    }
    if (verdict.kind === 'dimension' && i === 1 && !src.strict && rateForLabel(reference, claimQ)) {
      // `20,000 tasks/sec = 20,000 random writes`: a claim in count nouns alone, against a rate, means the same
      // rate. That reading is an assumption, so it may agree but never accuse.
      const asRate = judge({ computed: reference, claim: { ...claimQ, hasUnit: false }, relation: rel.op, literal: claimLiteral(seg.expr), settings, lineText: src.text });
      if (asRate.status === 'ok' || asRate.status === 'hint') verdict = asRate;
      else return;
    }
    if (verdict.kind === 'dimension' && !src.strict) {
      // Prose: stay silent rather than guess; a later claim in another unit only ends the reading there.
      if (i === 1) return;
      break;
    }
    if (verdict.kind === 'wrong' && first.expr) verdict = reconsider(verdict, first.expr, claimQ, reference, src, chain, i);
    for (const c of verdict.conventions) if (!evalCtx.conventions.includes(c)) evalCtx.conventions.push(c);
    const claimRange = range(src, seg.start, seg.end);
    const claim: EstimateClaim = {
      text: src.text.slice(seg.start, seg.end),
      relation: rel.op,
      value: claimQ.v,
      status: verdict.status,
      ratio: verdict.ratio,
      message: verdict.message,
      range: claimRange,
    };
    if (verdict.kind === 'approx-hint') claim.suggestion = `≈ ${claim.text}`;
    else if (verdict.suggestion && verdict.status !== 'ok') claim.suggestion = verdict.suggestion;
    claims.push(claim);
    evalCtx.steps.push(`${rel.op} ${claim.text}: ${verdict.message}`);
    const fix = claim.suggestion ? claimFix(src, rel.start, seg.start, seg.end, claim.suggestion) : undefined;
    if (verdict.kind === 'dimension') {
      pending.push(finding(CODES.dimension, 'error', verdict.message, claimRange, fix));
    } else if (verdict.kind === 'approx-hint') {
      // In prose `=` is written loosely: asking for `≈` there is noise. An estimate fence is held to it.
      if (src.strict) pending.push(finding(CODES.hint, 'hint', verdict.message, claimRange, fix));
    } else if (verdict.kind === 'wrong' && verdict.status !== 'ok' && !verdict.quiet) {
      pending.push(finding(CODES.wrong, verdict.status === 'error' ? 'error' : verdict.status === 'hint' ? 'hint' : 'warning', verdict.message, claimRange, fix));
    }
    if (verdict.reference && i === 1 && verdict.status !== 'error') {
      lineValue = verdict.reference;
      display = showAs(verdict.reference, claimQ);
    }
    // The next claim in a chain is checked against this one when this one holds.
    if (verdict.status === 'ok' || verdict.status === 'hint') reference = claimQ.hasUnit || !verdict.reference ? claimQ : verdict.reference;
  }
  // A reading made on an assumption is shown only when the line then holds.
  if (chain.tentative && (pending.some((f) => f.severity === 'warning' || f.severity === 'error') || claims.some((c) => c.status !== 'ok' && c.status !== 'hint'))) return;
  // Prose like `99.9% = 43 min/month downtime`: with nothing computed, only agreement is worth showing.
  // A conversion between two units of one kind (`10 Gbps = 10 GB/s`) is a calculation and is checked.
  // Two values in the same written unit (`~96 Mb/s   ~320 Mb/s`, columns of a table) convert nothing: a statement.
  const conversion =
    first.expr?.kind === 'lit' && !isNone(first.expr.q.d) && first.expr.per === undefined && claims.length > 0 &&
    !sameUnit(first.expr, chain.segments.find((s, k) => k > 0 && !s.query)?.expr);
  if (!src.strict && first.ops === 0 && !chain.name && !conversion && claims.some((c) => c.status !== 'ok' && c.status !== 'hint')) return;
  // In prose the reader settles a glued `B` itself (a second reading tries bytes); only a fence asks.
  if (src.strict) for (const a of chain.ambiguities) pending.push(finding(CODES.ambiguous, 'hint', a.message, range(src, a.start, a.end)));
  const line = withLazySteps(
    {
      line: src.line,
      source: src.text,
      strict: src.strict,
      value: lineValue.v,
      unit: canonicalUnit(lineValue.d),
      display,
      claims,
      conventions: evalCtx.conventions,
    },
    evalCtx.steps,
  );
  if (query) {
    line.query = query;
    if (fill !== undefined) FILLS.set(line, fill);
  }
  if (chain.name) {
    line.name = chain.name.text;
    state.names.set(chain.name.key, lineValue);
    // A redefinition (any spelling) replaces the earlier entry.
    const earlier = state.nameText.get(chain.name.key);
    if (earlier !== undefined) delete state.report.names[earlier];
    state.nameText.set(chain.name.key, chain.name.text);
    state.report.names[chain.name.text] = { value: lineValue.v, unit: line.unit, display, line: src.line };
  }
  state.report.lines.push(line);
  state.report.findings.push(...pending);
}

/** A plain rate (`/s`, no bytes or money) against a claim that is only a count noun (`20,000 random writes`). */
function rateForLabel(computed: Quantity, claim: Quantity): boolean {
  return computed.d.t === -1 && computed.d.b === 0 && computed.d.m === 0 && isNone(claim.d) && !claim.percent && claim.label !== undefined;
}

/**
 * `Storage for 50B pages = 50B × 500 KB ≈ 25 PB`, `RPS(read) = 50M × 10 / 86,400 ≈ 580 r/s`: a first
 * value with no operator, of another kind than the calculation after it (or a lone unit word), names
 * what is computed; the calculation starts after it.
 */
function withoutDescription(chain: Chain, src: EstimateSource, settings: EstimateSettings, names: Map<string, Quantity>): Chain {
  const [head, next] = chain.segments;
  if (chain.name || chain.segments.length < 3 || head.ops !== 0 || !next?.expr || next.ops === 0 || !head.expr) return chain;
  const loneUnit = head.expr.kind === 'lit' && head.expr.num === 1 && /^[A-Za-z]/.test(head.expr.text);
  if (!loneUnit) {
    try {
      const evalCtx: EvalContext = { settings, names, lineText: src.text, conventions: [], steps: [] };
      const a = evaluate(head.expr, evalCtx);
      const b = evaluate(next.expr, { ...evalCtx, conventions: [], steps: [] });
      // `6 character alias = 62^6 = 56.8B`: a counted thing the calculation does not equal sets the scene.
      const scene = a.label !== undefined && b.label === undefined && !relativelyClose(a.v, b.v);
      if (a.d.t === b.d.t && a.d.b === b.d.b && a.d.m === b.d.m && !scene) return chain;
    } catch {
      return chain;
    }
  }
  return { ...chain, segments: chain.segments.slice(1), relations: chain.relations.slice(1), start: next.start };
}

/** Two literals written in one unit (`96 Mb/s`, `320 Mb/s`): the same kind and the same base units per number written. */
function sameUnit(a: Extract<Node, { kind: 'lit' }>, b: Node | undefined): boolean {
  if (b?.kind !== 'lit' || a.num === 0 || b.num === 0) return false;
  const { d: x } = a.q;
  const { d: y } = b.q;
  if (x.t !== y.t || x.b !== y.b || x.m !== y.m || !!a.q.bits !== !!b.q.bits) return false;
  const perA = a.q.v / a.num;
  const perB = b.q.v / b.num;
  return Math.abs(perA - perB) <= 1e-9 * Math.max(Math.abs(perA), Math.abs(perB));
}

function relativelyClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.5 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * A wrong verdict, read again as the author may have meant the line: factors that only change units,
 * a count per user whose users the parent item gives. A reading that is unsure (a count per user with
 * no count in sight, arithmetic right before where the reading starts) may only ask, never assert.
 */
function reconsider(verdict: ClaimVerdict, expr: Node, claim: Quantity, computed: Quantity, src: EstimateSource, chain: Chain, index: number): ClaimVerdict {
  const ratio = verdict.ratio ?? NaN;
  const asUnits = unitConversion(expr, ratio, claim, computed, 0.15);
  if (asUnits) return { ...verdict, status: 'ok', kind: 'ok', conventions: [...verdict.conventions, asUnits], message: `${verdict.message.split(':')[0]}; ${asUnits}` };
  // `100K QPS / 10K per server` read as a count of servers: the noun divides, it is no count per server.
  const noun = serverShare(expr) && isNone(computed.d) ? undefined : perNoun(expr);
  if (noun && ratio > 1) {
    const count = countInContext(src.context, noun);
    if (count !== undefined && Math.abs(Math.log(ratio / count)) <= Math.log(1.15)) {
      const note = `× ${formatNumber(count)} ${noun}s, from the item above`;
      return { ...verdict, status: 'ok', kind: 'ok', conventions: [...verdict.conventions, note], message: `${verdict.message.split(':')[0]}; ${note}` };
    }
    return unsure(verdict, `it counts per ${noun}: the number of ${noun}s is missing from the line`);
  }
  if (index === 1 && startsMidCalculation(src.text, chain.start)) return { ...unsure(verdict, 'the calculation may start before what was read'), quiet: true };
  if (bareUnitOperand(expr)) return { ...unsure(verdict, 'a unit stands where a value was meant'), quiet: true };
  return verdict;
}

function unsure(verdict: ClaimVerdict, why: string): ClaimVerdict {
  return { ...verdict, status: 'hint', message: `${verdict.message} (${why}; not checked further)`, suggestion: undefined };
}

/**
 * The line with `steps` as an enumerable getter that formats them on first read: formatting every
 * intermediate value was most of the estimator's time, and only a hover or the preview reads them.
 */
function withLazySteps(line: Omit<EstimateLine, 'steps'>, steps: Step[]): EstimateLine {
  new LazySteps(line, steps);
  // One shared accessor pair: a getter literal (fresh closures per line) cost several times more.
  return Object.defineProperty(line as EstimateLine, 'steps', STEPS_PROPERTY);
}

class Passthrough {
  constructor(target: object) {
    return target;
  }
}

/**
 * Stamps a line with its unformatted steps as a private field: invisible to JSON, spreads, keys and
 * deep equality, and much cheaper to attach than a WeakMap entry.
 */
class LazySteps extends Passthrough {
  #steps: Step[];
  #texts: string[] | undefined;

  constructor(target: object, steps: Step[]) {
    super(target);
    this.#steps = steps;
    this.#texts = undefined;
  }

  static read(line: object): string[] {
    if (!(#steps in line)) return [];
    const stamped = line as LazySteps;
    return (stamped.#texts ??= stepTexts(stamped.#steps));
  }

  static write(line: object, texts: string[]): void {
    if (#steps in line) (line as LazySteps).#texts = texts;
  }
}

const STEPS_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: EstimateLine): string[] {
    return LazySteps.read(this);
  },
  set(this: EstimateLine, value: string[]) {
    LazySteps.write(this, value);
  },
};

/** A number for `? GB`: grouped when whole (36,500), else 3 significant figures. */
function plainFill(v: number): string {
  const r = roundSig(v, 3);
  return Number.isInteger(r) && Math.abs(r) >= 1000 && Math.abs(r) < 1e15 ? grouped(r) : formatNumber(r);
}

/** The computed value shown the way the claim was written (period, bits, label). */
function showAs(ref: Quantity, claim: Quantity): string {
  return formatQuantity(ref.v, canonicalUnit(ref.d), {
    label: claim.label ?? ref.label,
    period: ref.d.t < 0 ? (claim.period ?? ref.period ?? 1) : undefined,
    binary: ref.binary,
    bits: claim.bits && ref.d.t < 0,
    roundUp: isServerLabel(claim.label ?? ref.label) && isNone(ref.d),
    timeUnit: ref.d.t === 1 && ref.d.b === 0 && ref.d.m === 0 ? claim.timeUnit : undefined,
    percent: claim.percent && isNone(ref.d),
  });
}
