// Renders a design doc to HTML blocks for the preview and the export: source lines, diagram placeholders, overlays.
import type { Analysis, EstimateLine, PhaseResult } from '../types';
import { createMarkdownIt, type MarkdownItInstance } from '../markdown';
import { blankFrontMatter } from './frontMatter';
import { escapeHtml } from './escape';
import { contentHash } from './hash';
import { classifyLink } from './links';
import { mathHtml, mathPlugin, type MathRenderer } from './math';
import { closeRawHtml, renderRawHtml, type RawHtmlContext } from './rawHtml';
import { estimateAnnotationHtml, estimatesByLine, phaseBadgeHtml, phaseBarHtml, phasesByLine } from './overlays';

export interface RenderOptions {
  analysis?: Analysis;
  /** Maps an image `src` to a URL the target can load; `undefined` drops the image source. */
  resolveImage?: (src: string) => string | undefined;
  /** Draws `$…$`, `$$…$$` and ```math (KaTeX in the preview and the exports); without it math shows as source. */
  math?: MathRenderer;
}

/** A Mermaid fence waiting to be drawn by the webview (or the export). */
export interface DiagramPlaceholder {
  hash: string;
  /** 0-based line of the opening fence. */
  line: number;
  source: string;
}

/** One top-level block: the unit the webview patches. `key` changes whenever its HTML does. */
export interface RenderedBlock {
  key: string;
  html: string;
  line: number;
}

export interface RenderedDocument {
  blocks: RenderedBlock[];
  phaseBar: string;
  diagrams: DiagramPlaceholder[];
  title: string;
  lineCount: number;
}

type Token = ReturnType<MarkdownItInstance['parse']>[number];

interface RenderEnv {
  estimates: Map<number, EstimateLine>;
  phases: Map<number, PhaseResult>;
  diagrams: DiagramPlaceholder[];
  slugs: Map<string, number>;
  resolveImage?: (src: string) => string | undefined;
  raw: RawHtmlContext;
  math?: MathRenderer;
}

let renderer: MarkdownItInstance | undefined;
/** Blocks one raw HTML element may hold (a `<details>` never closed does not swallow the document). */
const MAX_HELD_BLOCKS = 200;

function envOf(env: unknown): RenderEnv {
  return env as RenderEnv;
}

function fenceLang(info: string): string {
  return (info.trim().split(/\s+/)[0] ?? '').toLowerCase();
}

