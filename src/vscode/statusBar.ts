// Status bar item for the active design document: "7/9 phases", click opens the checklist.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { ActiveDesign, ActiveDocument } from './activeDocument';
import { pausedSummary, statusSummary } from './checklistModel';

export class PhaseStatusBar extends Disposable {
  private readonly item = vscode.window.createStatusBarItem('systemDesign.phases', vscode.StatusBarAlignment.Left, 50);

  constructor(active: ActiveDocument) {
    super();
    this.register(this.item);
    this.item.name = 'System Design Phases';
    this.item.command = { command: 'systemDesign.checklist.focus', title: 'Open Checklist' };
    this.update(active.value);
    this.register(active.onDidChange((value) => this.update(value)));
  }

  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private update(value: ActiveDesign | undefined): void {
    if (!value) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const summary = value.analysis ? statusSummary(value.analysis) : pausedSummary(value.paused);
    this.item.text = summary.text;
    const tooltip = new vscode.MarkdownString(summary.tooltip);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: summary.text.replace(/^\$\([^)]*\)\s*/, 'System Design: ') };
    this.visible = true;
    this.item.show();
  }
}
