// Reads what kind of design document an outline is (interview write-up, proposal, decision record) and
// whether it is a design document at all, from the parts its sections were classified as.
import type { Genre, ParsedDocument, PhaseKind, Section } from '../types';
import { classifySections } from './classify';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

export interface GenreReading {
  genre: Genre;
  /** Points per genre; the highest wins, ties go to the more particular genre (TIE_ORDER). */
  scores: Record<Genre, number>;
  /** Distinct parts the document starts (none excluded). */
  kinds: PhaseKind[];
  /** Headings that gave the winning genre its points, for the reason shown to users. */
  evidence: string[];
}

/** A fact about the outline, worth points for one genre. */
interface Signal {
  genre: Genre;
  points: number;
  /** Counted once per document, whichever section shows it first. */
  id: string;
  test: (kind: PhaseKind, facet: string | undefined, phrase: string | undefined) => boolean;
}

const SIGNALS: Signal[] = [
  { genre: 'interview', points: 3, id: 'estimation', test: (k) => k === 'estimation' },
  { genre: 'interview', points: 1, id: 'api', test: (k) => k === 'api' },
  { genre: 'interview', points: 1, id: 'data-model', test: (k) => k === 'data-model' },
  { genre: 'interview', points: 1, id: 'caching', test: (k) => k === 'caching' },
  { genre: 'interview', points: 1, id: 'scaling', test: (k) => k === 'scaling' },
  { genre: 'interview', points: 1, id: 'req', test: (k, f) => k === 'requirements' && (f === 'functional' || f === 'non-functional' || f === 'questions' || f === 'assumptions') },
  { genre: 'interview', points: 1, id: 'hld', test: (k, f) => k === 'high-level-design' && (f === 'overview' || f === 'components') },
  { genre: 'proposal', points: 2, id: 'motivation', test: (k, f) => k === 'context' && f === 'motivation' },
  { genre: 'proposal', points: 1, id: 'context', test: (k, f) => k === 'context' && f !== 'motivation' && f !== 'background' },
  { genre: 'proposal', points: 2, id: 'rollout', test: (k) => k === 'rollout' },
  { genre: 'proposal', points: 1, id: 'testing', test: (k) => k === 'testing' },
  { genre: 'proposal', points: 1, id: 'open-questions', test: (k) => k === 'open-questions' },
  { genre: 'proposal', points: 1, id: 'risks', test: (k) => k === 'risks' },
  { genre: 'proposal', points: 1, id: 'goals', test: (k, f) => k === 'requirements' && (f === 'goals' || f === 'non-goals' || f === 'goals-and-non-goals' || f === 'use-cases') },
  { genre: 'proposal', points: 1, id: 'proposal', test: (k, f) => k === 'high-level-design' && f === 'proposal' },
  { genre: 'proposal', points: 1, id: 'detailed', test: (k) => k === 'deep-dive' },
  { genre: 'proposal', points: 1, id: 'alternatives', test: (k, f) => k === 'trade-offs' && (f === 'alternatives' || f === 'rationale') },
  { genre: 'adr', points: 4, id: 'decision', test: (k) => k === 'decision' },
  { genre: 'adr', points: 3, id: 'consequences', test: (k) => k === 'consequences' },
  { genre: 'adr', points: 1, id: 'drivers', test: (k, f) => k === 'requirements' && f === 'drivers' },
  { genre: 'adr', points: 1, id: 'options', test: (k, f, p) => k === 'trade-offs' && f === 'alternatives' && p !== undefined && /\boption/.test(p) },
];

const TIE_ORDER: readonly Genre[] = ['adr', 'proposal', 'interview'];
const TITLE = /^(?:design(?:ing)?|how (?:would you|to|do you) design|system design)\b|\bsystem design\b|\bdesign (?:a|an|the)\b/;
/** "Design doc: …", "RFC 12: …", "Proposal: …": a title that says the document is a proposal. */
const PROPOSAL_TITLE = /^(?:design (?:doc|docs|document|proposal)|rfc|proposal|enhancement proposal|kep)\b/;

const cache = new ObjectMemo<ParsedDocument, GenreReading>(MEMO_LIMITS.docs);

export function readGenre(doc: ParsedDocument): GenreReading {
  let reading = cache.get(doc);
  if (!reading) cache.set(doc, (reading = read(doc)));
  return reading;
}

