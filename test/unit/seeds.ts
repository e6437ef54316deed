// Where the shared framework seed documents are: beside the checkout (as in CI) or at the workplace path.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const CANDIDATES = [resolve(__dirname, '../../../shared/seeds'), '/work/shared/seeds'];

export const SEEDS = CANDIDATES.find((dir) => existsSync(dir)) ?? CANDIDATES[0];

/** The seed files, sorted. Missing seeds fail the run in CI; elsewhere the caller skips, loudly. */
export function listSeeds(): string[] {
  const files = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
  if (files.length === 0 && process.env.CI) throw new Error(`No seed documents in ${CANDIDATES.join(' or ')}`);
  return files;
}

