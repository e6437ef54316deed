// Output of `sysdesign estimate`: each evaluated line with its value and how its claims fare.
import type { ClaimStatus, EstimateLine, Finding } from '../../core/types';
import { colors as makeColors, padEnd, padStart, type Colors } from './color';

export interface EstimateLineJson {
  /** 1-based document line. */
  line: number;
  source: string;
  value: number;
  unit: string;
  display: string;
  claims: Array<{ text: string; value: number | null; status: ClaimStatus; ratio: number | null; message: string }>;
}

export function toEstimateJson(lines: EstimateLine[]): EstimateLineJson[] {
  return lines.map((line) => ({
    line: line.line + 1,
    source: line.source,
    value: line.value,
    unit: line.unit,
    display: line.display,
    claims: line.claims.map((claim) => ({
      text: claim.text,
      value: claim.value,
      status: claim.status,
      ratio: claim.ratio,
      message: claim.message,
    })),
  }));
}

/** A claim is wrong when it is off by more than the tolerance (warning) or by the error factor. */
export function isWrongClaim(status: ClaimStatus): boolean {
  return status === 'warning' || status === 'error';
}

/** `line  display  ✓ claim` rows; `problems` are estimate findings not tied to an evaluated line. */
export function formatEstimateText(path: string, lines: EstimateLine[], problems: Finding[], useColor: boolean): string {
  const c = makeColors(useColor);
  const out = [c.underline(path)];
  const lineWidth = Math.max(4, ...lines.map((l) => String(l.line + 1).length));
  const displayWidth = Math.max(0, ...lines.map((l) => l.display.length));
  const rows: Array<{ line: number; text: string }> = [];
  for (const line of lines) {
    const claims = line.claims.map((claim) => formatClaim(claim.status, claim.text, claim.message, c));
    const source = c.dim(line.source.trim());
    rows.push({
      line: line.line,
      text:
        `  ${padStart(String(line.line + 1), lineWidth)}  ${padEnd(line.display, displayWidth)}  ` +
        (claims.length > 0 ? claims.join('  ') : source),
    });
  }
  for (const problem of problems) {
    const line = problem.range.start.line;
    rows.push({ line, text: `  ${padStart(String(line + 1), lineWidth)}  ${c.red('✗')} ${problem.message}` });
  }
  // Stable sort: a line's value row stays before any problem on the same line.
  rows.sort((a, b) => a.line - b.line);
  out.push(...rows.map((row) => row.text));

  const claims = lines.flatMap((l) => l.claims);
  const wrong = claims.filter((claim) => isWrongClaim(claim.status)).length;
  const unreadable = problems.length > 0 ? `, ${problems.length} not readable` : '';
  const summary = `${lines.length} lines evaluated, ${claims.length} claims, ${wrong} wrong${unreadable}`;
  out.push('', wrong > 0 || problems.length > 0 ? c.red(`✖ ${summary}`) : c.green(`✔ ${summary}`));
  return out.join('\n') + '\n';
}

function formatClaim(status: ClaimStatus, text: string, message: string, c: Colors): string {
  if (status === 'ok') return `${c.green('✓')} ${text}`;
  if (status === 'hint') return `${c.cyan('~')} ${text}${message ? c.dim(` (${message})`) : ''}`;
  const mark = status === 'error' ? c.red('✗') : c.yellow('✗');
  return `${mark} ${text}${message ? ` — ${message}` : ''}`;
}
