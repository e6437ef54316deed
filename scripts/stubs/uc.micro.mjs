// Build-time stand-in for uc.micro: the same Unicode character classes, written as the regex engine's
// own property escapes instead of ~5 KB of generated ranges. The unit tests check that both classify
// every code point alike on the Node in use.
export const Any = /[\s\S]/u;
export const Cc = /\p{Cc}/u;
export const Cf = /\p{Cf}/u;
export const P = /\p{P}/u;
export const S = /\p{S}/u;
export const Z = /\p{Z}/u;
