// Extension-bundle stand-in for `entities` (scripts/bundlePlugins.mjs): markdown-it decodes a named
// character reference only when a document has one, so the 20 KB decoding table loads from
// dist/htmlEntities.js on that first use instead of at activation. Same function, same results.
let real;
exports.decodeHTMLStrict = (text) => (real ??= require('./htmlEntities.js')).decodeHTMLStrict(text);
