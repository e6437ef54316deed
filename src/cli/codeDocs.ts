// The documentation page of a code as a file: URL into the installed package (dist/cli.js sits one level
// below the package root; under tsx this file sits two below it), for SARIF's helpUri and `sysdesign rules`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeDocsPath } from '../core/codeDocs';

let root: string | null | undefined;

function packageRoot(): string | undefined {
  if (root === undefined) {
    root = [join(__dirname, '..'), join(__dirname, '..', '..')].find((dir) => existsSync(join(dir, 'docs', 'rules'))) ?? null;
  }
  return root ?? undefined;
}

/** The page's path on disk, when the package ships it. */
export function codeDocsFile(code: string): string | undefined {
  const base = packageRoot();
  const file = base && join(base, codeDocsPath(code));
  return file && existsSync(file) ? file : undefined;
}

export function codeDocsUri(code: string): string | undefined {
  const file = codeDocsFile(code);
  return file ? pathToFileURL(file).href : undefined;
}
