// `sysdesign rules`: the code catalog, for picking codes to configure or suppress, and each code's page.
import { readFileSync } from 'node:fs';
import { CODE_CATALOG, codeInfo } from '../../core/codes';
import { codeDocsPath } from '../../core/codeDocs';
import { findRule } from '../../core/rules/catalog';
import { formatOption, parseCommandArgs } from '../args';
import { codeDocsFile } from '../codeDocs';
import { EXIT_OK, UsageError } from '../exit';
import { padEnd } from '../format/color';
import { commandHelpText, RULES_HELP } from '../help';
import { processIo, type CliIo } from '../io';

export async function runRules(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = RULES_HELP.usage;
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } }, usage);
  if (values.help) {
    io.stdout(commandHelpText(RULES_HELP));
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`, usage);
  const format = formatOption(values.format, ['text', 'json'] as const, usage);
  if (positionals.length === 1) return showPage(positionals[0], format, io, usage);

  const rules = CODE_CATALOG.map((c) => ({
    code: c.code,
    slug: c.slug,
    severity: c.defaultSeverity,
    origin: c.origin,
    description: c.description,
    docs: codeDocsPath(c.code),
  }));
  if (format === 'json') {
    io.stdout(JSON.stringify(rules, null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = [{ code: 'CODE', slug: 'RULE', severity: 'SEVERITY', description: 'DESCRIPTION' }, ...rules];
  const codeWidth = Math.max(...rows.map((r) => r.code.length));
  const slugWidth = Math.max(...rows.map((r) => r.slug.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  const lines = rows.map(
    (r) => `${padEnd(r.code, codeWidth)}  ${padEnd(r.slug, slugWidth)}  ${padEnd(r.severity, severityWidth)}  ${r.description}`,
  );
  lines.push(
    '',
    'Run `sysdesign rules <CODE>` for a code\'s page. Change a severity in .sysdesign/config.jsonc ("rules": { "SD001": "off" }),',
    'or per line with <!-- sysdesign-disable-next-line CODE -->.',
  );
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

function showPage(name: string, format: 'text' | 'json', io: CliIo, usage: string): number {
  const info = codeInfo(name) ?? codeInfo(findRule(name)?.code ?? '') ?? CODE_CATALOG.find((c) => c.slug === name.trim().toLowerCase());
  if (!info) throw new UsageError(`unknown code "${name}" (run \`sysdesign rules\` for the list)`, usage);
  const file = codeDocsFile(info.code);
  const page = file ? readFileSync(file, 'utf8') : undefined;
  if (format === 'json') {
    io.stdout(JSON.stringify({ ...info, docs: codeDocsPath(info.code), page: page ?? null }, null, 2) + '\n');
    return EXIT_OK;
  }
  io.stdout(page ?? `${info.code} ${info.slug} (${info.defaultSeverity}): ${info.description}\n(The documentation pages are not installed with this copy.)\n`);
  return EXIT_OK;
}
