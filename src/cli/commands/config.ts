// `sysdesign config`: the settings in force for a path, each with its value and where it came from.
import { dirname, resolve } from 'node:path';
import { ALL_KEYS, SHARED_KEYS, type DesignConfig } from '../../core/config/designConfig';
import { formatOption, parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../exit';
import { CONFIG_HELP, commandHelpText } from '../help';
import { processIo, type CliIo } from '../io';
import { formatConfigProblem, Projects } from '../projects';
import { statSync } from 'node:fs';

export async function runConfig(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = CONFIG_HELP.usage;
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' }, config: { type: 'string' } }, usage);
  if (values.help) {
    io.stdout(commandHelpText(CONFIG_HELP));
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`, usage);
  const format = formatOption(values.format, ['text', 'json'] as const, usage);
  const target = resolve(io.cwd, positionals[0] ?? '.');
  let dir: string;
  try {
    dir = statSync(target).isDirectory() ? target : dirname(target);
  } catch {
    throw new UsageError(`cannot read ${positionals[0]}: no such file or directory`, usage);
  }

  const projects = new Projects(io.cwd, values.config);
  const project = await projects.forDir(dir);
  const { config, sources, problems } = project.resolved;
  // Editor-only keys are not read from the file; the CLI never uses them.
  const keys = ALL_KEYS.filter((key) => (SHARED_KEYS as readonly string[]).includes(key));
  const rows = keys.map((key) => ({ key, value: valueOf(config, key), source: sources[key] ?? 'default' }));

  if (format === 'json') {
    io.stdout(JSON.stringify({ configFile: project.configPath ?? null, root: project.root, settings: rows, problems }, null, 2) + '\n');
  } else {
    const lines = [`Config file: ${project.configPath ?? `none (no .sysdesign/config.jsonc above ${dir})`}`, ''];
    const width = Math.max(...rows.map((r) => r.key.length));
    for (const row of rows) lines.push(`${row.key.padEnd(width)}  ${JSON.stringify(row.value)}  (${row.source})`);
    if (problems.length > 0) lines.push('', 'Problems:', ...problems.map((p) => `  ${formatConfigProblem(p)}`));
    io.stdout(lines.join('\n') + '\n');
  }
  return problems.length > 0 ? EXIT_USAGE : EXIT_OK;
}

function valueOf(config: DesignConfig, key: string): unknown {
  if (key.startsWith('estimates.')) {
    const name = key.slice('estimates.'.length);
    return name === 'enabled' ? config.estimates.enabled : config.estimates.settings[name as keyof DesignConfig['estimates']['settings']];
  }
  if (key === 'framework') return config.framework ?? 'auto';
  if (key === 'rules') {
    // Severities and options, as the file writes them: a bare severity, or an object with both.
    const out: Record<string, unknown> = { ...config.rules };
    for (const [code, options] of Object.entries(config.ruleOptions)) {
      const severity = config.rules[code];
      out[code] = { ...(severity ? { severity } : {}), ...options };
    }
    return out;
  }
  return config[key as keyof DesignConfig];
}
