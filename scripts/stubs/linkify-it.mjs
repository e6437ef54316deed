// Build-time stand-in for linkify-it. markdown-it constructs a LinkifyIt in every instance but only
// calls it when `linkify` is on, and src/core/markdown.ts always turns it off; this keeps ~11 KB of
// URL grammar out of the bundles. If linkify is ever turned on, it finds no links rather than failing.
export class LinkifyIt {
  add() {
    return this;
  }
  set() {
    return this;
  }
  tlds() {
    return this;
  }
  test() {
    return false;
  }
  pretest() {
    return false;
  }
  testSchemaAt() {
    return 0;
  }
  match() {
    return null;
  }
  matchAtStart() {
    return null;
  }
}

export default LinkifyIt;