function read(doc: ParsedDocument): GenreReading {
  const classes = classifySections(doc);
  const scores: Record<Genre, number> = { interview: 0, proposal: 0, adr: 0 };
  const evidence: Record<Genre, string[]> = { interview: [], proposal: [], adr: [] };
  const seen = new Set<string>();
  const kinds = new Set<PhaseKind>();
  const credit = (signal: Signal, section: Section) => {
    if (seen.has(signal.id)) return;
    seen.add(signal.id);
    scores[signal.genre] += signal.points;
    evidence[signal.genre].push(section.title);
  };
  for (const section of doc.sections) {
    const c = classes.get(section);
    if (!c) continue;
    if (c.by === 'title' && PROPOSAL_TITLE.test(section.normalizedTitle) && !seen.has('title')) {
      seen.add('title');
      scores.proposal += 2;
      evidence.proposal.push(section.title);
    }
    if (c.by === 'title' && TITLE.test(section.normalizedTitle) && !seen.has('title')) {
      seen.add('title');
      scores.interview += 2;
      evidence.interview.push(section.title);
    }
    if (!c.starts || !c.kind) continue;
    for (const kind of [c.kind, ...c.also]) {
      kinds.add(kind);
      for (const signal of SIGNALS) if (signal.test(kind, c.facet, c.phrase)) credit(signal, section);
    }
  }
  // The highest score wins; on a tie the more particular genre does (a decision record is also a
  // kind of proposal), and with no points at all the interview write-up is assumed.
  const best = Math.max(...TIE_ORDER.map((g) => scores[g]));
  const genre: Genre = best === 0 ? 'interview' : TIE_ORDER.find((g) => scores[g] === best)!;
  return { genre, scores, kinds: [...kinds], evidence: evidence[genre] };
}

/** Points an outline needs before a file that nothing marks is taken for a design document. */
export const OUTLINE_MIN_SCORE = 5;
/** And the distinct parts it must start (a decision record has few: context, decision, consequences). */
export const OUTLINE_MIN_KINDS = 3;

/** A heading that is only code, or a kind of API entry and code: `zlib.createGzip([options])`, Class: `Options`. */
const CODE_HEADING = /^#{1,6}\s+(?:(?:class|event|method|property|function|interface|module|enum|type)\s*:\s*)?`[^`]+`(?:\s*\(.*\))?\s*#*\s*$/i;

/**
 * An API reference titles most of its headings with code. Its prose also says "performance
 * considerations", "options" and "memory usage", which a design document's headings say too.
 */
function isApiReference(doc: ParsedDocument): boolean {
  if (doc.sections.length < 8) return false;
  let code = 0;
  for (const section of doc.sections) if (CODE_HEADING.test(doc.lines[section.line] ?? '')) code++;
  return code * 2 > doc.sections.length;
}

/** File names that are never design documents, whatever their headings say. Versioned ones too (CHANGELOG_V17.md). */
const NEVER = /(?:^|[\\/])(?:readme|changelog|changes|history|news|contributing|code_of_conduct|code-of-conduct|security|support|license|licence|authors|maintainers|governance|releases?|release-notes|upgrading|migration-guide|faq|todo)(?:[_-]v?\d[\w.-]*)?(?:\.[\w-]+)*\.(?:md|markdown|mdx)$/i;

export interface OutlineVerdict {
  designDoc: boolean;
  reason: string;
}

/**
 * Whether a Markdown file that neither front matter nor a path glob marks is a design document by
 * its outline. The bar is high: a wrong yes puts design lint on someone's README.
 */
/** Whether a file's name rules it out as a design document (README, CHANGELOG…), before reading it. */
export function neverDesignByName(path: string | undefined): boolean {
  return !!path && NEVER.test(path);
}

/** Unmarked files larger than this are not read for their outline: design documents are far smaller. */
export const OUTLINE_MAX_CHARS = 512 * 1024;

export function designByOutline(doc: ParsedDocument, path: string | undefined): OutlineVerdict {
  if (neverDesignByName(path)) return { designDoc: false, reason: 'its file name is never a design document' };
  if (isApiReference(doc)) return { designDoc: false, reason: 'most of its headings name code, as an API reference does' };
  const reading = readGenre(doc);
  const score = reading.scores[reading.genre];
  if (score >= OUTLINE_MIN_SCORE && reading.kinds.length >= OUTLINE_MIN_KINDS) {
    const shown = reading.evidence.slice(0, 4).map((t) => `"${t}"`).join(', ');
    return { designDoc: true, reason: `its outline reads as ${GENRE_NAMES[reading.genre]} (${shown})` };
  }
  return { designDoc: false, reason: `its outline does not read as a design document (${reading.kinds.length} parts)` };
}

export const GENRE_NAMES: Record<Genre, string> = {
  interview: 'a system design write-up',
  proposal: 'an engineering proposal',
  adr: 'an architecture decision record',
};
