// Shared shapes of the analyzer. Lines and characters are 0-based here; the CLI converts to 1-based.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  /** Stable code, e.g. SD001 (rules) or SE001 (estimates). */
  code: string;
  /** Rule slug, e.g. `missing-phase`. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  /** Phase id the finding is about, when there is one (lets the editor offer "Insert section"). */
  phaseId?: string;
}

// ---------------------------------------------------------------- parsed document

export type BlockKind =
  | 'paragraph'
  | 'list'
  | 'table'
  | 'code'
  | 'blockquote'
  | 'html'
  | 'hr';

export interface ListItem {
  /** 0-based first line of the item. */
  line: number;
  endLine: number;
  /** Inline text of the item's own first paragraph (nested lists excluded). */
  text: string;
  /** `[ ]` / `[x]` task state, when the item is a task. */
  checked?: boolean;
  depth: number;
}

export interface Table {
  header: string[];
  rows: string[][];
}

export interface Image {
  line: number;
  src: string;
  alt: string;
}

export interface Block {
  kind: BlockKind;
  /** 0-based first line. */
  line: number;
  /** 0-based line after the block (exclusive). */
  endLine: number;
  /** Plain inline text (paragraphs, list items joined, table cells joined). For code: the code body. */
  text: string;
  /** Fence info string, lower-cased first word (`mermaid`, `sql`, `estimate`, `` for unlabelled). */
  lang?: string;
  /** Full fence info string as written. */
  info?: string;
  /** First line of a fenced body (0-based), for mapping body offsets back to the source. */
  contentLine?: number;
  items?: ListItem[];
  table?: Table;
  /** Images found inline in this block. */
  images?: Image[];
  ordered?: boolean;
}

export interface Section {
  /** 1..6 for headings; 0 for the synthetic root holding content before the first heading. */
  level: number;
  title: string;
  /** Heading text lower-cased, with markup, numbering ("Step 3:", "1.", "Phase 2 -"), emoji and punctuation removed
   * (punctuation folds to single spaces, `&` to `and`), e.g. `## 7. Trade-offs & Risks` → `trade offs and risks`. */
  normalizedTitle: string;
  /** 0-based heading line (root: 0). */
  line: number;
  /** 0-based exclusive end line: where the next heading of the same or a higher level starts, or EOF. */
  endLine: number;
  /** 0-based exclusive end of the section's own content, before its first sub-heading. */
  ownEndLine: number;
  /** Range of the heading text on its line. */
  headingRange: Range;
  blocks: Block[];
  children: Section[];
  parent?: Section;
}

export interface FrontMatter {
  /** Parsed YAML object; empty when there is none or it is broken. */
  data: Record<string, unknown>;
  /** 0-based line range including the `---` fences, when present. */
  startLine: number;
  endLine: number;
  present: boolean;
  /** Set when the YAML could not be parsed. */
  error?: { message: string; range: Range };
}

export interface Suppression {
  /** Rule codes (SD001) or slugs; empty means every rule. */
  codes: string[];
  /** 0-based line of the comment. */
  line: number;
  /** `file` for `sysdesign-disable`, `next-line` for `sysdesign-disable-next-line`. */
  scope: 'file' | 'next-line';
}

export interface ParsedDocument {
  text: string;
  lines: string[];
  frontMatter: FrontMatter;
  /** Synthetic level-0 root; its children are the top-level headings. */
  root: Section;
  /** Every heading section in document order (root excluded). */
  sections: Section[];
  /** Every block in document order, including those under the root. */
  blocks: Block[];
  suppressions: Suppression[];
}

// ---------------------------------------------------------------- frameworks

/** The parts of a design document, one vocabulary for every genre (interview write-up, RFC, ADR). */
export const PHASE_KINDS = [
  'context',
  'requirements',
  'estimation',
  'api',
  'data-model',
  'high-level-design',
  'deep-dive',
  'caching',
  'scaling',
  'reliability',
  'security',
  'monitoring',
  'trade-offs',
  'risks',
  'rollout',
  'testing',
  'open-questions',
  'decision',
  'consequences',
  'wrap-up',
] as const;

