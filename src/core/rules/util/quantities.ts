// Reads a line of prose for the three kinds of numbers requirements need: scale, latency, availability.

export interface NumberFacts {
  scale: boolean;
  latency: boolean;
  availability: boolean;
}

interface Token {
  kind: 'number' | 'word';
  /** Number value (without magnitude), or the lower-cased word. */
  value: string;
  /** Letters or % written straight after a number: `ms` in 200ms, `m` in 10M. */
  suffix: string;
  /** Whether a `/` separates this token from the previous one (`req/s`). */
  slashBefore: boolean;
}

const TOKEN = /(\d[\d,]*(?:\.\d+)?)([a-zµ%]*)|([a-zµ]+)|(\/)/gi;

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let slash = false;
  // exec on the shared regex, not matchAll: matchAll clones the regex on every call.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    if (m[4]) {
      slash = true;
      continue;
    }
    if (m[1]) tokens.push({ kind: 'number', value: m[1].replace(/,/g, ''), suffix: m[2].toLowerCase(), slashBefore: slash });
    else tokens.push({ kind: 'word', value: m[3].toLowerCase(), suffix: '', slashBefore: slash });
    slash = false;
  }
  return tokens;
}

const TIME_UNITS = new Set(['ms', 'msec', 'msecs', 'millisecond', 'milliseconds', 's', 'sec', 'secs', 'second', 'seconds', 'µs', 'us', 'microsecond', 'microseconds']);
const MAGNITUDES = new Set(['', 'k', 'm', 'b', 'bn', 'mm', 'thousand', 'million', 'millions', 'billion', 'billions', 'mil']);
const SCALE_WORDS = new Set(
  (
    'users user dau mau qps rps tps wps requests request req reqs writes reads messages tweets posts events uploads ' +
    'queries transactions connections concurrent customers clients devices sessions orders subscribers followers ' +
    'visitors views clicks calls ops operations urls links videos photos images files records rows items people ' +
    'accounts members tenants downloads streams rides drivers bookings payments notifications searches tb gb pb ' +
    'daily monthly active'
  ).split(' '),
);
const STORAGE_SUFFIXES = new Set(['kb', 'mb', 'gb', 'tb', 'pb', 'rps', 'qps', 'tps']);
const AVAILABILITY_WORDS = ['availab', 'uptime', 'up time', 'sla', 'slo', 'downtime'];
const NINES = /\b(?:two|three|four|five|2|3|4|5)\s+nines\b/;
const PERCENTILE = /\bp(?:50|75|90|95|99|999|99\.9+)\b/;
const PERCENTILE_NAME = /^(?:50|75|90|95|99|999)$/;
const DIGIT = /\d/;

export function numberFacts(line: string): NumberFacts {
  const facts: NumberFacts = { scale: false, latency: false, availability: false };
  const lower = line.toLowerCase();
  if (NINES.test(lower)) facts.availability = true;
  if (!DIGIT.test(lower)) return facts;
  const tokens = tokenize(lower);
  const availabilityWord = AVAILABILITY_WORDS.some((word) => lower.includes(word));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'number') continue;
    const next = tokens[i + 1];
    const value = Number(t.value);
    if (TIME_UNITS.has(t.suffix) || (t.suffix === '' && next?.kind === 'word' && !next.slashBefore && TIME_UNITS.has(next.value))) {
      facts.latency = true;
    }
    if (t.suffix === '%' && value >= 90 && (availabilityWord || value >= 99)) facts.availability = true;
    if (STORAGE_SUFFIXES.has(t.suffix)) facts.scale = true;
    if (MAGNITUDES.has(t.suffix)) {
      // "10M users", "50 million daily active", "DAU: 10M", "users = 500M"
      for (let j = Math.max(0, i - 2); j <= Math.min(tokens.length - 1, i + 3); j++) {
        if (j !== i && tokens[j].kind === 'word' && SCALE_WORDS.has(tokens[j].value)) facts.scale = true;
      }
    }
  }
  if (!facts.latency && PERCENTILE.test(lower) && tokens.some((t) => t.kind === 'number' && !PERCENTILE_NAME.test(t.value))) {
    facts.latency = true; // "p99 < 200"
  }
  if (!facts.availability && availabilityWord && lower.includes('downtime') && tokens.some((t) => t.kind === 'number')) {
    facts.availability = true; // "under 5 minutes of downtime a month"
  }
  return facts;
}
