// Decides what a clicked preview link may do: open externally, open a workspace file, jump in-page, or nothing.

export type LinkAction =
  | { kind: 'external'; href: string }
  | { kind: 'workspace'; path: string; fragment: string }
  | { kind: 'anchor'; fragment: string }
  | { kind: 'blocked'; reason: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export function classifyLink(rawHref: string): LinkAction {
  // Browsers ignore control characters and whitespace inside schemes (`java\tscript:`); strip before judging.
  const href = rawHref.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (href.length === 0) return { kind: 'blocked', reason: 'empty link' };
  if (href.startsWith('#')) return { kind: 'anchor', fragment: safeDecode(href.slice(1)) };
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return { kind: 'external', href: rawHref.trim() };
    return { kind: 'blocked', reason: `scheme "${scheme}:" is not allowed` };
  }
  if (href.startsWith('//') || href.startsWith('\\\\') || href.startsWith('/\\')) return { kind: 'blocked', reason: 'network-path links are not allowed' };
  const hashAt = rawHref.indexOf('#');
  const pathPart = (hashAt >= 0 ? rawHref.slice(0, hashAt) : rawHref).trim();
  const fragment = hashAt >= 0 ? safeDecode(rawHref.slice(hashAt + 1)) : '';
  const path = safeDecode(pathPart.split('?')[0]);
  if (path.includes('\0')) return { kind: 'blocked', reason: 'invalid path' };
  // `%6A%61%76%61script:` decodes to a scheme: never treat that as a file name.
  if (SCHEME.test(path.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))) return { kind: 'blocked', reason: 'encoded scheme' };
  return { kind: 'workspace', path, fragment };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
