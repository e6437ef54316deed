// Analyses open Markdown documents: one cached Analysis per URI+version, debounced while typing.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { EditorAnalysisInput } from '../core/editorAnalysis';
import { inProcessAnalysis } from './loadInProcessAnalysis';
import { isDesignText } from '../core/recognize';
import type { Analysis } from '../core/types';
import { SUPERSEDED, type AnalysisWorkerClient } from './analysisWorkerClient';
import { pausedFor, RECOGNITION_HEAD_CHARS, sizeVerdict, type PausedInfo, type SizeVerdict } from './documentSize';
import type { ProjectConfigs } from './projectConfig';
import { affectsSettings, readSettings, type DesignSettings } from './settings';
import type { WorkspaceFrameworks } from './workspaceFrameworks';

/** Long enough to skip keystrokes, short enough to feel live. */
export const TYPING_DEBOUNCE_MS = 300;

/** What one run found for one version of a document, with the settings it ran with (resolved once per run). */
export type DocumentAnalysis =
  | { kind: 'analysed'; analysis: Analysis; settings: DesignSettings }
  | { kind: 'paused'; paused: PausedInfo; settings: DesignSettings }
  | { kind: 'not-design'; settings?: DesignSettings };

export const NOT_DESIGN: DocumentAnalysis = { kind: 'not-design' };

export interface AnalysisEvent {
  document: vscode.TextDocument;
  result: DocumentAnalysis;
}

/** The analysis in a result, when there is one. */
export function analysisOf(result: DocumentAnalysis | undefined): Analysis | undefined {
  return result?.kind === 'analysed' ? result.analysis : undefined;
}

/** Why a design document was not analysed (too large), when it was not. */
export function pausedOf(result: DocumentAnalysis | undefined): PausedInfo | undefined {
  return result?.kind === 'paused' ? result.paused : undefined;
}

interface CacheEntry {
  version: number;
  generation: number;
  result: DocumentAnalysis;
}

/** Analyses of documents taken for design documents by their outline alone → why (the checklist offers to confirm). */
const byOutline = new WeakMap<Analysis, string>();

/** Why a document that nothing marks is analysed (its outline), or undefined for a marked one. */
export function outlineReason(analysis: Analysis): string | undefined {
  return byOutline.get(analysis);
}

export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

/** Path used for glob recognition: relative to the document's workspace folder. */
export function recognitionPath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (uri.path.startsWith(base)) return uri.path.slice(base.length);
  }
  return uri.scheme === 'untitled' ? '' : uri.path.replace(/^\//, '');
}

