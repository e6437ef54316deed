// `sysdesign` command entry point: picks the command, turns usage errors into exit code 2.
import { runCheck } from './commands/check';
import { runConfig } from './commands/config';
import { runEstimate } from './commands/estimate';
import { runFrameworks } from './commands/frameworks';
import { runLsp } from './commands/lsp';
import { runNew } from './commands/new';
import { runRender } from './commands/render';
import { runRules } from './commands/rules';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exit';
import { mainHelpText } from './help';
import { processIo, type CliIo } from './io';
import { VERSION } from './version';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  config: runConfig,
  estimate: runEstimate,
  frameworks: runFrameworks,
  lsp: runLsp,
  new: runNew,
  rules: runRules,
  render: runRender,
};

const MAIN_USAGE = 'sysdesign <command> [options]   (commands: ' + Object.keys(COMMANDS).join(', ') + ')';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0])) return await COMMANDS[rest[0]](['--help'], io);
      if (first === undefined) {
        io.stderr(mainHelpText());
        return EXIT_USAGE;
      }
      io.stdout(mainHelpText());
      return EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!command) {
      throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`, MAIN_USAGE);
    }
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sysdesign: ${error.message}\n`);
      if (error.usage) io.stderr(`Usage: ${error.usage}\n`);
      const known = first !== undefined && Object.hasOwn(COMMANDS, first);
      io.stderr(`Run 'sysdesign ${known ? `${first} ` : ''}--help' for more.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`sysdesign: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}

// Only run when executed, not when a test imports main().
if (require.main === module) {
  // `sysdesign check . | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
