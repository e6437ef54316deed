// Profiling target: analyze() on a generated document, many times. Used with node --cpu-prof:
//   node scripts/bench.mjs --profile [--sizes=1m]   (writes a .cpuprofile and prints the top frames)
import { analyze } from '../src/core/analyze';
import { generateDoc } from './generate';

const size = process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '1m';
const bytes = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }[size] ?? 1_000_000;
const text = generateDoc(bytes, { '10k': 11, '100k': 22, '1m': 33 }[size] ?? 33);
const rounds = Math.max(5, Math.round(20_000_000 / bytes));
for (let i = 0; i < rounds; i++) analyze(text);