export class AnalysisService extends Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, vscode.CancellationTokenSource>();
  private readonly inFlight = new Map<string, { version: number; generation: number; promise: Promise<Analysis | undefined> }>();
  private readonly emitter = new vscode.EventEmitter<AnalysisEvent>();
  /** Bumped when settings or frameworks change: every cached result is stale. */
  private generation = 0;

  readonly onDidAnalyze = this.emitter.event;

  /**
   * `dismissed(uri)`: the user said this file is not a design document, whatever its outline.
   * `worker`: where analyses run off the host's thread; without one they run in-process.
   */
  constructor(
    private readonly frameworks: WorkspaceFrameworks,
    private readonly dismissed: (uri: vscode.Uri) => boolean = () => false,
    private readonly worker?: AnalysisWorkerClient,
    private readonly configs?: ProjectConfigs,
  ) {
    super();
    this.register(this.emitter);
    if (configs) this.register(configs.onDidChange(() => this.invalidateAll()));
    this.register(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, TYPING_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSettings(event)) this.invalidateAll();
      }),
      frameworks.onDidChange(() => this.invalidateAll()),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The current version's result, when a run for it (and for the current settings) has finished. */
  state(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const entry = this.cache.get(document.uri.toString());
    return entry && entry.version === document.version && entry.generation === this.generation ? entry.result : undefined;
  }

  /** The cached analysis when it matches the document's current version. */
  peek(document: vscode.TextDocument): Analysis | undefined {
    return analysisOf(this.state(document));
  }

  /** Whether the cached result is current (an undefined `peek` then means "not a design document"). */
  isFresh(document: vscode.TextDocument): boolean {
    return this.state(document) !== undefined;
  }

  /** Why a current design document is not analysed (too large), if it is not. */
  pausedState(document: vscode.TextDocument): PausedInfo | undefined {
    return pausedOf(this.state(document));
  }

  /** The settings the current result was made with; read afresh when there is none yet. */
  settingsFor(document: vscode.TextDocument): DesignSettings {
    return this.state(document)?.settings ?? readSettings(document.uri);
  }

  /** Analyses now (commands and providers need an answer, not a debounce). */
  async analyze(document: vscode.TextDocument): Promise<Analysis | undefined> {
    // A run is dropped when the document changes under it; try again rather than answer for an old version.
    for (let attempt = 0; attempt < 3 && !this.isFresh(document) && !document.isClosed; attempt++) await this.run(document);
    return this.peek(document);
  }

  /** `maxDocumentSizeMB` for a text of `length` at `uri`; `head` (its start) is read only when it is over. */
  checkSize(uri: vscode.Uri, length: number, head: () => string, settings = readSettings(uri)): SizeVerdict {
    const isDesignHead = () => isDesignText(head().slice(0, RECOGNITION_HEAD_CHARS), recognitionPath(uri), settings.files).designDoc;
    return sizeVerdict(length, settings.maxDocumentSizeMB, isDesignHead);
  }

  /** Set when a text of this length is over the size limit, design document or not (forced analyses check it). */
  pausedBySize(uri: vscode.Uri, length: number): PausedInfo | undefined {
    return pausedFor(length, readSettings(uri).maxDocumentSizeMB);
  }

  /** Analyses text that is not open in an editor (workspace check). */
  async analyzeText(uri: vscode.Uri, text: string, force = false): Promise<Analysis | undefined> {
    await this.configs?.ready(uri);
    const settings = readSettings(uri);
    // Another request for the same text took this one's place in the worker's line: ask again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const answer = await this.analyzeOrSuperseded(uri, text, force, settings);
      if (answer !== SUPERSEDED) return answer;
    }
    return undefined;
  }

  private async analyzeOrSuperseded(uri: vscode.Uri, text: string, force: boolean, settings: DesignSettings): Promise<Analysis | undefined | typeof SUPERSEDED> {
    const input: EditorAnalysisInput = {
      path: recognitionPath(uri),
      files: settings.files,
      ignore: settings.ignore,
      framework: settings.framework,
      rules: settings.rules,
      ruleOptions: settings.ruleOptions,
      estimatesEnabled: settings.estimates.enabled,
      estimateSettings: settings.estimates.settings,
      recognizeByOutline: settings.recognizeByOutline,
      dismissed: this.dismissed(uri),
      force,
    };
    const registry = await this.frameworks.registryFor(uri);
    const answer = this.worker ? await this.worker.analyze(`${uri.toString()}|${force}`, text, input, registry) : inProcessAnalysis().analyzeForEditor(text, input, registry);
    if (answer === SUPERSEDED) return SUPERSEDED;
    if (answer.analysis && answer.outline) byOutline.set(answer.analysis, answer.outline);
    return answer.analysis;
  }

  /** Analyses a document again now (after the user confirmed or dismissed what its outline suggested). */
  refresh(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
    this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isMarkdown(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.running.get(key)?.cancel();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document);
      }, delay),
    );
  }

  /** Runs for one version of a document (and settings generation) are shared: providers ask at the same time. */
  private run(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    const current = this.inFlight.get(key);
    if (current && current.version === document.version && current.generation === this.generation) {
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      return current.promise;
    }
    const promise = this.runNow(document).finally(() => {
      if (this.inFlight.get(key)?.promise === promise) this.inFlight.delete(key);
    });
    this.inFlight.set(key, { version: document.version, generation: this.generation, promise });
    return promise;
  }

  private async runNow(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.running.set(key, source);
    const version = document.version;
    const generation = this.generation;
    try {
      const { result, superseded } = isMarkdown(document) ? await this.analyzeOpen(document) : { result: NOT_DESIGN, superseded: false };
      // A newer edit, a close or a settings change made this result stale: drop it.
      if (superseded || source.token.isCancellationRequested || document.isClosed || document.version !== version || generation !== this.generation) {
        return this.peek(document);
      }
      this.cache.set(key, { version, generation, result });
      this.emitter.fire({ document, result });
      return analysisOf(result);
    } finally {
      if (this.running.get(key) === source) this.running.delete(key);
      source.dispose();
    }
  }

  /** An open document, unless it is a design document over `maxDocumentSizeMB` (that one is only recognised). */
  private async analyzeOpen(document: vscode.TextDocument): Promise<{ result: DocumentAnalysis; superseded?: boolean }> {
    await this.configs?.ready(document.uri);
    // Settings are read once per run; every surface gets them with the result.
    const settings = readSettings(document.uri);
    const text = document.getText();
    const verdict = this.checkSize(document.uri, text.length, () => text, settings);
    if (verdict.kind === 'paused') return { result: { kind: 'paused', paused: verdict.paused, settings } };
    if (verdict.kind !== 'analyse') return { result: { kind: 'not-design', settings } };
    const analysis = await this.analyzeOrSuperseded(document.uri, text, false, settings);
    // A newer version of this document took this one's place: its own run reports.
    if (analysis === SUPERSEDED) return { result: NOT_DESIGN, superseded: true };
    return { result: analysis ? { kind: 'analysed', analysis, settings } : { kind: 'not-design', settings } };
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    this.cache.delete(key);
    if (isMarkdown(document)) this.emitter.fire({ document, result: NOT_DESIGN });
  }

  /**
   * The worker learned diagram verdicts: analyse the open documents that have Mermaid diagrams again.
   * One the user is typing in already waits for its debounced run, which will carry them.
   */
  refreshDiagrams(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.timers.has(document.uri.toString()) || !isMarkdown(document) || !document.getText().includes('```mermaid')) continue;
      this.schedule(document, 0);
    }
  }

  /** Settings or frameworks changed: re-analyse every open Markdown document. */
  invalidateAll(): void {
    this.generation++;
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  override dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const source of this.running.values()) source.cancel();
    this.timers.clear();
    this.cache.clear();
    super.dispose();
  }
}
