// The checklist's "Capacity" node: headline numbers from the estimates (no `vscode`, so it can be unit-tested).
import type { Analysis } from '../../core/types';
import type { ChecklistEntry } from '../checklistEntry';
import { escapeMarkdown } from '../../core/textEscapes';

/** Nothing when the document names no DAU, rate, storage, bandwidth or server count. */
export function capacityEntries(analysis: Analysis): ChecklistEntry[] {
  // Worked out by the core with the rest of the estimate report (with the run's daysPerYear).
  const items = analysis.estimates.capacity;
  if (items.length === 0) return [];
  const children: ChecklistEntry[] = items.map((item) => ({
    id: `capacity:${item.label}`,
    kind: 'capacity-item',
    label: item.label,
    description: item.display,
    tooltip: `${escapeMarkdown(item.label)}: ${escapeMarkdown(item.display)}, defined on line ${item.line + 1}.`,
    icon: { id: 'symbol-number' },
    contextValue: 'capacity.item',
    line: item.line,
    children: [],
  }));
  return [
    {
      id: 'capacity',
      kind: 'capacity',
      label: 'Capacity',
      description: items.map((item) => item.display).slice(0, 2).join(' · '),
      tooltip: 'Headline numbers from the checked estimates. Click one to go to the line that defines it.',
      icon: { id: 'dashboard' },
      contextValue: 'capacity',
      children,
    },
  ];
}
