// Serves one built site on 127.0.0.1, opens a harness page per engine and query in
// headless Chromium (a fresh profile each time, so nothing is cached), and records
// every file the page requested. The page posts its findings back; Chromium runs in
// real time (no virtual time), so the timings are wall-clock. Prints one JSON line
// per run.
//
// Bytes are what a server compressing with gzip -6 would send: min(raw, gzip) per
// file, so Pagefind's already-compressed files count as they are. The harness page
// itself is not counted (the search page's HTML is not part of either engine).
//
// usage: [ENGINES="ocop pagefind"] node measure.mjs SITE_DIR SIZE QUERY...

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';

const [site, size, ...queries] = process.argv.slice(2);
const root = path.resolve(site);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json',
  '.css': 'text/css', '.pagefind': 'application/wasm',
};
let requested = [];
let report = null;

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { res.writeHead(204).end(); report?.(JSON.parse(body)); });
    return;
  }
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
  requested.push(url.pathname);
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const port = server.address().port;

const sent = (urlPath) => {
  const bytes = fs.readFileSync(path.join(root, decodeURIComponent(urlPath)));
  return Math.min(bytes.length, zlib.gzipSync(bytes, { level: 6 }).length);
};

// engine: the code; index: what answers the query; records: what the results show.
const part = {
  ocop: (p) => (p.endsWith('.js') ? 'engine' : /\/[dp]\d+\.json$/.test(p) ? 'records' : 'index'),
  pagefind: (p) => (/\.js$|wasm|pagefind-entry\.json$/.test(p) ? 'engine'
    : /\.pf_fragment$/.test(p) ? 'records' : 'index'),
};

async function run(engine, query) {
  requested = [];
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const url = `http://127.0.0.1:${port}/_bench/${engine}.html?q=${encodeURIComponent(query)}`;
  const browser = spawn(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-dev-shm-usage', '--no-first-run', `--user-data-dir=${profile}`,
    '--remote-debugging-port=0', url,
  ], { stdio: 'ignore', detached: true });
  const result = await Promise.race([
    new Promise((ok) => { report = ok; }),
    new Promise((ok) => setTimeout(() => ok({ error: 'timed out' }), 60000)),
  ]);
  report = null;
  // The browser and its helper processes: the group this spawn started.
  const exited = new Promise((ok) => browser.once('exit', ok));
  process.kill(-browser.pid, 'SIGTERM');
  await exited;
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  const bytes = { engine: 0, index: 0, records: 0 };
  // The harness is neither engine's.
  const files = requested.filter((p) => !p.startsWith('/_bench/'));
  for (const p of files) bytes[part[engine](p)] += sent(p);
  return { size: Number(size), engine, query, files: files.length, bytes, ...result };
}

// ENGINES=ocop measures ocop alone, as when checking its budgets after a change.
for (const engine of (process.env.ENGINES || 'ocop pagefind').split(' ')) {
  for (const query of queries) console.log(JSON.stringify(await run(engine, query)));
}
server.close();
