// `sysdesign render <file> -o out.html`: the preview's document as one self-contained HTML file.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { analyze } from '../../core/analyze';
import { buildExportHtml } from '../../core/render/exportHtml';
import { EMBEDDABLE_IMAGE_NAME, MAX_EMBEDDED_IMAGE_BYTES, sniffImageType } from '../../core/render/imageType';
import { renderDocument } from '../../core/render/renderDocument';
import { katexMath } from '../../core/render/katexMath';
import { makeNonce } from '../../core/render/shell';
import { parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USAGE } from '../exit';
import { describeFsError, displayPath, readText } from '../files';
import { commandHelpText, type CommandHelp } from '../help';
import { processIo, type CliIo } from '../io';
import { analysisOptions, Projects } from '../projects';
import { findWorkspaceRoot } from '../workspace';
import { requireFramework, singleFile } from './shared';

export const RENDER_USAGE = 'sysdesign render <file> [-o <out.html>] [--framework <id>] [--no-script]';

const HELP: CommandHelp = {
  name: 'render',
  summary: 'Render a design document to one self-contained HTML file',
  usage: RENDER_USAGE,
  details: `Options:
  -o, --output <file>  Where to write the HTML (default: standard output).
  --framework <id>     Framework for the phase bar and badges (default: from the document).
  --no-script          Leave diagrams as source text instead of inlining the Mermaid renderer.
  -h, --help           Show this help.

The file needs no network: styles and images are inlined, and diagrams are drawn when it is opened
by an inlined copy of Mermaid (about 5 MB; use --no-script for a small, script-free file).`,
};


/** Finds a bundled asset both in the published layout (dist/cli.js) and when run from sources. */
function findAsset(...candidates: string[]): string | undefined {
  return candidates.find((file) => existsSync(file));
}

function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Relative images become data URLs when they sit inside the document's folder tree (or workspace). */
function imageResolver(docDir: string, root: string): (src: string) => string | undefined {
  let realRoot: string | undefined;
  return (src) => {
    if (/^https:\/\//i.test(src) || /^data:image\/(png|jpe?g|gif|webp);/i.test(src)) return src;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
    let path: string;
    try {
      path = resolve(docDir, decodeURIComponent(src.split(/[?#]/)[0]));
    } catch {
      return undefined;
    }
    if (!EMBEDDABLE_IMAGE_NAME.test(path) || !within(path, root)) return undefined;
    try {
      // Where the path really leads (a link may point outside the workspace), and what the file really is.
      const real = realpathSync(path);
      if (!within(real, realRoot ?? (realRoot = realpathSync(root))) || statSync(real).size > MAX_EMBEDDED_IMAGE_BYTES) return undefined;
      const bytes = readFileSync(real);
      const type = sniffImageType(bytes);
      return type ? `data:${type};base64,${bytes.toString('base64')}` : undefined;
    } catch {
      return undefined;
    }
  };
}

export async function runRender(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { output: { type: 'string', short: 'o' }, framework: { type: 'string' }, 'no-script': { type: 'boolean' } },
    RENDER_USAGE,
  );
  if (values.help) {
    io.stdout(commandHelpText(HELP));
    return EXIT_OK;
  }
  const absolute = resolve(io.cwd, singleFile(positionals, RENDER_USAGE));
  const path = displayPath(io.cwd, absolute);
  const read = readText(absolute);
  if ('error' in read) {
    io.stderr(`sysdesign: cannot read ${path}: ${read.error}\n`);
    return EXIT_USAGE;
  }
  const project = await new Projects(io.cwd).forFile(resolve(io.cwd, path));
  if (values.framework) requireFramework(project.registry, values.framework, RENDER_USAGE);

  const assets = [__dirname, join(__dirname, '..', '..', '..', 'dist')];
  const cssFile = findAsset(...assets.map((dir) => join(dir, '..', 'media', 'preview.css')));
  const scriptFile = values['no-script'] ? undefined : findAsset(...assets.map((dir) => join(dir, 'webview', 'export-renderer.js')));
  if (!cssFile || (!values['no-script'] && !scriptFile)) {
    io.stderr(`sysdesign: render assets are missing (${!cssFile ? 'media/preview.css' : 'dist/webview/export-renderer.js'}); run the build first\n`);
    return EXIT_USAGE;
  }

  const analysis = analyze(read.text, { ...analysisOptions(project), path, framework: values.framework });
  const docDir = dirname(absolute);
  const doc = renderDocument(read.text, { analysis, resolveImage: imageResolver(docDir, (project.configPath ? project.root : findWorkspaceRoot(io.cwd)) ?? docDir), math: katexMath });
  const html = buildExportHtml({
    doc,
    css: readFileSync(cssFile, 'utf8'),
    script: scriptFile ? { code: readFileSync(scriptFile, 'utf8'), nonce: makeNonce((n) => randomBytes(n)) } : undefined,
    fallbackTitle: path,
  });

  if (values.output === undefined || values.output === '-') {
    io.stdout(html);
    return EXIT_OK;
  }
  const out = resolve(io.cwd, values.output);
  try {
    writeReplacing(out, html);
  } catch (error) {
    io.stderr(`sysdesign: cannot write ${displayPath(io.cwd, out)}: ${describeFsError(error)}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`sysdesign: wrote ${displayPath(io.cwd, out)} (${doc.diagrams.length} diagram${doc.diagrams.length === 1 ? '' : 's'})\n`);
  return EXIT_OK;
}

/**
 * Writes a new file beside `out` and renames it over `out`: a link at `out` is replaced, never written
 * through (its target stays as it was), and a failed write leaves any old file whole.
 */
function writeReplacing(out: string, text: string): void {
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
