// The settings every surface runs with, resolved once from layers in order of precedence: the project's
// config file (.sysdesign/config.jsonc), then the editor's settings, then the defaults. A key takes its
// value from the first layer that sets it; an invalid value is reported and the default stands in.
import { DEFAULT_DESIGN_GLOBS } from '../designGlobs';
import type { RuleSetting } from '../types';
import { ESTIMATE_NUMBER_KEYS, readEstimateSettings, type EstimateEditorSettings } from './estimateValues';
import type { RuleOptionValues } from '../rules/ruleOptions';
import { readNumberAtLeast, readRelativeFolder, readRules, readStringArray, readTrimmedString } from './values';

/** In the `.sysdesign` folder that already marks a project (and holds its team frameworks); JSONC so teams can comment. */
export const CONFIG_FILE = '.sysdesign/config.jsonc';
export const DEFAULT_FRAMEWORKS_FOLDER = '.sysdesign/frameworks';
export const DEFAULT_MAX_DOCUMENT_SIZE_MB = 2;
export const MIN_MAX_DOCUMENT_SIZE_MB = 0.1;

export interface DesignConfig {
  /** Globs of Markdown files that are design documents without front matter. */
  files: string[];
  /** Globs of files never checked, whatever their front matter says. */
  ignore: string[];
  /** Markdown that nothing marks is analysed when its outline clearly is a design document. */
  recognizeByOutline: boolean;
  /** The framework for documents that name none; `undefined` for `auto` (detected). */
  framework: string | undefined;
  frameworksFolder: string;
  rules: Record<string, RuleSetting>;
  /** Rule options by code (`SD009: { targets: [...] }`), from the same "rules" entries. */
  ruleOptions: RuleOptionValues;
  estimates: EstimateEditorSettings;
  /** Editor only: larger open documents are not analysed live. */
  maxDocumentSizeMB: number;
}

/** Keys shared by the config file and the editor's settings (`systemDesign.<key>`). */
export const SHARED_KEYS = ['files', 'ignore', 'recognizeByOutline', 'framework', 'frameworksFolder', 'rules', ...['enabled', ...ESTIMATE_NUMBER_KEYS].map((k) => `estimates.${k}`)] as const;
/** Keys only the editor reads: the config file reports them as misplaced. */
export const EDITOR_ONLY_KEYS = ['maxDocumentSizeMB', 'estimates.codeLens'] as const;
export const ALL_KEYS: readonly string[] = [...SHARED_KEYS, ...EDITOR_ONLY_KEYS];

export interface ConfigLayer {
  /** Where values come from, as `sysdesign config` prints it: ".sysdesign/config.jsonc", "VS Code settings". */
  source: string;
  /** A key's raw value (`estimates.peakFactor`), `undefined` when this layer leaves it unset. */
  get(key: string): unknown;
  /** Where the key is written (1-based line and column), for reports. */
  locate?(key: string): { line: number; column: number } | undefined;
}

export interface ConfigProblem {
  source: string;
  key: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ResolvedConfig {
  config: DesignConfig;
  /** Per key, the layer its value came from, or "default". */
  sources: Record<string, string>;
  problems: ConfigProblem[];
}

export function resolveDesignConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  const sources: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  const owner = (key: string): ConfigLayer | undefined => layers.find((layer) => layer.get(key) !== undefined);
  const get = (key: string): unknown => {
    const layer = owner(key);
    sources[key] = layer?.source ?? 'default';
    return layer?.get(key);
  };
  const report = (key: string) => (message: string) => {
    const layer = owner(key);
    const at = layer?.locate?.(key);
    problems.push({ source: layer?.source ?? 'default', key, message: `"${key}" ${message}`, ...(at ?? {}) });
  };

  const framework = readTrimmedString(get('framework'), 'auto', report('framework'));
  const rules = readRules(get('rules'), report('rules'));
  const estimates = readEstimateSettings((key) => get(`estimates.${key}`), (key, message) => report(`estimates.${key}`)(message));
  const config: DesignConfig = {
    files: readStringArray(get('files'), [...DEFAULT_DESIGN_GLOBS], report('files')),
    ignore: readStringArray(get('ignore'), [], report('ignore')),
    recognizeByOutline: readBoolean(get('recognizeByOutline'), true, report('recognizeByOutline')),
    framework: framework === 'auto' ? undefined : framework,
    frameworksFolder: readRelativeFolder(get('frameworksFolder'), DEFAULT_FRAMEWORKS_FOLDER, report('frameworksFolder')),
    rules: rules.severities,
    ruleOptions: rules.options,
    estimates,
    maxDocumentSizeMB: readNumberAtLeast(get('maxDocumentSizeMB'), DEFAULT_MAX_DOCUMENT_SIZE_MB, MIN_MAX_DOCUMENT_SIZE_MB, report('maxDocumentSizeMB')),
  };
  return { config, sources, problems };
}

function readBoolean(value: unknown, fallback: boolean, report: (message: string) => void): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    report(`must be true or false; using ${fallback}.`);
    return fallback;
  }
  return value;
}
