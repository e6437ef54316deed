// dist/htmlEntities.js: markdown-it's HTML character-reference decoder, which the extension loads on first use.
export { decodeHTMLStrict } from 'entities/decode';
