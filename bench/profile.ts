// Profiling target: cold analyze() on a generated document, many times. Used with node --cpu-prof:
//   node scripts/bench.mjs --profile [--sizes=1m]   (writes a .cpuprofile and prints the top frames)
// Clears every content cache before each run (a first open) and cycles through 16 copies with one
// estimate digit changed.
import { analyze, clearAnalysisCaches } from '../src/core/analyze';
import { estimateDigitEdit, generateDoc } from './generate';

const size = process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1m';
const bytes = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }[size] ?? 1_000_000;
const text = generateDoc(bytes, { '10k': 11, '100k': 22, '1m': 33 }[size] ?? 33);
const copies = Array.from({ length: 16 }, (_, k) => estimateDigitEdit(text, 2000 + k));
const rounds = Math.max(5, Math.round(20_000_000 / bytes));
for (let i = 0; i < rounds; i++) {
  clearAnalysisCaches();
  analyze(copies[i % copies.length]);
}
