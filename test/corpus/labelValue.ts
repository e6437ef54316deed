// Reads a label's "right value" (e.g. `1.16K writes/s`, `~18 TB`) into base units for comparison.
import { parseQuantity } from '../../src/core';

export function parseLabelValue(text: string): { value: number; unit: string } | undefined {
  const cleaned = text.replace(/^[~≈≃]\s*|^about\s+/i, '').replace(/\s*\(.*\)\s*$/, '').trim();
  const q = parseQuantity(cleaned);
  return q ? { value: q.value, unit: q.unit } : undefined;
}
