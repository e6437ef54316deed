// SARIF 2.1.0 for `sysdesign check --format sarif` (GitHub code scanning and other CI viewers).
import type { Severity } from '../../core/types';
import type { CheckResult } from './checkResult';

export interface RuleInfo {
  code: string;
  slug: string;
  description: string;
  defaultSeverity: Severity;
  /** The code's documentation page (a file: URL into the installed package). */
  helpUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** `baseUri` is the directory paths are relative to (a file: URL ending in `/`). */
export function formatCheckSarif(result: CheckResult, rules: RuleInfo[], baseUri: string): string {
  // Every code that shows up gets a rule entry, including ones outside the rule table (estimates, config).
  const known = new Map(rules.map((rule) => [rule.code, rule]));
  for (const file of result.files) {
    for (const d of file.diagnostics) {
      if (!known.has(d.code)) {
        known.set(d.code, { code: d.code, slug: d.rule, description: d.rule.replace(/-/g, ' '), defaultSeverity: d.severity });
      }
    }
  }
  const ruleList = [...known.values()];
  const index = new Map(ruleList.map((rule, i) => [rule.code, i]));

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sysdesign',
            version: result.version,
            rules: ruleList.map((rule) => ({
              id: rule.code,
              name: rule.slug,
              shortDescription: { text: rule.description },
              ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
              defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: baseUri } },
        results: result.files.flatMap((file) =>
          file.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code),
            level: sarifLevel(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(file.path), uriBaseId: 'SRCROOT' },
                  region: region(d.line, d.column, d.endLine, d.endColumn),
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Percent-encodes each path segment; the path is already relative with forward slashes. */
export function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(startLine: number, startColumn: number, endLine: number, endColumn: number) {
  // SARIF requires the end to not precede the start.
  const end =
    endLine < startLine || (endLine === startLine && endColumn < startColumn)
      ? { endLine: startLine, endColumn: startColumn }
      : { endLine, endColumn };
  return { startLine, startColumn, ...end };
}
