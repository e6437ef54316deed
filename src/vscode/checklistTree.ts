// The "Checklist" view: the active design document's framework, phases and their sub-checks.
import * as vscode from 'vscode';
import type { ActiveDesign, ActiveDocument } from './activeDocument';
import { outlineReason } from './analysisService';
import { checklistEntries, pausedEntries, type ChecklistEntry } from './checklistModel';

export const CHECKLIST_VIEW = 'systemDesign.checklist';
export const REVEAL_COMMAND = 'systemDesign.checklist.reveal';

export class ChecklistTreeProvider implements vscode.TreeDataProvider<ChecklistEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private entries: ChecklistEntry[] = [];
  private uri: vscode.Uri | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(active: ActiveDocument) {
    this.update(active.value);
    this.disposables.push(active.onDidChange((value) => this.update(value)));
  }

  /** Current top-level entries (the extension API hands these to tests). */
  get items(): readonly ChecklistEntry[] {
    return this.entries;
  }

  get documentUri(): vscode.Uri | undefined {
    return this.uri;
  }

  private update(value: ActiveDesign | undefined): void {
    this.entries = !value
      ? []
      : value.analysis
        ? checklistEntries(value.analysis, outlineReason(value.analysis))
        : pausedEntries(value.paused);
    this.uri = value?.document.uri;
    this.changed.fire();
  }

  getChildren(element?: ChecklistEntry): ChecklistEntry[] {
    return element ? element.children : this.entries;
  }

  getTreeItem(entry: ChecklistEntry): vscode.TreeItem {
    // Open only where there is something to act on: a written phase with unmet checks. An empty phase's
    // checks are all unmet by definition, so listing them open is noise.
    const collapsible =
      entry.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : entry.contextValue === 'phase.present' && entry.children.some((child) => child.contextValue === 'check.missing')
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(entry.label, collapsible);
    // The document is part of the id: expansion state must not leak between documents.
    item.id = `${this.uri?.toString() ?? ''}#${entry.id}`;
    item.description = entry.description;
    const tooltip = new vscode.MarkdownString(entry.tooltip);
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(entry.icon.id, entry.icon.color ? new vscode.ThemeColor(entry.icon.color) : undefined);
    item.contextValue = entry.contextValue;
    item.accessibilityInformation = { label: `${entry.label}, ${entry.description}` };
    if (this.uri && entry.line !== undefined) {
      item.command = { command: REVEAL_COMMAND, title: 'Go to Section', arguments: [this.uri, entry.line] };
    }
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Selects the line and scrolls it into view, opening the document if needed. */
export async function revealLine(uri: vscode.Uri, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const target = Math.max(0, Math.min(line, document.lineCount - 1));
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  const end = document.lineAt(target).range.end;
  editor.selection = new vscode.Selection(target, 0, target, end.character);
  editor.revealRange(new vscode.Range(target, 0, target, end.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
