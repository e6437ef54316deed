// Usage lines and help texts for every command, kept together so the top-level help lists them all.
import { DEFAULT_DESIGN_GLOBS } from '../core/recognize';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from './exit';

export interface CommandHelp {
  name: string;
  summary: string;
  usage: string;
  details: string;
}

export const CHECK_HELP: CommandHelp = {
  name: 'check',
  summary: 'Lint design documents: framework checklist, design rules, estimate claims',
  usage: 'sysdesign check [files|dirs|globs...] [--format text|json|sarif] [--framework <id>] [--config <file>] [--max-warnings <n>] [--no-color]',
  details: `Files named explicitly (or matched by a quoted glob such as 'docs/**/*.md') are always analysed.
Directories are walked for design documents: Markdown files whose front matter has a \`sysdesign:\`
key or whose path matches one of the project's "files" globs (default: ${DEFAULT_DESIGN_GLOBS.join(', ')}),
and none of its "ignore" globs. node_modules and dot-directories are skipped. With no paths, the
current directory is walked.

Each file is checked with the nearest .sysdesign/config.jsonc above it (rule severities, estimate
conventions, globs, default framework, frameworks folder), the same file the editor reads; run
\`sysdesign config\` to see the values in force. A config file with problems is reported on stderr
(path, line, field); the rest of it and the defaults still apply, and the run exits ${EXIT_USAGE}.
Team frameworks are read from the project's frameworks folder (default .sysdesign/frameworks/*.json).
A framework file that fails to load is reported on stderr (file and JSON field); the others are used.

Options:
  --format text|json|sarif  Output format (default text). json follows schemas/check-result.schema.json;
                            sarif is SARIF 2.1.0 for code-scanning tools.
  --framework <id>          Use this framework for every document, whatever its front matter says.
  --config <file>           Use this config file for every document instead of looking for one.
  --max-warnings <n>        Fail when there are more than n warnings (default: warnings never fail).
  --no-color                No ANSI colors (also: NO_COLOR=1). Colors are only used on a terminal.
  -h, --help                Show this help.

Exit codes:
  ${EXIT_OK}  no errors, and no more warnings than --max-warnings
  ${EXIT_PROBLEMS}  errors found, or more warnings than --max-warnings
  ${EXIT_USAGE}  usage error, some path could not be read (missing, not text, a directory without
     design documents), or a config file has problems. This wins over 1: the readable files are still checked and reported, but
     the run counts as failed to check.`,
};

export const ESTIMATE_HELP: CommandHelp = {
  name: 'estimate',
  summary: 'Evaluate the back-of-the-envelope estimate lines of one document',
  usage: 'sysdesign estimate <file> [--format text|json] [--no-color]',
  details: `Lists every evaluated estimate line (\`\`\`estimate fences and prose lines such as
"50M tweets/day / 86,400 ≈ 600 writes/s") with the computed value and whether each claim holds.

Options:
  --format text|json  Output format (default text). json: [{ line, source, value, unit, display,
                      claims: [{ text, value, status, ratio, message }] }], lines 1-based.
  --no-color          No ANSI colors.
  -h, --help          Show this help.

Exit codes: ${EXIT_OK} all claims hold, ${EXIT_PROBLEMS} a claim is wrong or an estimate fence does not parse, ${EXIT_USAGE} usage or I/O error.`,
};

export const FRAMEWORKS_HELP: CommandHelp = {
  name: 'frameworks',
  summary: 'List built-in and workspace frameworks, and framework files that fail to load',
  usage: 'sysdesign frameworks [--format text|json]',
  details: `Workspace frameworks come from .sysdesign/frameworks/*.json (current directory or nearest ancestor).

Options:
  --format text|json  Output format (default text).
  -h, --help          Show this help.

Exit codes: ${EXIT_OK} all frameworks load, ${EXIT_PROBLEMS} a workspace framework file has errors, ${EXIT_USAGE} usage error.`,
};

export const NEW_HELP: CommandHelp = {
  name: 'new',
  summary: "Create a design document from a framework's template",
  usage: 'sysdesign new <file> [--framework <id>] [--title "..."]',
  details: `Writes front matter naming the framework, the title, and every phase heading with its template.
Never overwrites: if <file> exists, nothing is written and the exit code is ${EXIT_USAGE}.

Options:
  --framework <id>  Framework to follow (default: the default built-in framework).
  --title "..."     Document title (default: derived from the file name).
  -h, --help        Show this help.`,
};

export const RULES_HELP: CommandHelp = {
  name: 'rules',
  summary: 'List every code a run may report, or show one code\'s documentation page',
  usage: 'sysdesign rules [<code>] [--format text|json]',
  details: `With no code, lists every code (lint rules, estimates, configuration, editor notices) with its
name, default severity and description. With a code (SD001) or name (missing-phase), prints that
code's documentation page: what it checks, why, how to fix it and how to configure it.

Options:
  --format text|json  Output format (default text).
  -h, --help          Show this help.`,
};

export const CONFIG_HELP: CommandHelp = {
  name: 'config',
  summary: 'Show the settings in force for a file or folder, and where each comes from',
  usage: 'sysdesign config [file|dir] [--config <file>] [--format text|json]',
  details: `Finds the nearest .sysdesign/config.jsonc above the path (default: the current directory), or
uses --config, and prints every setting with its value and source: the config file or the default.
The editor reads the same file first, then its own systemDesign.* settings, then the defaults.
Problems in the file are listed with their line and column; the command then exits ${EXIT_USAGE}.

Options:
  --config <file>     Use this config file instead of looking for one.
  --format text|json  Output format (default text).
  -h, --help          Show this help.`,
};

export const RENDER_HELP: CommandHelp = {
  name: 'render',
  summary: 'Render a design document to one self-contained HTML file',
  usage: 'sysdesign render <file> [-o <out.html>] [--framework <id>] [--no-script]',
  details: 'Run `sysdesign render --help` for its options.',
};

export const LSP_HELP: CommandHelp = {
  name: 'lsp',
  summary: 'Run the language server for editors other than VS Code (Neovim, Helix, Zed, Emacs)',
  usage: 'sysdesign lsp --stdio',
  details: `Speaks the Language Server Protocol over standard input and output: diagnostics (with Mermaid
diagram checks), quick fixes and fix-all, estimate code lenses and hovers, document symbols, and the
request systemDesign/checklist. It reads the same .sysdesign/config.jsonc as \`sysdesign check\`, found
from each document's folder. The README shows the setup for each editor.

Options:
  --stdio             Talk over standard input and output (the only transport).
  -h, --help          Show this help.`,
};

export const COMMANDS: CommandHelp[] = [CHECK_HELP, CONFIG_HELP, ESTIMATE_HELP, FRAMEWORKS_HELP, LSP_HELP, NEW_HELP, RULES_HELP, RENDER_HELP];

export function commandHelpText(help: CommandHelp): string {
  return `Usage: ${help.usage}\n\n${help.summary}.\n\n${help.details}\n`;
}

export function mainHelpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: sysdesign <command> [options]

Checks system design documents written in Markdown.

Commands:
${list}

Options:
  -h, --help     Show help (also: sysdesign <command> --help)
  --version      Show the version

Exit codes: ${EXIT_OK} clean, ${EXIT_PROBLEMS} problems found, ${EXIT_USAGE} usage or I/O error.
`;
}
