// Prints the heaviest functions of a V8 .cpuprofile: self time, and inclusive time per src/core file.
// Usage: node bench/cpuprofile-top.mjs <file.cpuprofile> [count]
import * as fs from 'node:fs';

const [file, countArg] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const count = Number(countArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...dt.values()].reduce((a, b) => a + b, 0);

const label = (cf) => `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*?\/(src|node_modules|bench)\//, '$1/')}:${cf.lineNumber + 1}`;
const self = new Map();
for (const [id, ms] of dt) {
  const key = label(byId.get(id).callFrame);
  self.set(key, (self.get(key) ?? 0) + ms);
}

// Inclusive time per function: each sample counts once per distinct function on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, ms] of dt) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at).callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}
const top = (map, filter = () => true) =>
  [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log(`total sampled: ${total.toFixed(0)} ms\n\nSELF TIME\n${top(self)}\n\nINCLUSIVE (src/core and markdown-it)\n${top(inclusive, (k) => k.includes('src/core') || /^(parse|parseInline|tokenize|process) node_modules\/markdown-it/.test(k))}`);
