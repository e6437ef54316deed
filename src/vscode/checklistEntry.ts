// One row of the checklist view, as plain data: what the checklist model and the capacity rows both build.
export interface ChecklistIcon {
  /** Codicon id. */
  id: string;
  /** Theme colour id. */
  color?: string;
}

export interface ChecklistEntry {
  /** Stable id, so the tree keeps expansion state while the user types. */
  id: string;
  kind: 'framework' | 'phase' | 'check' | 'capacity' | 'capacity-item' | 'paused' | 'outline';
  label: string;
  description: string;
  /** Markdown tooltip. */
  tooltip: string;
  icon: ChecklistIcon;
  contextValue: string;
  /** 0-based line to reveal on click. */
  line?: number;
  phaseId?: string;
  children: ChecklistEntry[];
}
