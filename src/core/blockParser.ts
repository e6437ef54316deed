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

/** markdown-it's StateBlock, pushing plain tokens (its own push calls the Token class directly). */
class PlainTokenStateBlock extends MarkdownIt.StateBlock {
  override push(type: string, tag: string, nesting: Token['nesting']): Token {
    const token = new PlainToken(type, tag, nesting) as unknown as Token;
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
}

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
    parser.block.State = PlainTokenStateBlock;
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
