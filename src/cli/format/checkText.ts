// ESLint "stylish"-like text for `sysdesign check`: findings per file, the phase checklist, a total.
import type { Severity } from '../../core/types';
import type { CheckResult, FileResult, PhaseSummary } from './checkResult';
import { colors as makeColors, padEnd, padStart, type Colors } from './color';

export function formatCheckText(result: CheckResult, useColor: boolean): string {
  const c = makeColors(useColor);
  const out: string[] = [];
  for (const file of result.files) out.push(...formatFile(file, c), '');
  out.push(formatTotal(result, c));
  return out.join('\n') + '\n';
}

function formatFile(file: FileResult, c: Colors): string[] {
  const lines = [c.underline(file.path)];
  const rows = file.diagnostics.map((d) => ({
    where: `${d.line}:${d.column}`,
    severity: d.severity,
    message: d.message.replace(/\s*\n\s*/g, ' '),
    code: d.code,
  }));
  const whereWidth = Math.max(0, ...rows.map((r) => r.where.length));
  const severityWidth = Math.max(0, ...rows.map((r) => r.severity.length));
  const messageWidth = Math.max(0, ...rows.map((r) => r.message.length));
  for (const row of rows) {
    lines.push(
      `  ${c.dim(padStart(row.where, whereWidth))}  ${padEnd(paintSeverity(row.severity, c), severityWidth)}  ` +
        `${padEnd(row.message, messageWidth)}  ${c.dim(row.code)}`,
    );
  }
  lines.push(`  ${formatFramework(file, c)}`, `  ${formatChecklist(file.phases, c)}`);
  if (file.outline) lines.push(`  ${c.dim(`Checked because ${file.outline}; its findings are notes until the file is marked (sysdesign: front matter)`)}`);
  return lines;
}

function formatFramework(file: FileResult, c: Colors): string {
  const { title, source, reason } = file.framework;
  // The core's reason already says how it was chosen ("detected: headings match ...").
  const why = reason || source;
  return `Framework: ${c.bold(title)} ${c.dim(`(${why})`)}`;
}

export function formatChecklist(phases: PhaseSummary[], c: Colors): string {
  const present = phases.filter((p) => p.status === 'present').length;
  const marks = phases.map((p) => {
    const optional = p.required ? '' : ', optional';
    if (p.status === 'present') return `${c.green('✓')} ${p.title}`;
    if (p.status === 'empty') return `${c.yellow('○')} ${p.title} ${c.dim(`(empty${optional})`)}`;
    return `${p.required ? c.red('✗') : c.dim('✗')} ${p.title} ${c.dim(`(missing${optional})`)}`;
  });
  return `Phases ${present}/${phases.length} present: ${marks.join('  ')}`;
}

function paintSeverity(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red(severity);
  if (severity === 'warning') return c.yellow(severity);
  return c.cyan(severity);
}

function formatTotal(result: CheckResult, c: Colors): string {
  const { errors, warnings, files } = result.summary;
  const notes = result.files.reduce(
    (n, f) => n + f.diagnostics.filter((d) => d.severity === 'info' || d.severity === 'hint').length,
    0,
  );
  const noteText = notes > 0 ? `, ${plural(notes, 'note')}` : '';
  const problems = errors + warnings;
  if (problems === 0) {
    return c.green(`✔ ${plural(files, 'file')} checked, no problems${noteText}`);
  }
  const line = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})${noteText}`;
  return c.bold(errors > 0 ? c.red(line) : c.yellow(line));
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
