// `sysdesign check`: analyse design documents and report findings as text, JSON or SARIF.
import { pathToFileURL } from 'node:url';
import { analyze } from '../../core/analyze';
import { parseDocument } from '../../core/parse';
import { askOnly, DEFAULT_DESIGN_GLOBS, isDesignText, recognizeDesignDocument } from '../../core/recognize';
import { neverDesignByName, OUTLINE_MAX_CHARS } from '../../core/sections/genre';
import { ALL_RULES } from '../../core/rules';
import { countOption, formatOption, parseCommandArgs } from '../args';
import { checkExitCode, EXIT_OK } from '../exit';
import { collectFiles, type DesignFilter } from '../files';
import { buildCheckResult, toFileResult, type FileResult } from '../format/checkResult';
import { formatCheckSarif, type RuleInfo } from '../format/checkSarif';
import { formatCheckText } from '../format/checkText';
import { CHECK_HELP, commandHelpText } from '../help';
import { processIo, wantsColor, type CliIo } from '../io';
import { OTHER_CODES } from '../otherCodes';
import { VERSION } from '../version';
import { formatLoadError, loadWorkspace } from '../workspace';
import { requireFramework } from './shared';

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function runCheck(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = CHECK_HELP.usage;
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      format: { type: 'string' },
      framework: { type: 'string' },
      'max-warnings': { type: 'string' },
      'no-color': { type: 'boolean' },
    },
    usage,
  );
  if (values.help) {
    io.stdout(commandHelpText(CHECK_HELP));
    return EXIT_OK;
  }
  const format = formatOption(values.format, FORMATS, usage);
  const maxWarnings = countOption('max-warnings', values['max-warnings'], usage);

  const workspace = loadWorkspace(io.cwd);
  for (const error of workspace.errors) io.stderr(`sysdesign: framework not loaded: ${formatLoadError(error)}\n`);
  const framework = values.framework === undefined ? undefined : requireFramework(workspace.registry, values.framework, usage).id;

  const byOutline = new Map<string, string>();
  const collected = collectFiles(positionals.length > 0 ? positionals : ['.'], io.cwd, designFilter(byOutline));
  let ioErrors = collected.errors.length;
  for (const message of collected.errors) io.stderr(`sysdesign: ${message}\n`);

  const files: FileResult[] = [];
  for (const file of collected.files) {
    try {
      const analysis = analyze(file.text, { path: file.path, framework, registry: workspace.registry });
      // A file the walk took by its outline alone gets hints: it fails no build until someone marks it.
      const outline = file.named ? undefined : byOutline.get(file.path);
      files.push(outline ? toFileResult(file.path, askOnly(analysis), outline) : toFileResult(file.path, analysis));
    } catch (error) {
      // The core is meant never to throw; if it does, say so and keep checking the other files.
      ioErrors++;
      io.stderr(`sysdesign: internal error while analysing ${file.path}: ${error instanceof Error ? error.message : error}\n`);
    }
  }

  const result = buildCheckResult(VERSION, files);
  if (format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'sarif') io.stdout(formatCheckSarif(result, ruleInfos(), pathToFileURL(io.cwd + '/').href));
  else if (files.length > 0 || ioErrors === 0) io.stdout(formatCheckText(result, wantsColor(io, values['no-color'] === true)));

  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`sysdesign: ${result.summary.warnings} warnings found; --max-warnings allows ${maxWarnings}\n`);
  }
  return checkExitCode(ioErrors, result.summary.errors, tooManyWarnings);
}

// Front matter and path globs first; a file neither marks is still checked when its outline clearly is a
// design document (a folder of RFCs or write-ups named *.md), never a README or a changelog.
// `byOutline` collects the files the outline alone brought in, with why.
const designFilter =
  (byOutline: Map<string, string>): DesignFilter =>
  (path, text) => {
    // Marked files are taken from their front matter alone; an unmarked file is parsed for its outline
    // only when its name and size allow it to be a design document.
    const marked = isDesignText(text ?? '', path, DEFAULT_DESIGN_GLOBS);
    if (marked.designDoc) return true;
    if (!text || text.length > OUTLINE_MAX_CHARS || neverDesignByName(path)) return false;
    const recognition = recognizeDesignDocument(parseDocument(text), path, DEFAULT_DESIGN_GLOBS);
    if (recognition.by === 'outline') byOutline.set(path, recognition.reason);
    return recognition.designDoc;
  };

function ruleInfos(): RuleInfo[] {
  return [...ALL_RULES, ...OTHER_CODES].map((rule) => ({
    code: rule.code,
    slug: rule.slug,
    description: rule.description,
    defaultSeverity: rule.defaultSeverity,
  }));
}