export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Content a phase must contain; each maps to a sub-check. */
export type ContentNeed =
  | 'functional-requirements'
  | 'non-functional-requirements'
  | 'clarifying-questions'
  | 'assumptions'
  | 'numbers'
  | 'endpoints'
  | 'pagination'
  | 'error-responses'
  | 'schema'
  | 'primary-keys'
  | 'indexes'
  | 'diagram'
  | 'components'
  | 'performance'
  | 'edge-cases'
  | 'failures'
  | 'bottlenecks'
  | 'cache-strategy'
  | 'latency-percentiles'
  | 'error-rate'
  | 'alerts'
  | 'options'
  | 'pros-cons';

export interface PhaseDef {
  id: string;
  title: string;
  kind: PhaseKind;
  /** Further kinds this phase takes in (a "monitoring and wrap-up" phase covers wrap-up). */
  covers?: PhaseKind[];
  /** Extra heading phrasings that claim a heading for this phase over the shared vocabulary (case-insensitive, whole words). */
  headings?: string[];
  required: boolean;
  needs: ContentNeed[];
  /** Minutes this phase gets in an interview. */
  minutes?: number;
  /** One-line guidance shown in the checklist and in "missing" messages. */
  description?: string;
  /** Markdown skeleton inserted by "Insert missing section" (without the heading line). */
  template?: string;
}

export interface FrameworkDef {
  $schema?: string;
  id: string;
  title: string;
  description: string;
  /** Where the framework comes from (a seed, a team). */
  source?: string;
  /** The kind of document it is for; interview when not given. */
  genre?: Genre;
  phases: PhaseDef[];
}

export const GENRES = ['interview', 'proposal', 'adr'] as const;
export type Genre = (typeof GENRES)[number];

export interface LoadedFramework extends FrameworkDef {
  origin: 'built-in' | 'workspace';
  /** File the framework was loaded from (workspace frameworks). */
  file?: string;
  /** Set on a workspace framework that replaces the built-in with the same id. */
  overridesBuiltIn?: boolean;
}

export interface FrameworkLoadError {
  file: string;
  /** JSON pointer of the failing field, e.g. `/phases/2/kind`. */
  field: string;
  message: string;
}

// ---------------------------------------------------------------- checklist

export type PhaseStatus = 'present' | 'empty' | 'missing';

export interface SubCheck {
  id: ContentNeed | string;
  title: string;
  ok: boolean;
  /** 0-based line where the evidence was found. */
  line?: number;
}

export interface PhaseResult {
  phase: PhaseDef;
  status: PhaseStatus;
  /** 0-based heading line when present or empty (the inline discussion's line when `inline`). */
  line?: number;
  section?: Section;
  /** Further sections of the same phase ("Functional" and "Non-functional requirements"), in document order. */
  duplicates: Section[];
  /** Sections that repeat the first one: same facet at the same level (what SD011 reports). */
  repeats?: Section[];
  /** Set when the phase has no section but the document discusses it in place (trade-offs). */
  inline?: { line: number; text: string };
  /** Why the section counts as this phase, for the checklist's tooltip. */
  reason?: string;
  checks: SubCheck[];
}

export interface FrameworkChoice {
  framework: LoadedFramework;
  /** How it was chosen. */
  source: 'front-matter' | 'option' | 'setting' | 'detected' | 'default';
  reason: string;
}

// ---------------------------------------------------------------- estimates

/** A line handed to the estimator, already located by the parser. */
export interface EstimateSource {
  /** 0-based document line. */
  line: number;
  /** 0-based column where `text` starts on that line. */
  column: number;
  text: string;
  /** Inside an ```estimate fence: parse errors are reported. Elsewhere: silent on what it cannot read. */
  strict: boolean;
  /** The text of the list item this line's item is nested in (`20 million users` above `5 playlists per user`). */
  context?: string;
  /**
   * For a text joined from several lines (display math written over lines): where each line's piece
   * starts in `text`, and where it sits in the document. Ranges map through it, so fixes stay exact.
   */
  pieces?: Array<{ at: number; line: number; column: number }>;
}

// ---------------------------------------------------------------- settings

export type RuleSetting = Severity | 'off';

export interface EstimateSettings {
  daysPerMonth: number;
  daysPerYear: number;
  peakFactor: number;
  rpsPerServer: number;
  /** `≈`/`~` claims within this fraction are correct (0.15). */
  approxTolerance: number;
  /** `=` claims within this fraction are correct (0.01). */
  exactTolerance: number;
  /** Off by this factor or more is an error (2). */
  errorFactor: number;
}

