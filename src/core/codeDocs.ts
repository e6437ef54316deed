// Where a code's documentation page lives, relative to the package root (kept apart from the catalog so
// the editor bundle links to pages without carrying the catalog's text).
export const CODE_DOCS_FOLDER = 'docs/rules';

export function codeDocsPath(code: string): string {
  return `${CODE_DOCS_FOLDER}/${code}.md`;
}
