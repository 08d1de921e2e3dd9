// Tiny static file server for the web build (build/web), used by `./build.sh serve` and by
// the browser tests. Serves on 127.0.0.1 only, with the right MIME types (application/wasm
// lets the browser compile while downloading), gzip when the browser accepts it, no caching
// (a rebuilt page is picked up on reload), and "/" answered by playground.html. The font
// package (.data) is sent as is so the page's progress bar can count its bytes.
//
// CLI:    node scripts/serve.mjs [folder] [port]      (port 0 = any free port)
// Module: const server = await startServer(folder, port); server.url; await server.close();
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.svg', '.txt', '.csv']);
const INDEX = 'playground.html';

async function handle(root, req, res) {
  const url = new URL(req.url, 'http://localhost');
  let rel = decodeURIComponent(url.pathname);
  if (rel === '/' || rel === '') rel = '/' + INDEX;
  const path = normalize(join(root, rel));
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${rel}`);
    return;
  }
  if (!stat.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not a file: ${rel}`);
    return;
  }
  const ext = extname(path);
  const headers = { 'Content-Type': MIME[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
  if (gzip) headers['Content-Encoding'] = 'gzip';
  else headers['Content-Length'] = stat.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(path);
  (gzip ? stream.pipe(createGzip({ level: 6 })) : stream).pipe(res);
}

export async function startServer(folder, port = 0) {
  const root = resolve(folder);
  await fs.access(join(root, INDEX)).catch(() => {
    throw new Error(`${join(root, INDEX)} not found: build the web target first (./build.sh web)`);
  });
  const server = createServer((req, res) => {
    handle(root, req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// CLI: tries `port` and the next 20 ports when it is taken.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] || 'build/web';
  const first = Number(process.argv[3] ?? 8080);
  if (!Number.isInteger(first) || first < 0 || first > 65535) {
    console.error(`serve: port must be a whole number 0..65535, got '${process.argv[3]}'`);
    process.exit(2);
  }
  let server = null;
  for (let port = first; !server && port <= Math.min(first + 20, 65535); port++) {
    try {
      server = await startServer(folder, port);
    } catch (err) {
      if (err.code !== 'EADDRINUSE') {
        console.error(`serve: ${err.message}`);
        process.exit(1);
      }
      if (first === 0) break;
    }
  }
  if (!server) {
    console.error(`serve: ports ${first}..${first + 20} are all in use; pass another port`);
    process.exit(1);
  }
  console.log(`Serving ${resolve(folder)}`);
  console.log(`Open ${server.url} in a browser (Ctrl+C stops the server).`);
}