function slugify(text: string, env: RenderEnv): string {
  const base = text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
  const seen = env.slugs.get(base) ?? 0;
  env.slugs.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen}`;
}

function createRenderer(): MarkdownItInstance {
  // Raw HTML is read as HTML, and rendered through the allow-list of rawHtml.ts (comments dropped).
  const md = createMarkdownIt({ html: true });
  mathPlugin(md, (env) => envOf(env).math);

  // Source lines on every block, plus overlay tokens next to the inline content they annotate.
  md.core.ruler.push('sd_source_lines', (state) => {
    const env = envOf(state.env);
    const out: Token[] = [];
    for (const token of state.tokens) {
      if (token.map && token.nesting >= 0 && token.type !== 'inline') token.attrSet('data-line', String(token.map[0]));
      out.push(token);
      if (token.type !== 'inline' || !token.map) continue;
      const [start, end] = token.map;
      const phase = env.phases.get(start);
      const prev = out[out.length - 2];
      if (phase && prev?.type === 'heading_open') {
        const badge = new state.Token('sd_phase_badge', '', 0);
        badge.level = token.level; // inside the block, so block grouping does not end here
        badge.meta = { phase };
        out.push(badge);
      }
      const lines: EstimateLine[] = [];
      for (let line = start; line < end; line++) {
        const est = env.estimates.get(line);
        if (est) lines.push(est);
      }
      if (lines.length > 0) {
        const annotation = new state.Token('sd_estimates', '', 0);
        annotation.level = token.level;
        annotation.meta = { lines };
        out.push(annotation);
      }
    }
    state.tokens = out;
  });

  const rules = md.renderer.rules;
  rules.sd_phase_badge = (tokens, idx) => phaseBadgeHtml((tokens[idx].meta as { phase: PhaseResult }).phase);
  rules.sd_estimates = (tokens, idx) =>
    `<span class="sd-estimates">${(tokens[idx].meta as { lines: EstimateLine[] }).lines.map(estimateAnnotationHtml).join(' ')}</span>`;

  rules.heading_open = (tokens, idx, options, env, self) => {
    const inline = tokens[idx + 1];
    const text = inline?.children?.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('') ?? '';
    // A data attribute rather than an id: ids from user text could clobber DOM globals.
    tokens[idx].attrSet('data-slug', slugify(text, envOf(env)));
    return self.renderToken(tokens, idx, options);
  };

  rules.fence = (tokens, idx, _options, envAny) => {
    const env = envOf(envAny);
    const token = tokens[idx];
    const line = token.map ? token.map[0] : 0;
    const lang = fenceLang(token.info);
    if (lang === 'mermaid') {
      const source = token.content;
      const hash = contentHash(source);
      env.diagrams.push({ hash, line, source });
      return (
        `<div class="sd-diagram" data-line="${line}" data-hash="${hash}">` +
        `<pre class="sd-diagram-source">${escapeHtml(source)}</pre></div>\n`
      );
    }
    if (lang === 'math') return `${mathHtml(token.content.trim(), true, env.math, line)}\n`;
    if (lang === 'estimate') {
      const rows = token.content.replace(/\n$/, '').split('\n').map((text, i) => {
        const docLine = line + 1 + i;
        const est = env.estimates.get(docLine);
        const note = est ? ` ${estimateAnnotationHtml(est)}` : '';
        return `<div class="sd-estimate-row" data-line="${docLine}"><code>${escapeHtml(text)}</code>${note}</div>`;
      });
      return `<div class="sd-estimate-block" data-line="${line}">${rows.join('')}</div>\n`;
    }
    const langClass = lang ? ` class="language-${escapeHtml(lang)}"` : '';
    return `<pre data-line="${line}"><code${langClass}>${escapeHtml(token.content)}</code></pre>\n`;
  };

  // A link nobody may follow (`command:`, `vscode:`, `javascript:`, an encoded scheme) keeps its text and
  // loses its target, in the preview and in an exported file alike.
  rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    const href = token.attrGet('href');
    if (href !== null && classifyLink(String(href)).kind === 'blocked') token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
    return self.renderToken(tokens, idx, options);
  };

  // Display math keeps its estimate verdicts: the lines it spans are annotated below the formula.
  const drawMath = rules.math_block!;
  rules.math_block = (tokens, idx, options, envAny, self) => {
    const env = envOf(envAny);
    const html = drawMath(tokens, idx, options, envAny, self);
    const [start, end] = tokens[idx].map ?? [0, 0];
    const lines: EstimateLine[] = [];
    for (let line = start; line < end; line++) {
      const est = env.estimates.get(line);
      if (est) lines.push(est);
    }
    return lines.length === 0 ? html : `${html.replace(/\n$/, '')}<div class="sd-estimates sd-estimates-math">${lines.map(estimateAnnotationHtml).join(' ')}</div>\n`;
  };

  rules.html_block = (tokens, idx, _options, env) => renderRawHtml(tokens[idx].content, envOf(env).raw);
  rules.html_inline = (tokens, idx, _options, env) => renderRawHtml(tokens[idx].content, envOf(env).raw);

  const defaultImage = rules.image;
  rules.image = (tokens, idx, options, envAny, self) => {
    const env = envOf(envAny);
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const resolved = env.resolveImage ? env.resolveImage(src) : src;
    if (resolved === undefined) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'src');
    else token.attrSet('src', resolved);
    return defaultImage ? defaultImage(tokens, idx, options, envAny, self) : self.renderToken(tokens, idx, options);
  };

  return md;
}

/** Splits the token stream into top-level blocks (an opening token at level 0 through its close). */
function topLevelGroups(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    const closesTopLevel = token.level === 0 && token.nesting <= 0;
    if (closesTopLevel) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function renderDocument(text: string, options: RenderOptions = {}): RenderedDocument {
  const md = (renderer ??= createRenderer());
  const env: RenderEnv = {
    estimates: estimatesByLine(options.analysis),
    phases: phasesByLine(options.analysis),
    diagrams: [],
    slugs: new Map(),
    resolveImage: options.resolveImage,
    raw: { open: [], decode: md.utils.unescapeAll, resolveImage: options.resolveImage },
    math: options.math,
  };
  const body = blankFrontMatter(text).text;
  const tokens = md.parse(body, env as unknown as Record<string, unknown>);
  const blocks: RenderedBlock[] = [];
  let title = '';
  const groups = topLevelGroups(tokens);
  const render = (group: Token[]) => md.renderer.render(group, md.options, env as unknown as Record<string, unknown>);
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i][0];
    if (!title && first.type === 'heading_open' && first.tag === 'h1') title = groups[i][1]?.content ?? '';
    let html = render(groups[i]);
    // A tag that raw HTML opens (`<details>` … `</details>`) holds the blocks up to its closing tag, as on
    // GitHub; whatever is still open at the end of the block is closed there, so nothing spills into the next.
    for (let held = 0; env.raw.open.length > 0 && i + 1 < groups.length && held < MAX_HELD_BLOCKS; held++) html += render(groups[++i]);
    html += closeRawHtml(env.raw);
    blocks.push({ key: contentHash(html), html, line: first.map ? first.map[0] : 0 });
  }
  return {
    blocks,
    phaseBar: phaseBarHtml(options.analysis),
    diagrams: env.diagrams,
    title,
    lineCount: text.split('\n').length,
  };
}