export const DEFAULT_ESTIMATE_SETTINGS: EstimateSettings = {
  daysPerMonth: 30,
  daysPerYear: 365,
  peakFactor: 2,
  rpsPerServer: 1000,
  approxTolerance: 0.15,
  exactTolerance: 0.01,
  errorFactor: 2,
};

export interface AnalyzeOptions {
  /** Workspace-relative or absolute path, for recognition and messages. */
  path?: string;
  /** Framework forced by the caller (CLI `--framework`). Wins over everything. */
  framework?: string;
  /** Framework from settings, used when the document names none. */
  defaultFramework?: string;
  /** Per-rule severity override, keyed by code (SD001) or slug. */
  rules?: Record<string, RuleSetting>;
  /** Rule options by code (see rules/ruleOptions.ts); defaults where unset. */
  ruleOptions?: Record<string, Record<string, readonly string[]>>;
  estimate?: Partial<EstimateSettings>;
}

export type ClaimStatus = 'ok' | 'hint' | 'warning' | 'error';

export interface EstimateClaim {
  /** The claim as written, e.g. `600 writes per second`. */
  text: string;
  /** The relation before it: `=`, `≈`, `~`, `→`, `=>`. */
  relation: string;
  /** Claimed value in base units, null when it could not be read. */
  value: number | null;
  status: ClaimStatus;
  /** claimed ÷ computed, null when not comparable. */
  ratio: number | null;
  /** What to tell the author, e.g. `claimed 2 TB, computed 18.3 TB (-89%): per day vs per year?`. */
  message: string;
  /** Range of the claim text in the document. */
  range: Range;
  /** Replacement text suggested by the quick fix, e.g. `≈ 18 TB`. */
  suggestion?: string;
}

export interface EstimateLine {
  /** 0-based document line. */
  line: number;
  source: string;
  strict: boolean;
  /** Computed value in base units (bytes, seconds, per-second rates, dollars, counts). */
  value: number;
  /** Canonical unit of `value`, e.g. `B`, `B/s`, `/s`, `s`, `$`, `` for a plain count. */
  unit: string;
  /** Display text, e.g. `579 writes/s` or `12 servers (11.6)`. */
  display: string;
  /** Name assigned on this line (`DAU = 10M users`). */
  name?: string;
  claims: EstimateClaim[];
  /** How the line was read, step by step, for the hover. */
  steps: string[];
  /** Conventions applied, e.g. `86,400 = seconds per day`. */
  conventions: string[];
  /** Range of a `?` placeholder that the lens can fill in. */
  query?: Range;
}

export interface EstimateReport {
  lines: EstimateLine[];
  /** Parse errors in strict fences, wrong claims, ambiguity hints. */
  findings: Finding[];
  /** Named values in document order of definition. */
  names: Record<string, { value: number; unit: string; display: string; line: number }>;
  /** The headline numbers (DAU, request rate, storage, bandwidth, servers) the checklist and preview show. */
  capacity: CapacityItem[];
}

export interface CapacityItem {
  label: string;
  display: string;
  line: number;
}

// ---------------------------------------------------------------- rules and analysis

export interface RuleContext {
  doc: ParsedDocument;
  framework: LoadedFramework;
  phases: PhaseResult[];
  /** How the framework was chosen; a framework the author named is checked to the letter. */
  frameworkSource?: FrameworkChoice['source'];
  /** Rule options by code, as configured (rules read them with ruleOption()). */
  ruleOptions?: Record<string, Record<string, readonly string[]>>;
}

/** What a rule reports; the analyzer adds code, rule and the effective severity. */
export interface RuleFinding {
  message: string;
  range: Range;
  fix?: Fix;
  phaseId?: string;
  /** Replaces the rule's default severity for this one finding (e.g. missing trade-offs is an error);
   * a user's severity setting for the rule still wins. */
  severity?: Severity;
}

export interface RuleDef {
  /** Stable code, SD001... Never reused. */
  code: string;
  /** Kebab-case name, e.g. `missing-trade-offs`. */
  slug: string;
  /** One line, shown in `sysdesign rules` and in settings. */
  description: string;
  defaultSeverity: Severity;
  check(ctx: RuleContext): RuleFinding[];
}

export interface Analysis {
  document: ParsedDocument;
  choice: FrameworkChoice;
  phases: PhaseResult[];
  /** Lint, front-matter and estimate findings, after suppressions and severity settings. */
  findings: Finding[];
  estimates: EstimateReport;
}
