// Reads a label's "right value" (e.g. `1.16K writes/s`, `~18 TB (line 73)`) into base units for comparison.
import { parseQuantity } from '../../src/core';

/** The first quantity of the text: labels often go on to explain it ("2 PB/day (20 billion x 100 KB); …"). */
export function parseLabelValue(text: string): { value: number; unit: string } | undefined {
  const cleaned = text.replace(/^\s*(?:[~≈≃]|about|ca\.?|roughly)\s*/i, '');
  const head = /^[\d.,]+\s*(?:[KMBT]|million|billion|thousand)?\s*[A-Za-z]*(?:\/[A-Za-z]+)?/.exec(cleaned)?.[0];
  for (const candidate of [cleaned.split(/[(;]/)[0].trim(), head]) {
    if (!candidate) continue;
    const q = parseQuantity(candidate.trim());
    if (q) return { value: q.value, unit: q.unit };
  }
  return undefined;
}
