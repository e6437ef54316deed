// `sysdesign estimate <file>`: evaluate a document's estimate lines and check their claims.
import { analyze } from '../../core/analyze';
import { formatOption, parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../exit';
import { displayPath, readText } from '../files';
import { formatEstimateText, isWrongClaim, toEstimateJson } from '../format/estimate';
import { commandHelpText, ESTIMATE_HELP } from '../help';
import { processIo, wantsColor, type CliIo } from '../io';
import { analysisOptions, formatConfigProblem, Projects } from '../projects';
import { singleFile } from './shared';
import { resolve } from 'node:path';

export async function runEstimate(argv: string[], io: CliIo = processIo()): Promise<number> {
  const usage = ESTIMATE_HELP.usage;
  const { values, positionals } = parseCommandArgs(
    argv,
    { format: { type: 'string' }, 'no-color': { type: 'boolean' } },
    usage,
  );
  if (values.help) {
    io.stdout(commandHelpText(ESTIMATE_HELP));
    return EXIT_OK;
  }
  const format = formatOption(values.format, ['text', 'json'] as const, usage);
  const arg = singleFile(positionals, usage);
  const absolute = resolve(io.cwd, arg);
  const path = displayPath(io.cwd, absolute);
  const read = readText(absolute);
  if ('error' in read) {
    io.stderr(`sysdesign: cannot read ${path}: ${read.error}\n`);
    return EXIT_USAGE;
  }

  // The project's config file applies here too: its estimate conventions judge the claims.
  const project = await new Projects(io.cwd).forFile(absolute);
  for (const problem of project.resolved.problems) io.stderr(`sysdesign: ${formatConfigProblem(problem)} [SD103]\n`);
  const analysis = analyze(read.text, { ...analysisOptions(project), path });
  const { lines, findings } = analysis.estimates;
  // Findings about claims are already shown beside their line; the other errors (unreadable lines,
  // unknown names, impossible conversions) are listed on their own.
  const at = (r: { start: { line: number; character: number } }) => `${r.start.line}:${r.start.character}`;
  const claimed = new Set(lines.flatMap((l) => l.claims.map((claim) => at(claim.range))));
  const problems = findings.filter((f) => f.severity === 'error' && !claimed.has(at(f.range)));

  if (format === 'json') {
    io.stdout(JSON.stringify(toEstimateJson(lines), null, 2) + '\n');
    // The JSON lists evaluated lines only; say on stderr which ones could not be read.
    for (const p of problems) io.stderr(`sysdesign: ${path}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}\n`);
  } else {
    io.stdout(formatEstimateText(path, lines, problems, wantsColor(io, values['no-color'] === true)));
  }

  const wrong = lines.some((line) => line.claims.some((claim) => isWrongClaim(claim.status)));
  return wrong || problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
