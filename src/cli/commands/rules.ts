// `sysdesign rules`: the rule table, for picking codes to configure or suppress.
import { ALL_RULES } from '../../core/rules';
import { formatOption, parseCommandArgs } from '../args';
import { EXIT_OK, UsageError } from '../exit';
import { padEnd } from '../format/color';
import { commandHelpText, RULES_HELP } from '../help';
import { processIo, type CliIo } from '../io';
import { OTHER_CODES } from '../otherCodes';

export async function runRules(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = RULES_HELP.usage;
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } }, usage);
  if (values.help) {
    io.stdout(commandHelpText(RULES_HELP));
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, usage);
  const format = formatOption(values.format, ['text', 'json'] as const, usage);
  const rules = [...ALL_RULES, ...OTHER_CODES].map((rule) => ({
    code: rule.code,
    slug: rule.slug,
    severity: rule.defaultSeverity,
    description: rule.description,
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
  lines.push('', 'Turn a rule off or change its severity in settings, or per line with <!-- sysdesign-disable-next-line CODE -->.');
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}
