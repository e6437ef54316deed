// Content detectors behind the checklist's sub-checks. They run on every keystroke, so every pattern is
// linear: no nested quantifiers, and number scanning anchors at the start of each digit run.
import { isDiagramBlock, METHOD_PATH, signals } from '../sections/content';
import type { Block, ContentNeed } from '../types';
import type { ContentLine } from './placeholder';

/** What a phase contains, already stripped of placeholders. */
export interface PhaseContent {
  /** Real blocks, in document order. */
  blocks: Block[];
  /** Real lines of those blocks. */
  lines: ContentLine[];
  /** Normalised titles of sub-headings that have real content under them. */
  headings: ContentLine[];
  /** Titles of the phase's own sections, as written ("Pros and cons of the options"). */
  titles?: ContentLine[];
  /** What the phase's own sections are about ("alternatives", "trade-offs"), from their classification. */
  facets?: string[];
  /** The document's lines, for what blocks lose in parsing (a list item's `+` or `-` marker). */
  source?: readonly string[];
}

export interface Evidence {
  ok: boolean;
  line?: number;
}

export const NEED_TITLES: Record<ContentNeed, string> = {
  'functional-requirements': 'Functional requirements listed',
  'non-functional-requirements': 'Non-functional requirements stated',
  'clarifying-questions': 'Clarifying questions written',
  assumptions: 'Assumptions stated',
  numbers: 'Numbers estimated',
  endpoints: 'Endpoints listed',
  pagination: 'Pagination defined',
  'error-responses': 'Error responses defined',
  schema: 'Schema defined',
  'primary-keys': 'Primary keys chosen',
  indexes: 'Indexes planned',
  diagram: 'Diagram drawn',
  components: 'Components named',
  performance: 'Performance discussed',
  'edge-cases': 'Edge cases considered',
  failures: 'Failure handling covered',
  bottlenecks: 'Bottlenecks identified',
  'cache-strategy': 'Caching pattern chosen',
  'latency-percentiles': 'Latency percentiles tracked',
  'error-rate': 'Error rate tracked',
  alerts: 'Alerts defined',
  options: 'Options compared',
  'pros-cons': 'Pros and cons weighed',
};

const NO: Evidence = { ok: false };

/** The phase's own heading says it: "Assumptions", "Out of scope". */
function titled(content: PhaseContent, pattern: RegExp): Evidence {
  if (content.lines.length === 0) return NO;
  const hit = [...(content.titles ?? []), ...content.headings].find((t) => pattern.test(t.text.toLowerCase()));
  return hit ? { ok: true, line: hit.line } : NO;
}

/** First line (text or sub-heading) matching `pattern`. */
function find(content: PhaseContent, pattern: RegExp): Evidence {
  let line: number | undefined;
  for (const l of content.headings) if (pattern.test(l.text)) { line = l.line; break; }
  for (const l of content.lines) {
    if (line !== undefined && l.line >= line) break;
    if (pattern.test(l.text)) { line = l.line; break; }
  }
  return line === undefined ? NO : { ok: true, line };
}

/** Lines matching `pattern`, at most `limit` of them. */
function count(content: PhaseContent, pattern: RegExp, limit: number): ContentLine[] {
  const hits: ContentLine[] = [];
  for (const l of content.lines) {
    if (pattern.test(l.text)) hits.push(l);
    if (hits.length >= limit) break;
  }
  return hits;
}

function atLeast(content: PhaseContent, pattern: RegExp, n: number): Evidence {
  const hits = count(content, pattern, n);
  return hits.length >= n ? { ok: true, line: hits[0].line } : NO;
}

function either(...results: Evidence[]): Evidence {
  let best: Evidence = NO;
  for (const r of results) if (r.ok && (!best.ok || (r.line ?? 0) < (best.line ?? 0))) best = r;
  return best;
}

function diagram(content: PhaseContent): Evidence {
  for (const block of content.blocks) {
    if (isDiagramBlock(block)) return { ok: true, line: block.images?.[0]?.line ?? block.line };
  }
  return NO;
}

