// `sysdesign frameworks`: which frameworks documents can follow, and which team files fail to load.
import { formatOption, parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../exit';
import { padEnd } from '../format/color';
import { commandHelpText, FRAMEWORKS_HELP } from '../help';
import { processIo, type CliIo } from '../io';
import { Projects } from '../projects';
import { findWorkspaceRoot, formatLoadError } from '../workspace';

export async function runFrameworks(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = FRAMEWORKS_HELP.usage;
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string' } }, usage);
  if (values.help) {
    io.stdout(commandHelpText(FRAMEWORKS_HELP));
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`, usage);
  }
  const format = formatOption(values.format, ['text', 'json'] as const, usage);
  // The frameworks folder the project's config file names (default .sysdesign/frameworks).
  const project = await new Projects(io.cwd).forDir(io.cwd);
  const { registry, frameworkErrors: errors } = project;
  const root = project.configPath ? project.root : findWorkspaceRoot(io.cwd);
  const frameworks = registry.list().map((f) => ({
    id: f.id,
    title: f.title,
    phases: f.phases.length,
    origin: f.origin,
    ...(f.file ? { file: f.file } : {}),
    ...(f.overridesBuiltIn ? { overridesBuiltIn: true } : {}),
    description: f.description,
  }));

  if (format === 'json') {
    io.stdout(JSON.stringify({ frameworks, errors }, null, 2) + '\n');
  } else {
    const header = { id: 'ID', title: 'TITLE', phases: 'PHASES', origin: 'ORIGIN', file: 'FILE' };
    const rows = [
      header,
      ...frameworks.map((f) => ({
        ...f,
        phases: String(f.phases),
        origin: f.overridesBuiltIn ? `${f.origin} (overrides built-in)` : f.origin,
        file: f.file ?? '',
      })),
    ];
    const width = (key: 'id' | 'title' | 'phases' | 'origin') => Math.max(...rows.map((r) => r[key].length));
    const lines = rows.map((r) =>
      [padEnd(r.id, width('id')), padEnd(r.title, width('title')), padEnd(r.phases, width('phases')), padEnd(r.origin, width('origin')), r.file]
        .join('  ')
        .trimEnd(),
    );
    if (!root) lines.push('', 'No .sysdesign folder here or above: only built-in frameworks.');
    if (errors.length > 0) lines.push('', 'Framework files that failed to load:', ...errors.map((e) => `  ${formatLoadError(e)}`));
    io.stdout(lines.join('\n') + '\n');
  }
  return errors.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
