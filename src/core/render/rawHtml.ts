// Raw HTML in a design doc, rendered as GitHub renders it: a small set of tags with a few attributes each
// (images with their size, line breaks, collapsible details, sub/sup, kbd, tables), comments dropped,
// and everything else shown as the text it is. An allow-list, re-serialised from parsed parts: nothing of
// the source reaches the output unescaped. The preview passes the result through DOMPurify as well.
import { escapeHtml } from './escape';
import { classifyLink } from './links';

type Check = (value: string) => boolean;

const SIZE: Check = (v) => /^\d{1,4}(?:%|px)?$/.test(v);
const ALIGN: Check = (v) => /^(?:left|right|center|justify|top|middle|bottom)$/i.test(v);
const COUNT: Check = (v) => /^\d{1,4}$/.test(v);
const TEXT: Check = (v) => v.length <= 500;
const FLAG: Check = () => true;

const BLOCK_ATTRS = { align: ALIGN };
const CELL_ATTRS = { align: ALIGN, colspan: COUNT, rowspan: COUNT };

/** Tag → the attributes it keeps, each with the values it accepts. `src` and `href` are judged apart. */
const ALLOWED: Record<string, Record<string, Check>> = {
  img: { src: FLAG, alt: TEXT, title: TEXT, width: SIZE, height: SIZE, align: ALIGN },
  a: { href: FLAG, title: TEXT },
  br: {}, hr: {}, p: BLOCK_ATTRS, div: BLOCK_ATTRS, span: {},
  details: { open: FLAG }, summary: {},
  sub: {}, sup: {}, kbd: {}, b: {}, i: {}, em: {}, strong: {}, code: {}, pre: {}, s: {}, del: {}, ins: {}, u: {},
  mark: {}, small: {}, abbr: { title: TEXT }, q: {}, cite: {}, var: {}, samp: {},
  blockquote: {}, ul: {}, ol: { start: COUNT }, li: {}, dl: {}, dt: {}, dd: {},
  table: {}, thead: {}, tbody: {}, tfoot: {}, tr: {}, th: CELL_ATTRS, td: CELL_ATTRS, caption: {},
  h1: BLOCK_ATTRS, h2: BLOCK_ATTRS, h3: BLOCK_ATTRS, h4: BLOCK_ATTRS, h5: BLOCK_ATTRS, h6: BLOCK_ATTRS,
};
const VOID = new Set(['img', 'br', 'hr']);
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp);/i;

// One tag as CommonMark defines it (quoted values may hold `>`), a comment, or anything else up to the next `<`.
const ATTRIBUTE = String.raw`[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`;
const PART = new RegExp(String.raw`<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+${ATTRIBUTE})*)\s*\/?>|<|[^<]+`, 'g');
const ATTR = /([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface RawHtmlContext {
  /** Tags opened by raw HTML and not closed yet, innermost last (closed at the end of the block). */
  open: string[];
  /** Entity decoding, as the browser will decode the value (markdown-it's own). */
  decode(value: string): string;
  /** Maps an image `src` as for Markdown images; undefined drops it. */
  resolveImage?: (src: string) => string | undefined;
}

/** The allowed part of a piece of raw HTML (an inline tag, or an HTML block), the rest as text. */
export function renderRawHtml(source: string, ctx: RawHtmlContext): string {
  let out = '';
  PART.lastIndex = 0;
  for (let m = PART.exec(source); m; m = PART.exec(source)) {
    const [whole, slash, name, attrs] = m;
    if (whole.startsWith('<!--')) continue; // comments (template guidance, `<!-- toc -->`) say nothing to a reader
    if (name === undefined) {
      out += escapeHtml(whole);
      continue;
    }
    const tag = name.toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) {
      out += escapeHtml(whole);
      continue;
    }
    if (slash) {
      out += close(tag, ctx);
      continue;
    }
    out += `<${tag}${attributes(tag, attrs ?? '', allowed, ctx)}>`;
    if (!VOID.has(tag)) ctx.open.push(tag);
  }
  return out;
}

/** Closes a tag opened earlier (and any opened inside it); a stray closing tag is dropped. */
function close(tag: string, ctx: RawHtmlContext): string {
  const at = ctx.open.lastIndexOf(tag);
  if (at < 0) return '';
  return ctx.open.splice(at).reverse().map((t) => `</${t}>`).join('');
}

/** Closing tags for everything raw HTML left open. */
export function closeRawHtml(ctx: RawHtmlContext): string {
  return ctx.open.splice(0).reverse().map((t) => `</${t}>`).join('');
}

function attributes(tag: string, source: string, allowed: Record<string, Check>, ctx: RawHtmlContext): string {
  let out = '';
  const seen = new Set<string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(source); m; m = ATTR.exec(source)) {
    const name = m[1].toLowerCase();
    const check = allowed[name];
    if (!check || seen.has(name)) continue;
    seen.add(name);
    // Judged as the browser will read it: entities decoded (`javascript&#58;` is `javascript:`).
    let value = ctx.decode(m[2] ?? m[3] ?? m[4] ?? '');
    if (name === 'href') {
      if (classifyLink(value).kind === 'blocked') continue;
    } else if (name === 'src') {
      // An image loads from the web, the workspace or an inline raster image; any other scheme is dropped.
      if (classifyLink(value).kind === 'blocked' && !RASTER_DATA.test(value)) continue;
      const resolved = ctx.resolveImage ? ctx.resolveImage(value) : value;
      if (resolved === undefined) continue;
      value = resolved;
    } else if (!check(value)) continue;
    out += name === 'open' && tag === 'details' ? ' open' : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}
