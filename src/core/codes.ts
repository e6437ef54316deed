// Every code a run can report (lint rules, estimates, configuration, editor notices) in one table:
// slug, default severity, one-line description and its documentation page. The CLI's `rules`, SARIF
// and the editor's links all read it; a test checks that each code has a page and each page a code.
import { CONFIG_CODES, ESTIMATE_CODES } from './codeIds';
import { ALL_RULES } from './rules/allRules';
import type { Severity } from './types';

export type CodeOrigin = 'rule' | 'estimate' | 'diagram' | 'configuration' | 'editor';

export interface CodeInfo {
  code: string;
  slug: string;
  description: string;
  defaultSeverity: Severity;
  origin: CodeOrigin;
}

function entry(id: { code: string; rule: string }, origin: CodeOrigin, defaultSeverity: Severity, description: string): CodeInfo {
  return { code: id.code, slug: id.rule, origin, defaultSeverity, description };
}

const E = ESTIMATE_CODES;
const C = CONFIG_CODES;

export const CODE_CATALOG: readonly CodeInfo[] = [
  ...ALL_RULES.map((r): CodeInfo => ({ code: r.code, slug: r.slug, description: r.description, defaultSeverity: r.defaultSeverity, origin: 'rule' })),
  entry(E.parse, 'estimate', 'error', 'A line in an ```estimate fence cannot be read as a calculation.'),
  entry(E.wrong, 'estimate', 'error', 'An estimate claim disagrees with its own inputs (a warning when off by less than the error factor, a hint when the reading is uncertain).'),
  entry(E.hint, 'estimate', 'hint', 'An estimate claim is close but rounded loosely, or could be stated more precisely.'),
  entry(E.ambiguous, 'estimate', 'hint', 'A unit in an estimate could be read two ways (for example bits or bytes).'),
  entry(E.dimension, 'estimate', 'error', 'An estimate compares or converts quantities of different kinds (a rate with a size).'),
  entry(E.unknownName, 'estimate', 'error', 'An estimate uses a name that no earlier line defines.'),
  entry(C.invalidFrontMatter, 'configuration', 'error', 'The YAML front matter cannot be parsed.'),
  entry(C.unknownFramework, 'configuration', 'warning', 'The front matter names a framework that is neither built in nor in the frameworks folder.'),
  entry(C.invalidFrameworkFile, 'configuration', 'error', 'A team framework file fails to load or to validate; the other frameworks still load.'),
  entry(C.invalidConfig, 'configuration', 'error', 'The configuration file (.sysdesign/config.jsonc) has a syntax error or an invalid value; defaults stand in for it.'),
  entry(C.diagramSyntax, 'diagram', 'error', 'A Mermaid diagram cannot be parsed by Mermaid, so it does not render.'),
  entry(C.analysisPaused, 'editor', 'info', 'Editor only: the open document is larger than systemDesign.maxDocumentSizeMB, so it is not analysed live.'),
  entry(C.ruleFailed, 'configuration', 'info', 'A rule failed on this document; the other rules still ran.'),
];

export { CONFIG_CODES, ESTIMATE_CODES };

const byCode = new Map(CODE_CATALOG.map((c) => [c.code, c]));

export function codeInfo(code: string): CodeInfo | undefined {
  return byCode.get(code.trim().toUpperCase());
}
