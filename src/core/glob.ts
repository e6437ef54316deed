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
      if (run(program, subject, 0)) return true;
      if (this.relative && absolute && runAnyTail(program, subject)) return true;
    }
    return false;
  }
}

/** True when `path` matches any of `patterns`. */
export function matchesAnyGlob(path: string, patterns: readonly string[], options: GlobOptions = {}): boolean {
  return patterns.some((pattern) => new Glob(pattern, options).matches(path));
}

function slashes(s: string): string {
  return s.replace(/\\/g, '/');
}

function expandBraces(pattern: string): string[] {
  let results = [''];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '{') {
      const close = matchingBrace(pattern, i);
      if (close > 0) {
        const alternatives = splitTopLevel(pattern.slice(i + 1, close)).flatMap(expandBraces);
        const next: string[] = [];
        for (const prefix of results) for (const alt of alternatives) if (next.length < MAX_EXPANSIONS) next.push(prefix + alt);
        results = next;
        i = close + 1;
        continue;
      }
    }
    results = results.map((r) => r + c);
    i++;
  }
  return results;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
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
    if (segment === '**') {
      if (last) {
        // `a/**` matches `a` and anything below it: the slash before it becomes optional.
        if (tokens.length > 0 && tokens[tokens.length - 1].t === 'lit') {
          tokens.pop();
          const split: Token = { t: 'split', to: 0 };
          tokens.push(split, { t: 'lit', c: '/' }, { t: 'any' });
          split.to = tokens.length;
        } else {
          tokens.push({ t: 'any' });
        }
      } else {
        // `**/` matches zero or more whole segments.
        const split: Token = { t: 'split', to: 0 };
        tokens.push(split, { t: 'any' }, { t: 'lit', c: '/' });
        split.to = tokens.length;
      }
      return;
    }
    compileSegment(segment, tokens);
    if (!last) tokens.push({ t: 'lit', c: '/' });
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

/** Adds `state` and everything reachable from it without consuming input. */
function close(program: Token[], state: number, into: Set<number>): void {
  if (into.has(state)) return;
  into.add(state);
  const token = program[state];
  if (!token) return;
  if (token.t === 'split') {
    close(program, state + 1, into);
    close(program, token.to, into);
  } else if (token.t === 'star' || token.t === 'any') {
    close(program, state + 1, into);
  }
}

function step(program: Token[], states: Set<number>, ch: string): Set<number> {
  const next = new Set<number>();
  for (const state of states) {
    const token = program[state];
    if (!token || token.t === 'split' || !accepts(token, ch)) continue;
    // Stars stay put after consuming; everything else moves on.
    close(program, token.t === 'star' || token.t === 'any' ? state : state + 1, next);
  }
  return next;
}

function run(program: Token[], subject: string, from: number): boolean {
  let states = new Set<number>();
  close(program, 0, states);
  for (let i = from; i < subject.length && states.size > 0; i++) states = step(program, states, subject[i]);
  return states.has(program.length);
}

/** Matches the pattern against every suffix that starts after a `/`, in one pass (new threads join at each slash). */
function runAnyTail(program: Token[], subject: string): boolean {
  let states = new Set<number>();
  for (let i = 0; i < subject.length; i++) {
    states = step(program, states, subject[i]);
    if (subject[i] === '/') close(program, 0, states);
  }
  return states.has(program.length);
}
