// Glob matching for document paths without regular expressions: patterns compile to a small NFA that is
// simulated over the path, so matching costs O(path × pattern) whatever the input (no backtracking).
// Supports `**`, `*`, `?`, `{a,b}`, `[abc]`, `[a-z]`, `[!x]`; `/` and `\` both separate path segments.

type Token =
  | { t: 'lit'; c: string }
  | { t: 'one' }
  | { t: 'class'; negate: boolean; chars: string; ranges: Array<[string, string]> }
  | { t: 'star' }
  | { t: 'any' }
  /** Epsilon split: continue at the next token or jump to `to`. */
  | { t: 'split'; to: number };

export interface GlobOptions {
  /** Compare case-insensitively (Windows, macOS default volumes). */
  nocase?: boolean;
}

/** Brace alternatives are expanded up front; this caps pathological `{a,b}{c,d}...` patterns. */
const MAX_EXPANSIONS = 256;

export class Glob {
  private readonly programs: Token[][];
  readonly relative: boolean;

  constructor(readonly pattern: string, private readonly options: GlobOptions = {}) {
    const normalized = slashes(options.nocase ? pattern.toLowerCase() : pattern);
    this.relative = !normalized.startsWith('/') && !/^[a-z]:\//i.test(normalized);
    this.programs = expandBraces(normalized).map(compile);
  }

  /**
   * Whether `path` matches. A relative pattern also matches the tail of an absolute path at a segment
   * boundary, so `docs/*.md` matches `/home/me/project/docs/a.md`.
   */
  matches(path: string): boolean {
    let subject = slashes(this.options.nocase ? path.toLowerCase() : path);
    if (subject.startsWith('./')) subject = subject.slice(2);
    const absolute = subject.startsWith('/') || /^[a-z]:\//i.test(subject);
    for (const program of this.programs) {
      if (run(program, subject)) return true;
      if (this.relative && absolute && runAnyTail(program, subject)) return true;
    }
    return false;
  }
}

/** True when `path` matches any of `patterns`. */
export function matchesAnyGlob(path: string, patterns: readonly string[], options: GlobOptions = {}): boolean {
  return patterns.some((pattern) => {
    try {
      return new Glob(pattern, options).matches(path);
    } catch {
      // A pattern too deeply nested to compile matches nothing rather than breaking recognition.
      return false;
    }
  });
}

function slashes(s: string): string {
  return s.replace(/\\/g, '/');
}

function expandBraces(pattern: string): string[] {
  const closeOf = bracePairs(pattern);
  let results = [''];
  let literal = '';
  const flush = () => {
    if (literal) results = results.map((r) => r + literal);
    literal = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const close = closeOf[i];
    if (pattern[i] === '{' && close > 0) {
      flush();
      const alternatives = splitTopLevel(pattern.slice(i + 1, close)).flatMap(expandBraces);
      const next: string[] = [];
      for (const prefix of results) for (const alt of alternatives) if (next.length < MAX_EXPANSIONS) next.push(prefix + alt);
      results = next;
      i = close;
    } else {
      literal += pattern[i];
    }
  }
  flush();
  return results;
}

/** For each `{`, the index of its matching `}` (or -1), in one pass. */
function bracePairs(s: string): Int32Array {
  const closeOf = new Int32Array(s.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') open.push(i);
    else if (s[i] === '}' && open.length > 0) closeOf[open.pop()!] = i;
  }
  return closeOf;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function compile(pattern: string): Token[] {
  const tokens: Token[] = [];
  const segments = pattern.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    // A `**/` group already ends with its slash, so the next segment needs no separator of its own.
    const separator = index > 0 && segments[index - 1] !== '**';
    if (segment === '**') {
      if (!last) {
        // `**/` matches zero or more whole segments.
        if (separator) tokens.push({ t: 'lit', c: '/' });
        const split: Token = { t: 'split', to: 0 };
        tokens.push(split, { t: 'any' }, { t: 'lit', c: '/' });
        split.to = tokens.length;
      } else if (separator) {
        // `a/**` matches `a` and anything below it.
        const split: Token = { t: 'split', to: 0 };
        tokens.push(split, { t: 'lit', c: '/' }, { t: 'any' });
        split.to = tokens.length;
      } else {
        tokens.push({ t: 'any' });
      }
      return;
    }
    if (separator) tokens.push({ t: 'lit', c: '/' });
    compileSegment(segment, tokens);
  });
  return tokens;
}

function compileSegment(segment: string, tokens: Token[]): void {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') {
      while (segment[i + 1] === '*') i++;
      tokens.push({ t: 'star' });
    } else if (c === '?') {
      tokens.push({ t: 'one' });
    } else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ t: 'lit', c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      let chars = '';
      const ranges: Array<[string, string]> = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([body[j], body[j + 2]]);
          j += 2;
        } else {
          chars += body[j];
        }
      }
      tokens.push({ t: 'class', negate, chars, ranges });
      i = close;
    } else {
      tokens.push({ t: 'lit', c });
    }
  }
}

function accepts(token: Token, ch: string): boolean {
  switch (token.t) {
    case 'lit':
      return token.c === ch;
    case 'one':
    case 'star':
      return ch !== '/';
    case 'any':
      return true;
    case 'class': {
      if (ch === '/') return false;
      const inside = token.chars.includes(ch) || token.ranges.some(([lo, hi]) => ch >= lo && ch <= hi);
      return inside !== token.negate;
    }
    default:
      return false;
  }
}

/**
 * Runs the NFA over `subject`, keeping the set of live states in flat arrays stamped by generation
 * (no per-step allocation). With `anyTail`, a fresh thread starts after every `/`, which matches the
 * pattern against every suffix that begins a segment in the same single pass.
 */
function simulate(program: Token[], subject: string, anyTail: boolean): boolean {
  const size = program.length + 1;
  let live = new Int32Array(size);
  let liveCount = 0;
  let next = new Int32Array(size);
  let nextCount = 0;
  const stamp = new Int32Array(size);
  const stack = new Int32Array(size * 2 + 2);
  let generation = 1;

  // Adds `state` and everything reachable from it without consuming input to `next`.
  const close = (state: number): void => {
    let top = 0;
    stack[top++] = state;
    while (top > 0) {
      const current = stack[--top];
      if (stamp[current] === generation) continue;
      stamp[current] = generation;
      next[nextCount++] = current;
      const token = program[current];
      if (!token) continue;
      if (token.t === 'split') {
        stack[top++] = current + 1;
        stack[top++] = token.to;
      } else if (token.t === 'star' || token.t === 'any') {
        stack[top++] = current + 1;
      }
    }
  };
  const swap = (): void => {
    [live, next] = [next, live];
    liveCount = nextCount;
    nextCount = 0;
    generation++;
  };

  if (!anyTail) close(0);
  swap();
  for (let i = 0; i < subject.length; i++) {
    const ch = subject[i];
    for (let k = 0; k < liveCount; k++) {
      const state = live[k];
      const token = program[state];
      if (!token || token.t === 'split' || !accepts(token, ch)) continue;
      // Stars stay put after consuming; everything else moves on.
      close(token.t === 'star' || token.t === 'any' ? state : state + 1);
    }
    if (anyTail && ch === '/') close(0);
    if (nextCount === 0 && !anyTail) return false;
    swap();
  }
  for (let k = 0; k < liveCount; k++) if (live[k] === program.length) return true;
  return false;
}

function run(program: Token[], subject: string): boolean {
  return simulate(program, subject, false);
}

function runAnyTail(program: Token[], subject: string): boolean {
  return simulate(program, subject, true);
}
