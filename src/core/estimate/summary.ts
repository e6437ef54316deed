// Picks the headline capacity numbers (DAU, RPS, storage, bandwidth, servers) from named values.
import type { EstimateReport } from '../types';

export interface CapacityItem {
  label: string;
  display: string;
  line: number;
}

interface Pick {
  label: string;
  test: (name: string, unit: string) => boolean;
}

const RATE = /\b(?:rps|qps|tps|requests?|writes?|reads?|queries|messages?|ops)\b/;

const PICKS: Pick[] = [
  { label: 'DAU', test: (n) => /\bdau\b|daily active/.test(n) },
  { label: 'Average RPS', test: (n, u) => u === '/s' && !/\bpeak\b/.test(n) && (RATE.test(n) || /\bavg\b|\baverage\b/.test(n)) },
  { label: 'Peak RPS', test: (n, u) => u === '/s' && /\bpeak\b/.test(n) },
  { label: 'Storage per year', test: (n, u) => /storage|disk|data/.test(n) && (u === 'B' || u === 'B/s') && /year|annual|yr/.test(n) },
  { label: 'Storage', test: (n, u) => /storage|disk/.test(n) && (u === 'B' || u === 'B/s') },
  { label: 'Bandwidth', test: (n, u) => /bandwidth|egress|ingress|throughput|network/.test(n) || (u === 'B/s' && !/storage/.test(n)) },
  { label: 'Servers', test: (n) => /\bservers?\b|\bhosts?\b|\bmachines?\b|\binstances?\b/.test(n) },
];

/** One item per headline, from the last definition that matches it; storage falls back to any storage. */
export function capacitySummary(report: EstimateReport): CapacityItem[] {
  const entries = Object.entries(report.names).map(([name, v]) => ({ name: name.toLowerCase(), ...v }));
  const out: CapacityItem[] = [];
  const used = new Set<string>();
  let haveYearly = false;
  for (const pick of PICKS) {
    if (pick.label === 'Storage' && haveYearly) continue;
    const hit = [...entries].reverse().find((e) => !used.has(e.name) && pick.test(e.name, e.unit));
    if (!hit) continue;
    used.add(hit.name);
    if (pick.label === 'Storage per year') haveYearly = true;
    out.push({ label: pick.label, display: hit.display, line: hit.line });
  }
  return out;
}
