// `sysdesign lsp --stdio`: runs the language server (dist/server.js, loaded only for this command).
import { parseCommandArgs } from '../args';
import { importBeside } from '../besideModule';
import { EXIT_OK, UsageError } from '../exit';
import { commandHelpText, LSP_HELP } from '../help';
import { processIo, type CliIo } from '../io';

export async function runLsp(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = LSP_HELP.usage;
  const { values, positionals } = parseCommandArgs(argv, { stdio: { type: 'boolean' } }, usage);
  if (values.help) {
    io.stdout(commandHelpText(LSP_HELP));
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, usage);
  if (values.stdio !== true) throw new UsageError('--stdio is required: the server talks LSP over standard input and output', usage);
  const server = await importBeside<{ runStdioServer(): void }>('server.js', 'server/nodeServer.ts');
  server.runStdioServer();
  // The connection ends the process when the client sends `exit`; until then, never resolve.
  return new Promise<number>(() => undefined);
}
