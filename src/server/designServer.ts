// The language server's behaviour over any LSP connection (stdio on Node, a worker's messages on the web):
// diagnostics, quick fixes and fix-all, estimate lenses and hovers, document symbols and the checklist
// request, all read from one cached analysis per document version. I/O (config files, Mermaid) comes
// from the host.
// Types only: the runtime pieces (connection, document store) come from the entry of each platform.
import type {
  CodeAction,
  CodeActionParams,
  CodeLens,
  Connection,
  Diagnostic,
  DocumentSymbol,
  TextDocuments as Documents,
  Hover,
  InitializeResult,
  Range as LspRange,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { addDiagramFindings } from '../core/analyze';
import { CONFIG_CODES } from '../core/codeIds';
import { DEFAULT_MAX_DOCUMENT_SIZE_MB } from '../core/config/designConfig';
import { checklistSummary, type ChecklistSummary } from '../core/checklist/summary';
import { mermaidBlocks, type DiagramParser } from '../core/diagrams/diagramCheck';
import { analyzeForEditor, type EditorAnalysisInput } from '../core/editorAnalysis';
import { fillQuery } from '../core/estimate';
import { hoverMarkdown, lensTitle } from '../core/estimate/lensText';
import { planFixAll } from '../core/fixAllEdits';
import { fixFor, withFixes } from '../core/fixes';
import type { FrameworkRegistry } from '../core/frameworks/registry';
import { suppressInDocumentEdit } from '../core/suppressEdit';
import type { Analysis, CapacityItem, Finding, Range, RuleSetting, Section, Severity, TextEdit } from '../core/types';
import { CHECKLIST_REQUEST, FILL_ESTIMATE_COMMAND, FIX_ALL_KIND, SHOW_ESTIMATE_COMMAND, type ChecklistParams } from './protocol';

export const DIAGNOSTIC_SOURCE = 'System Design';

/** What the server needs from where it runs. */
export interface ServerHost {
  /** The analysis settings of the document at `uri`, from its project's config file. */
  settingsFor(uri: string): Promise<{ input: Omit<EditorAnalysisInput, 'dismissed' | 'force'>; registry: FrameworkRegistry; rules: Record<string, RuleSetting> }>;
  /** Forget cached config files and frameworks (a config file or a framework changed). */
  reload(): void;
  /** Mermaid's parser, loaded on first use; without it, diagrams go unchecked. */
  diagramParser?(): Promise<DiagramParser>;
  /** Where a code's documentation page is, for `codeDescription`. */
  codeDocsHref?(code: string): string | undefined;
  log?(message: string): void;
}

export interface ChecklistResult extends ChecklistSummary {
  capacity: CapacityItem[];
}

interface Cached {
  version: number;
  analysis: Promise<Analysis | undefined>;
}

/** Keystrokes closer together than this are analysed once. */
const DEBOUNCE_MS = 150;

const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

export class DesignServer {
  private readonly cache = new Map<string, Cached>();
  private canWatchFiles = false;
  /** Documents longer than this (in UTF-16 units, as the editor counts) are not analysed live. */
  private readonly maxChars = DEFAULT_MAX_DOCUMENT_SIZE_MB * 1024 * 1024;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents<TextDocument>,
    private readonly host: ServerHost,
  ) {
    connection.onInitialize((params) => {
      this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      return this.initialize();
    });
    connection.onInitialized(() => {
      // Config files and team frameworks live in .sysdesign folders: hear about their changes when the client can watch.
      if (this.canWatchFiles) {
        const registration = { id: 'sysdesign-config', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/.sysdesign/**' }] } };
        void connection.sendRequest('client/registerCapability', { registrations: [registration] }).catch(() => undefined);
      }
    });
    documents.onDidOpen((event) => this.schedule(event.document, 0));
    documents.onDidChangeContent((event) => this.schedule(event.document, DEBOUNCE_MS));
    documents.onDidClose((event) => this.forget(event.document.uri));
    connection.onDidChangeWatchedFiles(() => this.reloadAll());
    connection.onDidChangeConfiguration(() => this.reloadAll());
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onCodeLens(async ({ textDocument }) => this.codeLenses(textDocument.uri));
    connection.onHover(async ({ textDocument, position }) => this.hover(textDocument.uri, position.line, position.character));
    connection.onDocumentSymbol(async ({ textDocument }) => this.symbols(textDocument.uri));
    connection.onExecuteCommand(async ({ command, arguments: args }) => this.execute(command, args ?? []));
    connection.onRequest(CHECKLIST_REQUEST, (params: ChecklistParams) => this.checklist(params?.uri));
    documents.listen(connection);
  }

  private initialize(): InitializeResult {
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 /* incremental */ },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        executeCommandProvider: { commands: [FILL_ESTIMATE_COMMAND, SHOW_ESTIMATE_COMMAND] },
      },
      serverInfo: { name: 'sysdesign' },
    };
  }

  // ------------------------------------------------------------------ analysis

  /** The analysis of the document's current text; analysed now when the cached one is older. */
  analysisOf(uri: string): Promise<Analysis | undefined> {
    const document = this.documents.get(uri);
    if (!document) return Promise.resolve(undefined);
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return cached.analysis;
    return this.analyze(document);
  }

  private schedule(document: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.publish(document.uri);
      }, delay),
    );
  }

  private analyze(document: TextDocument): Promise<Analysis | undefined> {
    const analysis = (async () => {
      const text = document.getText();
      // Too large to analyse on every keystroke: one notice instead (see publish).
      if (text.length > this.maxChars) return undefined;
      const { input, registry } = await this.host.settingsFor(document.uri);
      return analyzeForEditor(text, { ...input, dismissed: false, force: false }, registry).analysis;
    })().catch((error: unknown) => {
      this.host.log?.(`analysis of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    });
    this.cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** Publishes the findings; then, when the document has diagrams, again with Mermaid's verdicts. */
  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const analysis = await this.analysisOf(uri);
    if (this.documents.get(uri)?.version !== version) return;
    const paused = !analysis && document.getText().length > this.maxChars ? [this.pausedDiagnostic(document)] : [];
    await this.connection.sendDiagnostics({ uri, version, diagnostics: analysis ? analysis.findings.map((f) => this.toDiagnostic(f)) : paused });
    if (!analysis || !this.host.diagramParser || mermaidBlocks(analysis.document).length === 0) return;
    try {
      const { rules } = await this.host.settingsFor(uri);
      const withDiagrams = await addDiagramFindings(analysis, await this.host.diagramParser(), rules);
      if (withDiagrams === analysis || this.documents.get(uri)?.version !== version) return;
      // Later requests (code actions, the checklist) read the analysis that includes the diagrams.
      this.cache.set(uri, { version, analysis: Promise.resolve(withDiagrams) });
      await this.connection.sendDiagnostics({ uri, version, diagnostics: withDiagrams.findings.map((f) => this.toDiagnostic(f)) });
    } catch (error) {
      this.host.log?.(`diagram check of ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The one entry a document over the size limit gets (SD190, like the editor's). */
  private pausedDiagnostic(document: TextDocument): Diagnostic {
    const mb = (document.getText().length / (1024 * 1024)).toFixed(1);
    const href = this.host.codeDocsHref?.(CONFIG_CODES.analysisPaused.code);
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      code: CONFIG_CODES.analysisPaused.code,
      ...(href ? { codeDescription: { href } } : {}),
      source: DIAGNOSTIC_SOURCE,
      message: `System Design analysis paused: this document is ${mb} MB, larger than the language server analyses as you type (${this.maxChars / (1024 * 1024)} MB). \`sysdesign check\` still checks it.`,
    };
  }

  private forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.cache.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private reloadAll(): void {
    this.host.reload();
    this.cache.clear();
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  private toDiagnostic(finding: Finding): Diagnostic {
    const href = this.host.codeDocsHref?.(finding.code);
    return {
      range: finding.range,
      severity: LSP_SEVERITY[finding.severity],
      code: finding.code,
      ...(href ? { codeDescription: { href } } : {}),
      source: DIAGNOSTIC_SOURCE,
      message: finding.message,
    };
  }

  // ------------------------------------------------------------------ features

  private async codeActions({ textDocument, range, context }: CodeActionParams): Promise<CodeAction[]> {
    const uri = textDocument.uri;
    const analysis = await this.analysisOf(uri);
    if (!analysis) return [];
    const only = context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const fixAll = (): CodeAction | undefined => {
      const plan = planFixAll(withFixes(analysis));
      if (plan.applied.length === 0) return undefined;
      return { title: 'Fix all System Design problems', kind: FIX_ALL_KIND, edit: workspaceEdit(uri, plan.edits) };
    };
    if (wants('quickfix')) {
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      let fixable = 0;
      for (const finding of analysis.findings) {
        const fix = fixFor(analysis, finding);
        if (!fix) continue;
        fixable++;
        if (!intersects(finding.range, range)) continue;
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: ours.filter((d) => d.code === finding.code && d.message === finding.message && sameRange(d.range, finding.range)),
          isPreferred: true,
          edit: workspaceEdit(uri, fix.edits),
        });
      }
      // Offered after the fixes: ignoring a rule is a choice, never the default.
      const ignored = new Set<string>();
      for (const diagnostic of ours) {
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        if (!code || ignored.has(code) || !intersects(diagnostic.range, range)) continue;
        ignored.add(code);
        actions.push({
          title: `Ignore ${code} in this document`,
          kind: 'quickfix',
          diagnostics: ours.filter((d) => d.code === code),
          edit: workspaceEdit(uri, [suppressInDocumentEdit(analysis.document, code, eolOf(analysis.document.text))]),
        });
      }
      if (fixable > 1) {
        const all = fixAll();
        if (all) actions.push({ ...all, kind: 'quickfix' });
      }
    }
    if (only && wants(FIX_ALL_KIND) && only.some((k) => FIX_ALL_KIND.startsWith(k) && k !== '')) {
      const all = fixAll();
      if (all) actions.push(all);
    }
    return actions;
  }

  private async codeLenses(uri: string): Promise<CodeLens[]> {
    // With estimates turned off, the analysis carries no estimate lines.
    const analysis = await this.analysisOf(uri);
    if (!analysis) return [];
    return analysis.estimates.lines.map((line) => {
      const range = { start: { line: line.line, character: 0 }, end: { line: line.line, character: 0 } };
      const title = lensTitle(line);
      return line.query
        ? { range, command: { title, command: FILL_ESTIMATE_COMMAND, arguments: [uri, line.line] } }
        : { range, command: { title, command: SHOW_ESTIMATE_COMMAND, arguments: [uri, line.line] } };
    });
  }

  private async hover(uri: string, line: number, character: number): Promise<Hover | null> {
    const analysis = await this.analysisOf(uri);
    const estimate = analysis?.estimates.lines.find((candidate) => candidate.line === line);
    if (!analysis || !estimate) return null;
    const text = analysis.document.lines[line] ?? '';
    if (character < text.length - text.trimStart().length) return null;
    return { contents: { kind: 'markdown', value: hoverMarkdown(estimate) }, range: { start: { line, character: 0 }, end: { line, character: text.length } } };
  }

  private async symbols(uri: string): Promise<DocumentSymbol[]> {
    const analysis = await this.analysisOf(uri);
    if (!analysis) return [];
    const phaseAt = new Map<number, string>();
    for (const result of analysis.phases) if (result.status !== 'missing' && result.line !== undefined) phaseAt.set(result.line, result.phase.title);
    const lines = analysis.document.lines;
    const toSymbol = (section: Section): DocumentSymbol => {
      const last = Math.max(section.line, section.endLine - 1);
      return {
        name: section.title || '(untitled)',
        // The phase a heading counts as, when its words differ ("Back of the envelope": Capacity estimation).
        ...(phaseAt.has(section.line) && phaseAt.get(section.line)?.toLowerCase() !== section.title.toLowerCase() ? { detail: phaseAt.get(section.line) } : {}),
        kind: 15 /* String: what Markdown servers use for headings */,
        range: { start: { line: section.line, character: 0 }, end: { line: last, character: lines[last]?.length ?? 0 } },
        selectionRange: section.headingRange,
        children: section.children.map(toSymbol),
      };
    };
    return analysis.document.root.children.map(toSymbol);
  }

  private async checklist(uri: unknown): Promise<ChecklistResult | null> {
    if (typeof uri !== 'string') return null;
    const analysis = await this.analysisOf(uri);
    return analysis ? { ...checklistSummary(analysis), capacity: analysis.estimates.capacity } : null;
  }

  private async execute(command: string, args: unknown[]): Promise<unknown> {
    const [uri, line] = args;
    if (typeof uri !== 'string' || typeof line !== 'number') return null;
    if (command === FILL_ESTIMATE_COMMAND) {
      const analysis = await this.analysisOf(uri);
      const estimate = analysis?.estimates.lines.find((candidate) => candidate.line === line && candidate.query);
      const edit = estimate && fillQuery(estimate);
      if (!edit) {
        void this.connection.window.showInformationMessage('System Design: no "?" to fill in on this line.');
        return false;
      }
      const result = await this.connection.workspace.applyEdit({ label: 'Fill in estimate', edit: workspaceEdit(uri, [edit]) });
      return result.applied;
    }
    if (command === SHOW_ESTIMATE_COMMAND) {
      // The lens already shows the value; its hover holds the steps. Put the cursor there when the client can.
      await this.connection.window.showDocument({ uri, selection: { start: { line, character: 0 }, end: { line, character: 0 } } }).catch(() => undefined);
      return true;
    }
    return null;
  }
}

function workspaceEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Touching counts: a cursor at either end of a finding asks about it. */
function intersects(a: Range | LspRange, b: Range | LspRange): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: LspRange, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
