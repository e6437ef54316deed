// Content detectors behind the checklist's sub-checks. They run on every keystroke, so every pattern is
// linear: no nested quantifiers, and number scanning anchors at the start of each digit run.
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

const DIAGRAM_LANGS = new Set(['mermaid', 'plantuml', 'puml', 'dot', 'graphviz', 'd2', 'ditaa', 'excalidraw', 'svgbob', 'nomnoml']);
const ARROW = /-->|->|→|=>|<--|<-|←/;

function diagram(content: PhaseContent): Evidence {
  for (const block of content.blocks) {
    if (block.images && block.images.length > 0) return { ok: true, line: block.images[0].line };
    if (block.kind !== 'code') continue;
    if (block.lang && DIAGRAM_LANGS.has(block.lang)) return { ok: true, line: block.line };
    // An ASCII box-and-arrow sketch in a plain fence: two or more lines with arrows between bracketed names.
    if (!block.lang || block.lang === 'text' || block.lang === 'txt' || block.lang === 'ascii') {
      const sketch = block.text.split('\n').filter((line) => (ARROW.test(line) && /[[(]/.test(line)) || bracketedNames(line) >= 2);
      if (sketch.length >= 2) return { ok: true, line: block.line };
    }
  }
  return NO;
}

/** How many `[Name]` boxes a line holds, counted without a regex. */
function bracketedNames(line: string): number {
  let n = 0;
  let open = line.indexOf('[');
  while (open >= 0) {
    const close = line.indexOf(']', open + 1);
    if (close < 0) break;
    if (close > open + 1) n++;
    open = line.indexOf('[', close + 1);
  }
  return n;
}

// A question: `?` followed only by closing quotes, brackets or emphasis, then a space or the end (not `?limit=`).
const QUESTION = /\?["'”’)\]*_]*(?:\s|$)/;

function questions(content: PhaseContent): Evidence {
  const heading = content.headings.find((h) => /\bquestions?\b/.test(h.text));
  return either(heading ? { ok: true, line: heading.line } : NO, atLeast(content, QUESTION, 2));
}

// Numbers with a unit or scale: "10M", "5 GB/day", "600 writes per second", "99.9%", "86,400", "10^6".
const SCALED_NUMBER =
  /(?<![\w.,])\d[\d,.]*\s?(?:[kmbt]\b|bn\b|[kmgtpe]i?b\b|ms\b|µs\b|%|x\b|×|million|billion|thousand|trillion|qps|rps|tps|req|requests?|users?|dau|mau|bytes?|writes?|reads?|messages?|queries|ops|seconds?|secs?\b|minutes?|hours?|days?|months?|years?|servers?|nodes?|rows?|records?|\/\s?(?:s|sec|second|day|month|year|user|min)\b|per\b|[a-z]+\s?(?:\/\s?[a-z]|(?:per|each|every|a day)\b))|\b10\s?\^\s?\d|(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])/i;

const SCALED_NUMBER_ALL = new RegExp(SCALED_NUMBER.source, 'gi');

function numbers(content: PhaseContent): Evidence {
  for (const block of content.blocks) {
    if (block.kind === 'code' && block.lang === 'estimate' && /\d/.test(block.text)) return { ok: true, line: block.line };
  }
  // Two quantities anywhere, even on one line ("1 million users sending 20 messages/day").
  let seen = 0;
  for (const l of content.lines) {
    for (const _ of l.text.matchAll(SCALED_NUMBER_ALL)) {
      if (++seen >= 2) return { ok: true, line: firstNumberLine(content) };
    }
  }
  return NO;
}

function firstNumberLine(content: PhaseContent): number | undefined {
  return content.lines.find((l) => SCALED_NUMBER.test(l.text))?.line;
}

const METHOD_PATH = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(?:\|\s*)?[`'"]?\/|\brpc\s+\w+\s*\(|`\/[\w{}:.-]/;

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

const CREATE_TABLE = /\bcreate\s+(?:table|collection)\b/i;
const SCHEMA_LANGS = new Set(['sql', 'prisma', 'proto', 'protobuf', 'graphql', 'dbml', 'avro']);
const FIELD_HEADER = /\b(?:field|fields|column|columns|attribute|attributes|type|key)\b/i;
const FIELD_LIST = /`\w+`|\b\w+_id\b|\(pk\)|\(fk\)|primary key/i;

function schema(content: PhaseContent): Evidence {
  for (const block of content.blocks) {
    if (block.kind === 'code' && (CREATE_TABLE.test(block.text) || (block.lang && SCHEMA_LANGS.has(block.lang)))) {
      return { ok: true, line: block.line };
    }
    if (block.kind === 'table' && block.table && block.table.rows.length >= 1 && block.table.header.some((h) => FIELD_HEADER.test(h))) {
      return { ok: true, line: block.line };
    }
  }
  // Fields written as a list: "`id` (primary key)", "user_id (FK)", "Tweet table: id (PK), content".
  return either(find(content, CREATE_TABLE), atLeast(content, FIELD_LIST, 2));
}

function options(content: PhaseContent): Evidence {
  return either(
    find(content, /\bvs\.?\s|\bversus\b|\binstead of\b|\brather than\b|\bover\s+\w+\s+because\b/i),
    // "Option A:", "**Option B:**", "> Alternative 2": emphasis or quote markers may come first.
    atLeast(content, /^[\s*_>]*(?:option|alternative|approach|choice)\b/i, 2),
    headingCount(content, /^(?:option|alternative|approach)\b/, 2),
    tableRows(content, 2),
  );
}

function headingCount(content: PhaseContent, pattern: RegExp, n: number): Evidence {
  const hits = content.headings.filter((h) => pattern.test(h.text));
  return hits.length >= n ? { ok: true, line: hits[0].line } : NO;
}

function tableRows(content: PhaseContent, n: number): Evidence {
  const table = content.blocks.find((b) => b.kind === 'table' && (b.table?.rows.length ?? 0) >= n);
  return table ? { ok: true, line: table.line } : NO;
}

function prosCons(content: PhaseContent): Evidence {
  const pros = find(content, /\bpros?\b|\badvantages?\b|\bbenefits?\b|\bupsides?\b/i);
  const cons = find(content, /\bcons\b|\bdisadvantages?\b|\bdrawbacks?\b|\bdownsides?\b|\bcosts?\b|\brisks?\b/i);
  if (pros.ok && cons.ok) return { ok: true, line: Math.min(pros.line ?? 0, cons.line ?? 0) };
  // Naming what a choice costs is weighing it, even without a pros/cons list.
  return either(find(content, /\bat the (?:cost|expense) of\b|\b(?:the|one|a|main) (?:downside|drawback)s?\b|\btrade[- ]?offs?:|\bwe give up\b|\bwe lose\b|\bfast(?:er)? reads?,\s*slow(?:er)? writes?/i));
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
  assumptions: (c) => find(c, /\bassum(?:e|es|ed|ing|ption|ptions)\b|\bgiven\b|\bconstraints?\b/i),
  numbers,
  endpoints: (c) => find(c, METHOD_PATH),
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
  'latency-percentiles': (c) => find(c, /\bp(?:50|75|90|95|99|999)\b|\bpercentiles?\b|\b99(?:\.9)?th\b/i),
  'error-rate': (c) => find(c, /\berror[- ]rates?\b|\berrors? (?:per|ratio|budget)\b|\b5xx\b|\bfailure rates?\b|\bsuccess rates?\b/i),
  alerts: (c) => find(c, /\balert(?:s|ing|ed)?\b|\balarms?\b|\bpag(?:e|es|ing) (?:on-?call|someone)\b|\bpagerduty\b|\bopsgenie\b|\bon-?call\b/i),
  options,
  'pros-cons': prosCons,
};

export function detect(need: ContentNeed, content: PhaseContent): Evidence {
  const detector = DETECTORS[need];
  return detector ? detector(content) : NO;
}
