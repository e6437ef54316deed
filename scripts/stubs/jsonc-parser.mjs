// Build-time entry for jsonc-parser: the tree parser alone. The package's ESM main also pulls in the
// formatter and a few enum objects that bundlers cannot drop; the extension only parses and locates.
export * from 'jsonc-parser/lib/esm/impl/parser.js';
