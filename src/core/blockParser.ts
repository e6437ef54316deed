// The analyzer's markdown-it: block rules only, with inline markup parsed on demand, and tokens built
// by plain assignments.
import MarkdownIt, { type Env, type Token } from 'markdown-it';
import { createMarkdownIt, type MarkdownItInstance } from './markdown';

/**
 * markdown-it 15 ships its Token class transpiled so that every field is set through a
 * defineProperty helper, about a third of a block parse. This token has the same fields, in the same
 * order, and the same prototype (methods, `instanceof Token`), set by plain assignment.
 */
class PlainToken {
  declare map: Token['map'];
  declare level: number;
  declare children: Token['children'];
  declare content: string;
  declare markup: string;
  declare info: string;
  declare block: boolean;
  declare hidden: boolean;
  declare type: string;
  declare tag: string;
  declare attrs: Token['attrs'];
  declare nesting: Token['nesting'];
  declare meta: unknown;

  constructor(type: string, tag: string, nesting: Token['nesting']) {
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
}
Object.setPrototypeOf(PlainToken.prototype, MarkdownIt.Token.prototype);

type StateBlock = InstanceType<typeof MarkdownIt.StateBlock>;

/**
 * markdown-it's StateBlock, built by plain assignments (its constructor sets each field through the
 * same defineProperty helper as its tokens) and pushing plain tokens. Its line marks are read the
 * same way: each line's start, end and leading blanks (a tab to the next multiple of 4), and no line
 * for blanks that end the text; only the search for each line's end is left to indexOf.
 */
export function PlainTokenStateBlock(this: StateBlock, src: string, md: MarkdownItInstance, env: Env, tokens: Token[]): void {
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  this.bMarks = bMarks;
  this.eMarks = eMarks;
  this.tShift = tShift;
  this.sCount = sCount;
  this.bsCount = bsCount;
  this.blkIndent = 0;
  this.line = 0;
  this.lineMax = 0;
  this.tight = false;
  this.listIndent = -1;
  this.parentType = 'root';
  this.level = 0;
  this.Token = MarkdownIt.Token;
  this.src = src;
  this.md = md;
  this.env = env;
  this.tokens = tokens;
  const len = src.length;
  for (let start = 0; start < len; ) {
    let pos = start;
    let indent = 0;
    let offset = 0;
    for (; pos < len; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x20) offset++;
      else if (ch === 0x09) offset += 4 - (offset % 4);
      else break;
      indent++;
    }
    if (pos === len) break;
    let end = src.charCodeAt(pos) === 0x0a ? pos : src.indexOf('\n', pos);
    if (end === -1) end = len;
    bMarks.push(start);
    eMarks.push(end);
    tShift.push(indent);
    sCount.push(offset);
    bsCount.push(0);
    start = end + 1;
  }
  bMarks.push(len);
  eMarks.push(len);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  this.lineMax = bMarks.length - 1;
}
PlainTokenStateBlock.prototype = Object.create(MarkdownIt.StateBlock.prototype) as StateBlock;
PlainTokenStateBlock.prototype.push = function push(this: StateBlock, type: string, tag: string, nesting: Token['nesting']): Token {
  const token = new PlainToken(type, tag, nesting) as unknown as Token;
  token.block = true;
  if (nesting < 0) this.level--;
  token.level = this.level;
  if (nesting > 0) this.level++;
  this.tokens.push(token);
  return token;
};

let parser: MarkdownItInstance | undefined;

/**
 * HTML on: comments become their own blocks, so suppressions don't count as section content.
 * Inline rules off: the analyzer reads raw inline content and parses inline markup only for the few
 * tokens that need it (see inlineChildren). Together with plain tokens, about a third of a full parse.
 */
export function blockParser(): MarkdownItInstance {
  if (!parser) {
    parser = createMarkdownIt({ html: true });
    parser.core.ruler.disable(['inline', 'text_join']);
    parser.block.State = PlainTokenStateBlock as unknown as typeof MarkdownIt.StateBlock;
  }
  return parser;
}

/**
 * Block tokens of `text`, whose lines are already split and joined with \n. The same as
 * `blockParser().parse` (its other core rules are off), without the per-call core state and the
 * normalising pass over the text: a document is parsed as many chunks, so per-call costs add up.
 */
export function parseBlocks(text: string, env: Env): Token[] {
  const md = blockParser();
  const tokens: Token[] = [];
  // markdown-it's normalize rule: NUL becomes U+FFFD (newlines are already \n here).
  md.block.parse(text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text, md, env, tokens);
  return tokens;
}

/** Inline children of one token, parsed on first use with the document's link references. */
export function inlineChildren(token: Token, env: Env): Token[] {
  if (token.children && token.children.length > 0) return token.children;
  const md = blockParser();
  const children: Token[] = [];
  md.inline.parse(token.content, md, env, children);
  token.children = children;
  return children;
}
