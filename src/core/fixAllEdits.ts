// Picks the fixes that can be applied together: whole fixes only, none overlapping another.
import type { Finding, Fix, Position, Range, TextEdit } from './types';

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Touching ranges are fine; insertions at the same point are fine unless one replaces text around it. */
function overlaps(a: Range, b: Range): boolean {
  const aEmpty = compare(a.start, a.end) === 0;
  const bEmpty = compare(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return false;
  if (aEmpty) return compare(b.start, a.start) < 0 && compare(a.start, b.end) < 0;
  if (bEmpty) return compare(a.start, b.start) < 0 && compare(b.start, a.end) < 0;
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

export interface FixPlan {
  edits: TextEdit[];
  applied: Fix[];
  skipped: Fix[];
}

/**
 * Fixes are taken in document order; one that overlaps an already accepted edit is skipped
 * (the next run picks it up). Identical fixes (same edits) are applied once.
 */
export function planFixAll(findings: readonly Finding[]): FixPlan {
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const seen = new Set<string>();
  const fixes = findings.map((finding) => finding.fix).filter((fix): fix is Fix => !!fix && fix.edits.length > 0);
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    const clash = fix.edits.some((edit, i) =>
      accepted.some((other) => overlaps(edit.range, other.range)) ||
      fix.edits.some((own, j) => j !== i && overlaps(edit.range, own.range)),
    );
    if (clash) {
      skipped.push(fix);
      continue;
    }
    accepted.push(...fix.edits);
    applied.push(fix);
  }
  accepted.sort((a, b) => compare(a.range.start, b.range.start));
  return { edits: accepted, applied, skipped };
}
