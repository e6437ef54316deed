// Helpers for quoted CLI glob patterns (`'docs/**/*.md'`); matching itself is the core's Glob.

const GLOB_CHARS = /[*?[\]{}]/;

export function hasGlobChars(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The leading directory part of a pattern that holds no glob characters (`docs/**\/*.md` → `docs`). */
export function globBase(pattern: string): string {
  const parts = toSlashes(pattern).split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (hasGlobChars(part)) break;
    base.push(part);
  }
  if (base.length === 0) return '.';
  const joined = base.join('/');
  return joined === '' ? '/' : joined;
}

export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
