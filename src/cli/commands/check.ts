// `sysdesign check`: analyse design documents and report findings as text, JSON or SARIF.
import { pathToFileURL } from 'node:url';
import { addDiagramFindings, analyze } from '../../core/analyze';
import { mermaidBlocks } from '../../core/diagrams/diagramCheck';
import { parseDocument } from '../../core/parse';
import { askOnly, isDesignText, recognizeDesignDocument } from '../../core/recognize';
import { CONFIG_CODES } from '../../core/codeIds';
import { withoutEstimates } from '../../core/editorAnalysis';
import { matchesAnyGlob } from '../../core/glob';
import { neverDesignByName, OUTLINE_MAX_CHARS } from '../../core/sections/genre';
import { CODE_CATALOG } from '../../core/codes';
import { countOption, formatOption, parseCommandArgs } from '../args';
import { checkExitCode, EXIT_OK } from '../exit';
import { collectFiles, type DesignFilter } from '../files';
import { buildCheckResult, toFileResult, type FileResult } from '../format/checkResult';
import { formatCheckSarif, type RuleInfo } from '../format/checkSarif';
import { formatCheckText } from '../format/checkText';
import { CHECK_HELP, commandHelpText } from '../help';
import { processIo, wantsColor, type CliIo } from '../io';
import { codeDocsUri } from '../codeDocs';
import { VERSION } from '../version';
import { analysisOptions, formatConfigProblem, Projects } from '../projects';
import { formatLoadError } from '../workspace';
import { requireFramework } from './shared';
import { loadDiagramParser } from '../../diagramParser/loadNode';

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
      config: { type: 'string' },
    },
    usage,
  );
  if (values.help) {
    io.stdout(commandHelpText(CHECK_HELP));
    return EXIT_OK;
  }
  const format = formatOption(values.format, FORMATS, usage);
  const maxWarnings = countOption('max-warnings', values['max-warnings'], usage);

  const projects = new Projects(io.cwd, values.config);
  const byOutline = new Map<string, string>();
  const collected = await collectFiles(positionals.length > 0 ? positionals : ['.'], io.cwd, designFilter(projects, byOutline));
  let ioErrors = collected.errors.length;
  for (const message of collected.errors) io.stderr(`sysdesign: ${message}\n`);
  // The project of the working directory answers for --framework even when no file was found.
  const here = await projects.forDir(io.cwd);
  const framework = values.framework === undefined ? undefined : requireFramework(here.registry, values.framework, usage).id;

  const files: FileResult[] = [];
  for (const file of collected.files) {
    try {
      const project = await projects.forFile(file.absolute);
      const { config } = project.resolved;
      const options = analysisOptions(project);
      let analysis = analyze(file.text, { ...options, path: file.path, framework });
      if (mermaidBlocks(analysis.document).length > 0) {
        analysis = await addDiagramFindings(analysis, await loadDiagramParser(), options.rules);
      }
      const checked = config.estimates.enabled ? analysis : withoutEstimates(analysis);
      // A file the walk took by its outline alone gets hints: it fails no build until someone marks it.
      const outline = file.named ? undefined : byOutline.get(file.path);
      files.push(outline ? toFileResult(file.path, askOnly(checked), outline) : toFileResult(file.path, checked));
    } catch (error) {
      // The core is meant never to throw; if it does, say so and keep checking the other files.
      ioErrors++;
      io.stderr(`sysdesign: internal error while analysing ${file.path}: ${error instanceof Error ? error.message : error}\n`);
    }
  }
  // A config file that is broken counts as a path that could not be used: results still print, the run fails.
  for (const project of projects.seen()) {
    for (const error of project.frameworkErrors) io.stderr(`sysdesign: framework not loaded: ${formatLoadError(error)}\n`);
    for (const problem of project.resolved.problems) {
      ioErrors++;
      io.stderr(`sysdesign: ${formatConfigProblem(problem)} [${CONFIG_CODES.invalidConfig.code}]\n`);
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
  (projects: Projects, byOutline: Map<string, string>): DesignFilter =>
  async (path, text, absolute) => {
    const project = await projects.forFile(absolute);
    const { files, ignore, recognizeByOutline } = project.resolved.config;
    const globPath = projects.globPath(project, absolute);
    if (ignore.length > 0 && matchesAnyGlob(globPath, ignore)) return false;
    // Marked files are taken from their front matter alone; an unmarked file is parsed for its outline
    // only when its name and size allow it to be a design document.
    const marked = isDesignText(text ?? '', globPath, files);
    if (marked.designDoc) return true;
    if (!recognizeByOutline || !text || text.length > OUTLINE_MAX_CHARS || neverDesignByName(path)) return false;
    const recognition = recognizeDesignDocument(parseDocument(text), globPath, files);
    if (recognition.by === 'outline') byOutline.set(path, recognition.reason);
    return recognition.designDoc;
  };

function ruleInfos(): RuleInfo[] {
  return CODE_CATALOG.map((c) => ({ code: c.code, slug: c.slug, description: c.description, defaultSeverity: c.defaultSeverity, helpUri: codeDocsUri(c.code) }));
}
