// Minimal glob support for quoted CLI patterns (`'docs/**/*.md'`) without a dependency.
// Supports `**`, `*`, `?`, `[...]` and `{a,b}`; paths are matched with forward slashes.

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

export function globToRegExp(pattern: string): RegExp {
  const glob = toSlashes(pattern);
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
        const slashAfter = glob[i + 2] === '/';
        out += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  while (braces-- > 0) out += ')';
  return new RegExp(`^${out}$`);
}

export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}
