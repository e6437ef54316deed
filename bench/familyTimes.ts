// Each input family (bench/families.ts) at 1 MB and at 2 MB (the default `maxDocumentSizeMB`): CPU time
// of a first open and of a keystroke, and how much it grows when the input doubles. The worst family is
// named in the report: the document shape a user can least afford to open.
import { analyze, clearAnalysisCaches } from '../src/core/analyze';
import { FAMILIES } from './families';

export interface FamilyTime {
  name: string;
  /** CPU ms, best of the runs, at 1 MB and 2 MB. */
  first: [number, number];
  keystroke: [number, number];
}

function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export function familyTimes(runs: number, sizes: [number, number] = [1_000_000, 2_000_000]): FamilyTime[] {
  let typed = 0;
  return FAMILIES.map((family) => {
    const first: number[] = [];
    const keystroke: number[] = [];
    for (const bytes of sizes) {
      const text = family.make(bytes);
      let open = Infinity;
      let key = Infinity;
      for (let i = 0; i < runs; i++) {
        clearAnalysisCaches();
        open = Math.min(open, cpu(() => analyze(text)));
        const middle = text.length >> 1;
        const edited = `${text.slice(0, middle)}${String.fromCharCode(97 + (typed++ % 26))}${text.slice(middle)}`;
        key = Math.min(key, cpu(() => analyze(edited)));
      }
      first.push(open);
      keystroke.push(key);
    }
    return { name: family.name, first: [first[0], first[1]], keystroke: [keystroke[0], keystroke[1]] };
  });
}

/** The report's section: one row per family, the worst named below. */
export function familyTable(times: FamilyTime[], ms: (v: number) => string): string[] {
  const growth = (pair: [number, number]) => `${(pair[1] / Math.max(pair[0], 0.01)).toFixed(2)}×`;
  const worstOpen = times.reduce((a, b) => (b.first[1] > a.first[1] ? b : a));
  const worstKey = times.reduce((a, b) => (b.keystroke[1] > a.keystroke[1] ? b : a));
  const worstGrowth = times.reduce((a, b) => (b.first[1] / b.first[0] > a.first[1] / a.first[0] ? b : a));
  return [
    '## Input families (CPU ms, best of runs; growth = 2 MB ÷ 1 MB, linear ≈ 2×)',
    '',
    '| Family | first open 1 MB | first open 2 MB | growth | keystroke 1 MB | keystroke 2 MB | growth |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...times.map((t) => `| ${t.name} | ${ms(t.first[0])} | ${ms(t.first[1])} | ${growth(t.first)} | ${ms(t.keystroke[0])} | ${ms(t.keystroke[1])} | ${growth(t.keystroke)} |`),
    '',
    `Worst family: first open **${worstOpen.name}** (${ms(worstOpen.first[1])} ms at 2 MB), keystroke **${worstKey.name}** ` +
      `(${ms(worstKey.keystroke[1])} ms at 2 MB), growth **${worstGrowth.name}** (${growth(worstGrowth.first)} on first open).`,
    '',
  ];
}
