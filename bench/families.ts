// Input families for the complexity check: each builds a document of about `bytes` bytes that stresses
// one shape of input (one very long line, thousands of headings, a deep list...). Doubling `bytes`
// doubles the input; linear analysis then takes about twice as long. Shared by the unit test that
// asserts growth ratios and by `npm run bench`, which reports the worst family.

export interface Family {
  name: string;
  /** A document of about `bytes` bytes (never much more). */
  make(bytes: number): string;
}

/** Repeats `unit(i)` until the text reaches `bytes`. */
function fill(head: string, bytes: number, unit: (i: number) => string, tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

const HEAD = '---\nsysdesign: default\n---\n# Design a service\n\n';

export const FAMILIES: Family[] = [
  {
    name: 'one long line',
    make: (bytes) => fill(`${HEAD}## Requirements\n\n`, bytes, (i) => `word${i % 97} 10M users × ${i % 9 + 1} KB = ${i % 7 + 1} GB, `, '\n'),
  },
  {
    name: 'one long heading',
    make: (bytes) => fill(`${HEAD}## `, bytes, (i) => `capacity estimation high level design of the data model ${i % 13} `, '\n\nText.\n'),
  },
  {
    name: 'many headings',
    make: (bytes) => fill(HEAD, bytes, (i) => `## Section ${i}: component ${i % 31} walkthrough\n\nText about part ${i}.\n\n`),
  },
  {
    name: 'repeated phases',
    make: (bytes) => {
      const phases = ['Requirements', 'Capacity estimation', 'API design', 'Data model', 'High-level design', 'Deep dive', 'Caching', 'Scaling', 'Trade-offs'];
      return fill(HEAD, bytes, (i) => `## ${phases[i % phases.length]}\n\n### ${phases[(i + 3) % phases.length]}\n\n- point ${i}\n\n`);
    },
  },
  {
    name: 'long list',
    make: (bytes) => fill(`${HEAD}## Requirements\n\n`, bytes, (i) => `- the user can do thing ${i} within 200 ms\n`),
  },
  {
    name: 'many endpoints',
    // Short items: the more endpoints per byte, the sooner work per endpoint × endpoints shows.
    make: (bytes) => fill(`${HEAD}## API design\n\n`, bytes, (i) => `- GET /i/${i}\n`),
  },
  {
    name: 'large SQL',
    make: (bytes) =>
      // One unindexed foreign key per short statement: a finding (and its fix) per line.
      fill(`${HEAD}## Data model\n\n\`\`\`sql\n`, bytes, (i) => `CREATE TABLE t${i} (p INT REFERENCES t(id));\n`, '```\n'),
  },
  {
    name: 'many diagrams',
    make: (bytes) => fill(`${HEAD}## High-level design\n\n`, bytes, (i) => `\`\`\`mermaid\nflowchart LR\n  A${i}[Client] --> B${i}[Service ${i}] --> C${i}[(DB)]\n\`\`\`\n\n`),
  },
  {
    name: 'many estimate lines',
    make: (bytes) =>
      fill(`${HEAD}## Capacity estimation\n\n`, bytes, (i) => `- Writes ${i}: ${i % 50 + 1}M users × ${i % 9 + 1} posts/day / 86,400 s ≈ ${Math.round(((i % 50) + 1) * 1e6 * ((i % 9) + 1) / 86400)} posts/s\n`),
  },
  {
    name: 'deep nesting',
    make: (bytes) => {
      // Lists and quotes nested as deep as the size allows, in runs of 200 levels.
      return fill(`${HEAD}## Deep dive\n\n`, bytes, (i) => `${'  '.repeat(i % 200)}- level ${i % 200} > quoted\n`);
    },
  },
];
