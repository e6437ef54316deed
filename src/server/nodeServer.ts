// `sysdesign lsp --stdio`: the language server on Node, over stdin and stdout. Config files and team
// frameworks are read the way `sysdesign check` reads them; Mermaid's parser loads on the first diagram.
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeDocsUri } from '../cli/codeDocs';
import { loadDiagramParser } from '../diagramParser/loadNode';
import { Projects } from '../cli/projects';
import { DesignServer, type ServerHost } from './designServer';

function nodeHost(log: (message: string) => void): ServerHost {
  let projects = new Projects(process.cwd());
  return {
    async settingsFor(uri) {
      // A buffer that is not a file (untitled) gets the working directory's project.
      const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
      const project = file ? await projects.forFile(file) : await projects.forDir(process.cwd());
      const { config } = project.resolved;
      return {
        registry: project.registry,
        rules: config.rules,
        input: {
          path: file ? projects.globPath(project, file) : uri,
          files: config.files,
          ignore: config.ignore,
          framework: config.framework,
          rules: config.rules,
          ruleOptions: config.ruleOptions,
          estimatesEnabled: config.estimates.enabled,
          estimateSettings: config.estimates.settings,
          recognizeByOutline: config.recognizeByOutline,
        },
      };
    },
    reload() {
      projects = new Projects(process.cwd());
    },
    diagramParser: loadDiagramParser,
    codeDocsHref: codeDocsUri,
    log,
  };
}

/** Serves LSP on stdin/stdout until the client exits. Nothing else may write to stdout. */
export function runStdioServer(): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Stray output would corrupt the protocol stream: everything logged goes to the client's log.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  const documents = new TextDocuments(TextDocument);
  new DesignServer(connection, documents, nodeHost((message) => connection.console.error(message)));
  connection.listen();
}
