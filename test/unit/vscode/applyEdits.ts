// Applies core TextEdits to text, the way an editor would (edits must not overlap).
import type { Position, TextEdit } from '../../../src/core/types';

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((edit, index) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), edit, index }));
  // Back to front so earlier offsets stay valid; equal starts keep their given order.
  located.sort((a, b) => b.start - a.start || b.index - a.index);
  let out = text;
  for (const { start, end, edit } of located) out = out.slice(0, start) + edit.newText + out.slice(end);
  return out;
}
