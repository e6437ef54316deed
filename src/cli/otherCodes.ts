// Codes the analyzer reports outside the lint rule table (estimates, configuration), so `sysdesign rules`
// and SARIF can describe every code a run may produce. Descriptions are ours; codes come from the core.
import { CONFIG_CODES } from '../core/analyze';
import { ESTIMATE_CODES } from '../core/estimate';
import type { Severity } from '../core/types';

export interface CodeInfo {
  code: string;
  slug: string;
  description: string;
  defaultSeverity: Severity;
}

export const OTHER_CODES: CodeInfo[] = [
  { ...pick(ESTIMATE_CODES.parse), defaultSeverity: 'error', description: 'A line in an ```estimate fence cannot be read as a calculation.' },
  { ...pick(ESTIMATE_CODES.wrong), defaultSeverity: 'error', description: 'An estimate claim disagrees with its own inputs (a warning when off by less than the error factor).' },
  { ...pick(ESTIMATE_CODES.hint), defaultSeverity: 'hint', description: 'An estimate claim is close but rounded loosely, or could be stated more precisely.' },
  { ...pick(ESTIMATE_CODES.ambiguous), defaultSeverity: 'hint', description: 'A unit in an estimate could be read two ways (for example bits or bytes).' },
  { ...pick(ESTIMATE_CODES.dimension), defaultSeverity: 'error', description: 'An estimate compares or converts quantities of different kinds (a rate with a size).' },
  { ...pick(ESTIMATE_CODES.unknownName), defaultSeverity: 'error', description: 'An estimate uses a name that no earlier line defines.' },
  { ...pick(CONFIG_CODES.invalidFrontMatter), defaultSeverity: 'error', description: 'The YAML front matter cannot be parsed.' },
  { ...pick(CONFIG_CODES.unknownFramework), defaultSeverity: 'warning', description: 'The front matter names a framework that is neither built in nor in .sysdesign/frameworks.' },
  { ...pick(CONFIG_CODES.ruleFailed), defaultSeverity: 'info', description: 'A rule failed on this document; the other rules still ran.' },
  // Editor only (src/vscode/documentSize.ts): the CLI always analyses; listed so the code is documented.
  { code: 'SD190', slug: 'analysis-paused', defaultSeverity: 'info', description: 'Editor only: the open document is larger than systemDesign.maxDocumentSizeMB, so it is not analysed live.' },
];

function pick(entry: { code: string; rule: string }): { code: string; slug: string } {
  return { code: entry.code, slug: entry.rule };
}
