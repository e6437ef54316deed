// `sysdesign render` against hostile files: links that lead out of the workspace, files named like images
// that are not, and an output path that is a link.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function render(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'render', ...args, '--no-script'], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sysdesign render with hostile files', () => {
  let tmp: string;
  let repo: string;
  let secret: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sdd-render-'));
    repo = join(tmp, 'repo');
    mkdirSync(join(repo, 'docs'), { recursive: true });
    secret = join(tmp, 'secret.env');
    writeFileSync(secret, 'AWS_SECRET_ACCESS_KEY=do-not-publish\n');
    writeFileSync(join(repo, 'docs', 'real.png'), PNG);
    symlinkSync(secret, join(repo, 'docs', 'logo.png'));
    writeFileSync(join(repo, 'docs', 'fake.png'), 'TOKEN=also-secret\n');
    writeFileSync(join(repo, 'docs', 'design.md'), '# Design\n\n![real](real.png)\n\n![logo](logo.png)\n\n![fake](fake.png)\n');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('embeds a real image, and neither a link out of the workspace nor a non-image named .png', () => {
    const r = render(repo, ['docs/design.md']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /data:image\/png;base64,iVBORw0KGgo/);
    const decoded = [...r.stdout.matchAll(/data:[^;"]+;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1], 'base64').toString('latin1')).join('\n');
    assert.doesNotMatch(decoded, /do-not-publish|also-secret/);
    assert.doesNotMatch(r.stdout, /do-not-publish|also-secret/);
  });

  it('replaces a link at the output path instead of writing through it', () => {
    const target = join(tmp, 'victim.txt');
    writeFileSync(target, 'keep me\n');
    symlinkSync(target, join(repo, 'out.html'));
    const r = render(repo, ['docs/design.md', '-o', 'out.html']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(target, 'utf8'), 'keep me\n', 'the link target is untouched');
    assert.equal(lstatSync(join(repo, 'out.html')).isSymbolicLink(), false);
    assert.match(readFileSync(join(repo, 'out.html'), 'utf8'), /<h1[^>]*>Design\b/);
  });
});
