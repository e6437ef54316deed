// Decides whether a Markdown file is a system design document the extension should analyse.
import { DEFAULT_DESIGN_GLOBS } from './designGlobs';
import { readFrontMatter } from './frontMatter';
import { matchesAnyGlob } from './glob';
import { splitLines } from './parse';
import { designByOutline } from './sections/genre';
import type { Analysis, FrontMatter, ParsedDocument } from './types';

export { DEFAULT_DESIGN_GLOBS };

const DESIGN_TYPES = new Set(['system-design', 'sysdesign', 'design-doc', 'design-document', 'system-design-doc']);
const OPT_OUT = new Set(['false', 'no', 'off', 'none']);

export interface Recognition {
  designDoc: boolean;
  reason: string;
}

/**
 * Front matter decides first (`sysdesign: <id or true>`, `type: system-design`; `sysdesign: false` opts out),
 * then the path globs. Paths may use `/` or `\`.
 */
export function isDesignDocument(
  doc: Pick<ParsedDocument, 'frontMatter'> & { lines?: readonly string[] },
  path: string | undefined,
  globs: readonly string[] = DEFAULT_DESIGN_GLOBS,
): Recognition {
  const data = doc.frontMatter.data;
  // Broken YAML still marks the document when its `sysdesign:` line is there: the author sees SD100, not silence.
  const marked = doc.frontMatter.error && doc.lines ? markedInBrokenYaml(doc.frontMatter, doc.lines) : undefined;
  if (marked) return { designDoc: true, reason: `front matter cannot be read, but line ${marked + 1} has sysdesign:` };
  if ('sysdesign' in data) {
    const value = data.sysdesign;
    const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (text === false || (typeof text === 'string' && OPT_OUT.has(text))) {
      return { designDoc: false, reason: 'front matter opts out (sysdesign: false)' };
    }
    // Never stringify a YAML value whole: only scalars are shown, and only their start.
    const shown = value === null || value === undefined ? '' : typeof value === 'object' ? ' (a mapping or list)' : ` ${String(value).slice(0, 80)}`;
    return { designDoc: true, reason: `front matter has sysdesign:${shown}` };
  }
  const type = typeof data.type === 'string' ? data.type.trim().toLowerCase() : undefined;
  if (type && DESIGN_TYPES.has(type)) return { designDoc: true, reason: `front matter has type: ${type}` };

  if (path) {
    for (const glob of globs) {
      if (matchesAnyGlob(path, [glob])) return { designDoc: true, reason: `path matches ${glob}` };
    }
  }
  return {
    designDoc: false,
    reason: path
      ? `no sysdesign front matter and the path matches none of: ${globs.join(', ')}`
      : 'no sysdesign front matter (and no path to match)',
  };
}

const MARK_LINE = /^\s*sysdesign\s*:(?!\s*["']?(?:false|no|off|none)["']?\s*$)/i;

function markedInBrokenYaml(frontMatter: FrontMatter, lines: readonly string[]): number | undefined {
  const end = Math.min(frontMatter.endLine, lines.length);
  for (let i = frontMatter.startLine + 1; i < end; i++) if (MARK_LINE.test(lines[i])) return i;
  return undefined;
}

const NO_FRONT_MATTER: FrontMatter = { data: {}, startLine: 0, endLine: 0, present: false };

/**
 * The same decision from raw text, reading only the front matter: the editor asks this on every
 * keystroke in any Markdown file, and most of them are not design documents.
 */
export function isDesignText(text: string, path: string | undefined, globs: readonly string[] = DEFAULT_DESIGN_GLOBS): Recognition {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.startsWith('---')) return isDesignDocument({ frontMatter: NO_FRONT_MATTER }, path, globs);
  const lines = splitLines(body);
  return isDesignDocument({ frontMatter: readFrontMatter(lines), lines }, path, globs);
}

export interface DocumentRecognition extends Recognition {
  /** What decided: front matter, a path glob, the outline, or nothing. */
  by: 'front-matter' | 'path' | 'outline' | 'none';
}

/**
 * The whole decision for a parsed document: front matter and path globs as isDesignDocument, then, for
 * a file that neither marks nor opts out, its outline (a high bar; README and CHANGELOG files never).
 */
export function recognizeDesignDocument(
  doc: ParsedDocument,
  path: string | undefined,
  globs: readonly string[] = DEFAULT_DESIGN_GLOBS,
): DocumentRecognition {
  const marked = isDesignDocument(doc, path, globs);
  if (marked.designDoc) return { ...marked, by: 'sysdesign' in doc.frontMatter.data || marked.reason.startsWith('front matter') ? 'front-matter' : 'path' };
  if ('sysdesign' in doc.frontMatter.data) return { ...marked, by: 'front-matter' };
  const outline = designByOutline(doc, path);
  return outline.designDoc ? { designDoc: true, reason: outline.reason, by: 'outline' } : { ...marked, by: 'none' };
}

/**
 * For a document only its outline brought in: nobody asked for it to be checked, so the engine asks
 * rather than asserts. Every finding becomes a hint until the document is marked.
 */
export function askOnly(analysis: Analysis): Analysis {
  return { ...analysis, findings: analysis.findings.map((f) => (f.severity === 'hint' ? f : { ...f, severity: 'hint' })) };
}
