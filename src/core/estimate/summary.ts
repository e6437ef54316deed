// Picks the headline capacity numbers (DAU, RPS, storage, bandwidth, servers) from named values.
import type { CapacityItem, EstimateReport } from '../types';
import { formatQuantity } from './format';

export type { CapacityItem };

interface Entry {
  name: string;
  value: number;
  unit: string;
  display: string;
  line: number;
}

const RATE_WORDS = /\b(?:rps|qps|tps|requests?|writes?|reads?|quer(?:y|ies)|messages?|ops|redirects?|posts?|uploads?|rate)\b/;
const STORAGE = /\b(?:storage|disk|stored|data)\b/;
const YEARLY = /\b(?:per|a|each|every)\s+(?:year|yr)\b|\byearly\b|\bannual\b|\/\s*(?:year|yr)\b|^year\b|\b1\s+year\b/;
const MULTI_YEAR = /\b(?:\d+|two|three|four|five|ten)[\s-]+years?\b/;
const SERVERS = /\b(?:servers?|hosts?|machines?|instances?|nodes?)\b/;

function lastMatch(entries: Entry[], used: Set<string>, test: (e: Entry) => boolean): Entry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (!used.has(entries[i].name) && test(entries[i])) return entries[i];
  return undefined;
}

/** One item per headline, from the last definition that matches it (names matched loosely). */
export function capacitySummary(report: Pick<EstimateReport, 'names'>, daysPerYear = 365): CapacityItem[] {
  const entries: Entry[] = Object.entries(report.names)
    .map(([name, v]) => ({ name: name.toLowerCase(), ...v }))
    .sort((a, b) => a.line - b.line);
  const used = new Set<string>();
  const out: CapacityItem[] = [];
  const take = (label: string, e: Entry | undefined, display = e?.display) => {
    if (!e || display === undefined) return;
    used.add(e.name);
    out.push({ label, display, line: e.line });
  };
  take('DAU', lastMatch(entries, used, (e) => /\bdau\b|daily active/.test(e.name)));
  const isRate = (e: Entry) => e.unit === '/s';
  take('Average RPS', lastMatch(entries, used, (e) => isRate(e) && !/\bpeak\b/.test(e.name) && (RATE_WORDS.test(e.name) || /\b(?:avg|average)\b/.test(e.name))));
  take('Peak RPS', lastMatch(entries, used, (e) => isRate(e) && /\bpeak\b/.test(e.name)));
  const storage = (e: Entry) => STORAGE.test(e.name) && (e.unit === 'B' || e.unit === 'B/s');
  const yearly = lastMatch(entries, used, (e) => storage(e) && YEARLY.test(e.name) && !MULTI_YEAR.test(e.name));
  const growth = yearly ? undefined : lastMatch(entries, used, (e) => storage(e) && e.unit === 'B/s');
  if (yearly) take('Storage per year', yearly);
  else if (growth) take('Storage per year', growth, formatQuantity(growth.value, 'B/s', { period: daysPerYear * 86400 }));
  else take('Storage', lastMatch(entries, used, (e) => storage(e) && e.unit === 'B'));
  take('Bandwidth', lastMatch(entries, used, (e) => /bandwidth|egress|ingress|throughput|network/.test(e.name) || (e.unit === 'B/s' && !STORAGE.test(e.name))));
  take('Servers', lastMatch(entries, used, (e) => SERVERS.test(e.name)));
  return out;
}
