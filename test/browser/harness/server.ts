// Serves the preview exactly as the webview gets it (same shell, same CSP) from 127.0.0.1 for Chromium.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildPreviewShell, makeNonce } from '../../../src/core/render/shell';

const ROOT = resolve(__dirname, '../../..');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml' };
const ALLOWED_DIRS = ['dist/webview', 'media', 'test/browser/harness'];

export interface Harness {
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, 'dist/webview/main.js'))) throw new Error('dist/webview/main.js is missing: run `npm run build` first');
  let origin = '';
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/' || path === '/preview.html' || path === '/style-nonce.html') {
      const nonce = makeNonce((n) => randomBytes(n));
      let html = buildPreviewShell({
        cspSource: origin,
        nonce,
        scriptUri: `${origin}/dist/webview/main.js`,
        styleUri: `${origin}/media/preview.css`,
        preludeScriptUris: [`${origin}/test/browser/harness/stub.js`],
      });
      // The literal policy, with a nonce in style-src as well: kept to show why the product drops it.
      if (path === '/style-nonce.html') {
        const policy = `style-src ${origin} &#39;unsafe-inline&#39;`;
        if (!html.includes(policy)) throw new Error('harness: style-src not found in the shell CSP');
        html = html.replace(policy, `style-src ${origin} &#39;nonce-${nonce}&#39; &#39;unsafe-inline&#39;`);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const rel = normalize(path).replace(/^[/\\]+/, '');
    if (!ALLOWED_DIRS.some((dir) => rel.startsWith(`${dir}/`))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(ROOT, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('harness server has no address');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
