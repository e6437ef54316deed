// The shape of a corpus document's hand-written labels (see LABELLING.md), and reading them from disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHASE_KINDS } from '../../src/core/types';

export const GENRES = ['interview', 'proposal', 'adr', 'other'] as const;
export type Genre = (typeof GENRES)[number];

/** The engine's part kinds, plus `none` for headings that are no part of the design. */
export const LABEL_KINDS = [...PHASE_KINDS, 'none'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export interface HeadingLabel {
  line: number;
  title: string;
  kind: LabelKind;
}

export interface EstimateLabel {
  line: number;
  text: string;
  verdict: 'correct' | 'wrong' | 'not-estimate';
  value?: string;
  note?: string;
}

export interface FindingVerdict {
  verdict: 'useful' | 'false-alarm';
  note?: string;
}

export interface Labels {
  source: { repo: string; commit: string; path: string; license: string; licenseEvidence?: string; url?: string };
  genre: Genre;
  designDoc: boolean;
  summary?: string;
  headings: HeadingLabel[];
  lacks: LabelKind[];
  tradeOffs: { present: boolean; lines?: number[]; inline?: boolean; options?: number; prosCons?: boolean; note?: string };
  diagram?: { present: boolean; lines?: number[] };
  estimates?: EstimateLabel[];
  /** Keyed `<code>:<line>:<phaseId or ->`, line 1-based. */
  findings?: Record<string, FindingVerdict>;
}

export interface CorpusDoc {
  id: string;
  genre: Genre;
  /** Path relative to the corpus docs folder, e.g. `interview/x.md`. */
  file: string;
  text: string;
  labels: Labels;
}

export const CORPUS_DIR = join(__dirname, 'docs');

/**
 * Every labelled document of the corpus, in a stable order. A document without labels is an error,
 * unless `unlabelled` is given: then it is listed there and left out.
 */
export function loadCorpus(dir = CORPUS_DIR, unlabelled?: string[]): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (const genre of GENRES) {
    let names: string[];
    try {
      names = readdirSync(join(dir, genre)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const id = name.slice(0, -3);
      const text = readFileSync(join(dir, genre, name), 'utf8');
      const labelFile = join(dir, genre, `${id}.labels.json`);
      if (unlabelled && !existsSync(labelFile)) {
        unlabelled.push(`${genre}/${name}`);
        continue;
      }
      const labels = JSON.parse(readFileSync(labelFile, 'utf8')) as Labels;
      docs.push({ id, genre, file: `${genre}/${name}`, text, labels });
    }
  }
  return docs;
}

/** The key a finding's verdict is stored under. */
export function findingKey(code: string, line0: number, phaseId: string | undefined): string {
  return `${code}:${line0 + 1}:${phaseId ?? '-'}`;
}