// A question: `?` followed only by closing quotes, brackets or emphasis, then a space or the end (not `?limit=`).
const QUESTION = /\?["'”’)\]*_]*(?:\s|$)/;

function questions(content: PhaseContent): Evidence {
  const heading = content.headings.find((h) => /\bquestions?\b|\bclarif/i.test(h.text));
  return either(heading ? { ok: true, line: heading.line } : NO, atLeast(content, QUESTION, 2), find(content, /\bclarif|\bwe asked\b|\bconfirm(?:ed)? with\b|\binterviewer\b/i));
}

// Numbers with a unit or scale: "10M", "5 GB/day", "600 writes per second", "99.9%", "86,400", "10^6".
const SCALED_NUMBER =
  /(?<![\w.,])\d[\d,.]*\s?(?:[kmbt]\b|bn\b|[kmgtpe]i?b\b|ms\b|µs\b|%|x\b|×|million|billion|thousand|trillion|qps|rps|tps|req|requests?|users?|dau|mau|bytes?|writes?|reads?|messages?|queries|ops|seconds?|secs?\b|minutes?|hours?|days?|months?|years?|servers?|nodes?|rows?|records?|\/\s?(?:s|sec|second|day|month|year|user|min)\b|per\b|[a-z]+\s?(?:\/\s?[a-z]|(?:per|each|every|a day)\b))|\d\s?\^\s?\{?\d|\}\s?\^\s?\{?\d|\d\s?(?:万|亿)|(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d{5,}(?![\d.,])/i;


function numbers(content: PhaseContent): Evidence {
  for (const block of content.blocks) {
    if (block.kind === 'code' && block.lang === 'estimate' && /\d/.test(block.text)) return { ok: true, line: block.line };
  }
  // One quantity with a scale or a unit ("50M tweets a day"); a bare count ("3 services") is not an estimate.
  return find(content, SCALED_NUMBER);
}


const COMPONENT =
  /\b(?:load[- ]balanc(?:er|ers|ing)|lbs?|api gateways?|gateways?|cach(?:e|es|ing)|redis|memcached|cdns?|databases?|dbs?|queues?|kafka|message brokers?|services?|servers?|workers?|object stor(?:e|age)|blob stor(?:e|age)|s3|search index(?:es)?|elasticsearch|replicas?|shards?|clients?|prox(?:y|ies)|front[- ]?ends?|back[- ]?ends?)\b/gi;

function components(content: PhaseContent): Evidence {
  const seen = new Set<string>();
  let line: number | undefined;
  for (const l of content.lines) {
    for (const m of l.text.matchAll(COMPONENT)) {
      // The first letters identify a component well enough: "caches"/"caching", "load balancer"/"load balancing".
      const key = m[0].toLowerCase().replace(/[- ]/g, '').slice(0, 5);
      if (!seen.has(key)) {
        seen.add(key);
        line ??= l.line;
      }
    }
    if (seen.size >= 3) return { ok: true, line };
  }
  return NO;
}

/** Status codes for failures, or an error format: what a client gets back when a call fails. */
const ERROR_RESPONSES = /\b[45]\d\d\b|\b[45]xx\b|\berror (?:codes?|responses?|format|body)\b|\bstatus codes?\b|problem\+json/i;

const CREATE_TABLE = /\bcreate\s+(?:table|collection)\b/i;
const FIELD_LIST = /`\w+`|\b\w+_id\b|\(pk\)|\(fk\)|primary key/i;

function schema(content: PhaseContent): Evidence {
  for (const block of content.blocks) if (signals(block).schema) return { ok: true, line: block.line };
  // Fields written as a list: "`id` (primary key)", "user_id (FK)", "Tweet table: id (PK), content".
  return either(find(content, CREATE_TABLE), atLeast(content, FIELD_LIST, 2));
}

/** Sections that list rejected alternatives: each one named is an option weighed against the proposal. */
const ALTERNATIVES_FACETS = new Set(['alternatives', 'rationale', 'options', 'matrix', 'pros-cons']);

const OPTION_LABEL = /\b(?:option|approach|alternative) {0,3}#? {0,3}([a-z0-9])\b/gi;
const VERSUS = /\S[ \t]{1,3}(?:vs\.?|versus)[ \t]{1,3}\S/i;
const NAMED_ALTERNATIVE = /\b(?:instead of|rather than|compared (?:to|with)|alternatives? (?:considered|rejected)|in favou?r of)\b/i;
const CHOSE = /\b(?:chose|choose|chosen|choosing|picked?|prefer(?:red)?|select(?:ed)?|went with|go with|favou?r(?:ed)?|opted for)\b/i;
// "Redis or Memcached", "`SQL` or `NoSQL`": two names joined by a lower-case "or". Names are bounded
// so a long run of capitals cannot make the match restart over the whole run at every position.
const NAMES_OR = /(?:`[^`\n]{1,40}`|\b[A-Z][\w.+#-]{0,30})[ \t]{1,3}or[ \t]{1,3}(?:`[^`\n]{1,40}`|[A-Z])/;
const OVER = /\bover\b/i;
const OR_VS = /\s(?:or|vs)\s/;

function options(content: PhaseContent): Evidence {
  const first = content.lines[0]?.line ?? content.titles?.[0]?.line;
  // An "Alternatives" section names what the proposal was weighed against: the proposal is the other option.
  if (content.facets?.some((f) => ALTERNATIVES_FACETS.has(f)) && content.lines.length > 0) return { ok: true, line: first };
  if (content.headings.length >= 2) return { ok: true, line: content.headings[0].line };
  if ((content.titles ?? []).some((t) => OR_VS.test(` ${t.text} `) || VERSUS.test(t.text))) return { ok: true, line: content.titles![0].line };
  const labels = new Set<string>();
  let labelLine: number | undefined;
  for (const l of content.lines) {
    const text = l.text;
    if (VERSUS.test(text) || NAMED_ALTERNATIVE.test(text) || NAMES_OR.test(text) || (OVER.test(text) && CHOSE.test(text))) return { ok: true, line: l.line };
    OPTION_LABEL.lastIndex = 0;
    for (let m = OPTION_LABEL.exec(text); m; m = OPTION_LABEL.exec(text)) {
      labels.add(m[1].toLowerCase());
      labelLine ??= l.line;
    }
    if (labels.size >= 2) return { ok: true, line: labelLine };
  }
  return either(atLeast(content, /^[\s*_>]*(?:option|alternative|approach|choice)\b/i, 2), tableRows(content, 2));
}

function tableRows(content: PhaseContent, n: number): Evidence {
  const table = content.blocks.find((b) => b.kind === 'table' && (b.table?.rows.length ?? 0) >= n);
  return table ? { ok: true, line: table.line } : NO;
}

export const GAIN = /(?:^|[^a-z])(?:pros?|advantages?|benefits?|upsides?|strengths?|gains?|plus|pluses)(?![a-z])|优点|好处|优势/i;
export const COST = /(?:^|[^a-z])(?:cons|con(?= {0,2}:)|disadvantages?|drawbacks?|downsides?|weakness(?:es)?|limitations?|risks?|caveats?|minus(?:es)?|costs?)(?![a-z])|缺点|坏处|劣势|缺陷/i;
// Comparing options by what they are better or worse at weighs them ("cheaper to run but slower to deploy").
const COMPARES = /\b(?:cheaper|simpler|faster|slower|easier|harder|costlier|more (?:expensive|complex|reliable|scalable|flexible)|less (?:expensive|complex|reliable|scalable|flexible)|better|worse)\b/i;
const GAIN_MARKS = ['✅', '👍', '(+)', '✔'];
const COST_MARKS = ['❌', '👎', '(-)', '⚠', '✗'];
// Naming what a choice costs is weighing it, even without a pros/cons list.
const WEIGHED = /\bat the (?:cost|expense) of\b|\b(?:the|one|a|main) (?:downside|drawback)s?\b|\btrade[- ]?offs?:|\bwe give up\b|\bwe lose\b|\bfast(?:er)? reads?,\s*slow(?:er)? writes?/i;
// Why a rejected alternative loses: the reasons an "Alternatives" section gives.
const REASON = /\b(?:because|since|however|but|would (?:need|require|mean|add|make|break|cost|be)|requires?|cannot|can't|doesn't|does not|too (?:slow|complex|expensive|costly|much)|rejected|not chosen|overhead|complexity|slower|harder)\b/i;

function listMarkers(content: PhaseContent): { plus?: number; dash: boolean } {
  const out: { plus?: number; dash: boolean } = { dash: false };
  if (!content.source) return out;
  for (const block of content.blocks) {
    if (block.kind !== 'list') continue;
    for (const item of block.items ?? []) {
      const raw = (content.source[item.line] ?? '').trimStart();
      if (raw.startsWith('+ ')) out.plus ??= item.line;
      else if (raw.startsWith('- ') || raw.startsWith('− ')) out.dash = true;
    }
  }
  return out;
}

function prosCons(content: PhaseContent): Evidence {
  let pros: number | undefined;
  let cons: number | undefined;
  for (const l of [...(content.titles ?? []), ...content.headings, ...content.lines]) {
    const text = l.text;
    if (GAIN_MARKS.some((m) => text.includes(m)) || GAIN.test(text)) pros ??= l.line;
    if (COST_MARKS.some((m) => text.includes(m)) || COST.test(text)) cons ??= l.line;
    if (pros !== undefined && cons !== undefined) return { ok: true, line: Math.min(pros, cons) };
  }
  // "+" bullets make the "-" bullets beside them read as minuses (the markers are in the source lines).
  const bullets = listMarkers(content);
  if (bullets.plus !== undefined && bullets.dash) return { ok: true, line: bullets.plus };
  const alternatives = content.facets?.some((f) => ALTERNATIVES_FACETS.has(f)) ? find(content, REASON) : NO;
  const compared = content.facets?.includes('options') || options(content).ok ? atLeast(content, COMPARES, 2) : NO;
  return either(find(content, WEIGHED), alternatives, compared);
}

const DETECTORS: Record<ContentNeed, (content: PhaseContent) => Evidence> = {
  'functional-requirements': (c) =>
    find(c, /(?<!non[- ]?)\bfunctional requirements?\b|\bfeatures?\b|\bas a user\b|\busers? (?:can|should|must|will)\b|\buse cases?\b|\buser stories\b/i),
  'non-functional-requirements': (c) =>
    either(
      find(c, /\bnon[- ]?functional\b/i),
      atLeast(c, /\b(?:latency|availability|available|consisten(?:t|cy)|durab(?:le|ility)|throughput|uptime|scalab(?:le|ility)|reliab(?:le|ility)|sla)\b/i, 2),
    ),
  'clarifying-questions': questions,
  assumptions: (c) => either(find(c, /\bassum(?:e|es|ed|ing|ption|ptions)\b|\bgiven\b|\bconstraints?\b|\bout of scope\b|\bnon[- ]?goals?\b|\bscope\b/i), titled(c, /\bassum|\bscope\b|\bconstraint|\bnon goal/)),
  numbers,
  endpoints: (c) => find(c, METHOD_PATH),
  'error-responses': (c) => find(c, ERROR_RESPONSES),
  pagination: (c) => find(c, /\bpaginat|\bcursor\b|\bpage[_ -]?(?:token|size|number)\b|\bnext[_ -]?(?:cursor|page|token)\b|[?&](?:limit|offset|page|before|after)=|\blimit\b.{0,40}\boffset\b/i),
  schema,
  'primary-keys': (c) => find(c, /\bprimary keys?\b|\(pk\)|\bpk\b|\bpartition key\b|\bcomposite key\b|\bsort key\b|\bclustering key\b|\brow ?key\b/i),
  indexes: (c) => find(c, /\bindex(?:es|ed)?\b|\bindices\b|\bcreate (?:unique )?index\b/i),
  diagram,
  components,
  performance: (c) => find(c, /\blatenc(?:y|ies)\b|\bthroughput\b|\bp(?:50|90|95|99|999)\b|\bresponse times?\b|\bqps\b|\brps\b|\d\s?ms\b|\bperformance\b/i),
  'edge-cases': (c) =>
    find(c, /\bedge[- ]cases?\b|\bcorner[- ]cases?\b|\bhot ?(?:spots?|keys?|partitions?)\b|\bcelebrit|\bthundering herd\b|\brace conditions?\b|\bspikes?\b|\bout[- ]of[- ]order\b|\bduplicates?\b|\bidempoten/i),
  failures: (c) =>
    find(c, /\bfail ?over\b|\bretr(?:y|ies)\b|\bspof\b|\bsingle points? of failure\b|\breplica(?:s|tion|ted)?\b|\bredundan|\bbackups?\b|\bcircuit breakers?\b|\bfallbacks?\b|\bhealth checks?\b|\b(?:dies|crash(?:es)?|outages?|failures?|failed|downtime)\b|\bdisaster recovery\b|\bstandby\b/i),
  bottlenecks: (c) =>
    find(c, /\bbottlenecks?\b|\bhot ?spots?\b|\bspof\b|\bsingle points? of failure\b|\bsaturat|\bcontention\b|\btoo slow\b|\bbreaks? (?:first|at)\b|\bwill break\b|\boverload/i),
  'cache-strategy': (c) =>
    find(c, /\bcache[- ]aside\b|\bwrite[- ](?:through|back|behind|around)\b|\bread[- ]through\b|\bttl\b|\bevict|\blru\b|\blfu\b|\binvalidat|\blazy loading\b/i),
  'latency-percentiles': (c) => find(c, /\bp(?:50|75|90|95|99|999|99\.9+)\b|\bpercentiles?\b|\b(?:50|75|90|95|99|99\.9+)th\b|\bmedian\b/i),
  'error-rate': (c) =>
    find(c, /\berror[- _]?(?:rates?|ratio|percentage|budget)\b|\berrors? (?:per|budget)\b|\berrors\/|\d\s*%\s*(?:of\s+)?(?:[a-z]+\s+){0,3}(?:errors?|fail(?:s|ed|ures?)?|time ?outs?)\b|\bfail(?:ure|ed)\s+(?:rates?|requests?)\b|\bsuccess rates?\b|\b[45]xx\b|\bhttp 5\d\d\b/i),
  alerts: (c) => find(c, /\balert(?:s|ing|ed)?\b|\balarms?\b|\bpag(?:e|es|ing) (?:on-?call|someone)\b|\bpagerduty\b|\bopsgenie\b|\bon-?call\b/i),
  options,
  'pros-cons': prosCons,
};

export function detect(need: ContentNeed, content: PhaseContent): Evidence {
  const detector = DETECTORS[need];
  return detector ? detector(content) : NO;
}
