// The text of an estimate line's code lens and hover, as plain strings: the editor, the language server and tests share it.
import { escapeMarkdown } from '../textEscapes';
import type { EstimateClaim, EstimateLine } from '../types';

/** `+3.7%`, `-89%`: the claim against the computed value, as the engine's messages put it; none when spot on. */
export function percentOff(ratio: number | null): string | undefined {
  if (ratio === null || !Number.isFinite(ratio)) return undefined;
  const pct = (ratio - 1) * 100;
  const digits = Math.abs(pct) < 10 ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return undefined; // a spot-on claim needs no figure
  return `${pct > 0 ? '+' : '-'}${text}%`;
}

/** A claim written in LaTeX (`11574 \space requests/second`, `\text{ GB}`) as the words it says. */
export function plainClaim(text: string): string {
  if (!/[\\${}]/.test(text)) return text;
  return text
    .replace(/\\(?:text|mathrm|textrm|mbox|mathbf)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:space|quad|qquad)\b|\\[,;:! ]/g, ' ')
    .replace(/\\(?:sim|approx)\b/g, '~')
    .replace(/[{}$]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The claim without the unit words it shares with the computed value (`600 writes/s` beside `579 writes/s` → `600`). */
function shortClaim(claim: EstimateClaim, display: string): string {
  const text = plainClaim(claim.text);
  const space = display.indexOf(' ');
  if (space < 0) return text;
  const unit = display.slice(space);
  return text.endsWith(unit) && text.length > unit.length ? text.slice(0, -unit.length) : text;
}

function claimVerdict(claim: EstimateClaim, display: string): string {
  const off = percentOff(claim.ratio);
  if (claim.status === 'ok') return `✓ ${shortClaim(claim, display)}${off ? ` (${off})` : ''}`;
  if (claim.status === 'hint') return `✓ ${shortClaim(claim, display)}${off ? ` (${off})` : ''}, write ≈`;
  return `✗ claimed ${plainClaim(claim.text)}`;
}

/** `= 579 writes/s ✓ 600 (+3.7%)`, `= 18.3 TB ✗ claimed 2 TB`, `= 24K/s  fill in ?`. */
export function lensTitle(line: EstimateLine): string {
  const parts = [`= ${line.display}`, ...line.claims.map((claim) => claimVerdict(claim, line.display))];
  const title = parts.join(' ');
  return line.query ? `${title}  fill in ?` : title;
}

/** The claim a click should show: the first wrong one, else none. */
export function wrongClaim(line: EstimateLine): EstimateClaim | undefined {
  return line.claims.find((claim) => claim.status === 'warning' || claim.status === 'error');
}


/** A fenced block that no backtick run inside `text` can close early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

const STATUS_WORD: Record<EstimateClaim['status'], string> = {
  ok: '✓ correct',
  hint: '✓ close enough, but an exact `=` suits it less than `≈`',
  warning: '✗ off',
  error: '✗ wrong',
};

/** Markdown for the hover: the line as read, each step, the conventions applied and each claim's verdict. */
export function hoverMarkdown(line: EstimateLine): string {
  const out: string[] = [];
  out.push(`**Estimate:** ${escapeMarkdown(line.display)}${line.name ? ` — defines **${escapeMarkdown(line.name)}**` : ''}`);
  out.push(`Read ${line.strict ? 'from the estimate block' : 'from prose'}:\n\n${fenced(line.source)}`);
  // Claim steps repeat the verdicts listed below; keep the arithmetic only.
  const claimSteps = new Set(line.claims.map((claim) => `${claim.relation} ${claim.text}: ${claim.message}`));
  const steps = line.steps.filter((step) => !claimSteps.has(step));
  if (steps.length > 0) out.push(`**Steps**\n\n${steps.map((step, i) => `${i + 1}. ${escapeMarkdown(step)}`).join('\n')}`);
  else out.push('**Steps**\n\nA value as written; nothing to compute.');
  if (line.conventions.length > 0) out.push(`**Conventions**\n\n${line.conventions.map((c) => `- ${escapeMarkdown(c)}`).join('\n')}`);
  if (line.claims.length > 0) {
    const claims = line.claims.map((claim) => {
      const fix = claim.suggestion && claim.status !== 'ok' ? ` Quick fix: replace with ${escapeMarkdown(claim.suggestion)}.` : '';
      return `- ${escapeMarkdown(`${claim.relation} ${claim.text}`)}: ${STATUS_WORD[claim.status]} — ${escapeMarkdown(claim.message)}.${fix}`;
    });
    out.push(`**Claims**\n\n${claims.join('\n')}`);
  }
  if (line.query) out.push('Click the lens above the line to fill in the `?`.');
  return out.join('\n\n');
}
