// `sysdesign new <file>`: start a document from a framework's phases and templates, never overwriting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USAGE } from '../exit';
import { describeFsError, displayPath } from '../files';
import { commandHelpText, NEW_HELP } from '../help';
import { processIo, type CliIo } from '../io';
import { newDocument, titleFromFileName } from '../newDocument';
import { Projects } from '../projects';
import { requireFramework, singleFile } from './shared';

export async function runNew(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = NEW_HELP.usage;
  const { values, positionals } = parseCommandArgs(
    argv,
    { framework: { type: 'string' }, title: { type: 'string' } },
    usage,
  );
  if (values.help) {
    io.stdout(commandHelpText(NEW_HELP));
    return EXIT_OK;
  }
  const arg = singleFile(positionals, usage);
  const { registry } = await new Projects(io.cwd).forDir(io.cwd);
  const framework =
    values.framework !== undefined
      ? requireFramework(registry, values.framework, usage)
      : (registry.get(registry.defaultId) ?? registry.list()[0]);
  const absolute = resolve(io.cwd, arg);
  const path = displayPath(io.cwd, absolute);
  const title = values.title?.trim() || titleFromFileName(absolute);

  try {
    mkdirSync(dirname(absolute), { recursive: true });
    // `wx` fails if the file exists, even if it appears between a check and the write.
    writeFileSync(absolute, newDocument(framework, title), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const reason = describeFsError(error);
    io.stderr(
      reason === 'already exists'
        ? `sysdesign: ${path} already exists; not overwriting it (choose another name or delete it first)\n`
        : `sysdesign: cannot write ${path}: ${reason}\n`,
    );
    return EXIT_USAGE;
  }
  io.stdout(`Created ${path} (framework: ${framework.title}, ${framework.phases.length} phases)\n`);
  return EXIT_OK;
}
