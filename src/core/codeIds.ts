// The codes reported outside the lint rule table, by what they are about. No imports, so any module may
// use them without pulling in the catalog (src/core/codes.ts) or the rules.
/** Codes the estimator reports. */
export const ESTIMATE_CODES = {
  parse: { code: 'SE001', rule: 'estimate-parse-error' },
  wrong: { code: 'SE002', rule: 'estimate-wrong-claim' },
  hint: { code: 'SE003', rule: 'estimate-claim-hint' },
  ambiguous: { code: 'SE004', rule: 'estimate-ambiguous-unit' },
  dimension: { code: 'SE005', rule: 'estimate-dimension-mismatch' },
  unknownName: { code: 'SE006', rule: 'estimate-unknown-name' },
} as const;

/** Codes about the document's or the workspace's configuration, and the analyzer's own failures. */
export const CONFIG_CODES = {
  invalidFrontMatter: { code: 'SD100', rule: 'invalid-front-matter' },
  unknownFramework: { code: 'SD101', rule: 'unknown-framework' },
  invalidFrameworkFile: { code: 'SD102', rule: 'invalid-framework-file' },
  invalidConfig: { code: 'SD103', rule: 'invalid-config' },
  diagramSyntax: { code: 'SD150', rule: 'diagram-syntax-error' },
  analysisPaused: { code: 'SD190', rule: 'analysis-paused' },
  ruleFailed: { code: 'SD199', rule: 'rule-failed' },
} as const;
