// A tiny static server for the Lighthouse runs: serves a folder on 127.0.0.1 only, as a
// web host would: `/a/` is `a/index.html`, a missing file is `404.html` with status 404,
// text is gzipped when the browser accepts it (hosts and CDNs do), and fingerprint-free
// assets get a short cache lifetime.
//
//   node serve.mjs DIR PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, port] = process.argv.slice(2);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp',
  '.avif': 'image/avif', '.ico': 'image/x-icon',
};
const TEXT = /^(text\/|application\/(json|xml)|image\/svg)/;

async function file(path) {
  let name = decodeURIComponent(path.split(/[?#]/)[0]);
  const full = normalize(join(dir, name));
  if (!full.startsWith(normalize(dir) + sep) && full !== normalize(dir)) return null;
  try {
    const s = await stat(full);
    const f = s.isDirectory() ? join(full, 'index.html') : full;
    return { path: f, body: await readFile(f) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  let found = await file(req.url);
  let status = 200;
  if (!found) {
    status = 404;
    found = await file('/404.html') || { path: '404.html', body: Buffer.from('not found') };
  }
  const type = TYPES[extname(found.path)] || 'application/octet-stream';
  const headers = { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' };
  let body = found.body;
  if (TEXT.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(Number(port), '127.0.0.1');
