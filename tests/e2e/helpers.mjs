// Shared end-to-end helpers: a static server for dist/ on a free loopback port, and headless
// Debian Chromium driven by playwright-core. Every page records console errors, page errors and
// any request to an origin other than the page's own.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * Serve `root` on 127.0.0.1 at a free port; resolves to { origin, close() }. With `gzip`, responses
 * are compressed for clients that accept it, as a static host serves them (the size budget is gzip).
 */
export function serve(root = DIST, { gzip = false } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`make dist\` first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      const type = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(zlib.gzipSync(data, { level: 9 }));
        return;
      }
      res.writeHead(200, type);
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Chromium as the tests and benchmarks run it; `extra`: more command-line switches. */
export function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extra] });
}

/**
 * Open a fresh page (new context: empty storage) and record problems.
 * Returns { page, context, problems: { console: [], page: [], foreign: [] } }.
 */
export async function openPage(browser, origin, { locale = 'en-GB', viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const problems = { console: [], page: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) problems.foreign.push(u);
  });
  return { page, context, problems };
}

/** Wait until the app has replaced the loading text. */
export async function appReady(page) {
  await page.waitForSelector('header.site-header', { timeout: 15000 });
}

/**
 * Serve the page at `pathname` with a Content-Security-Policy that forbids workers
 * (`worker-src 'none'`), to see the page do the work itself.
 */
export async function forbidWorkers(page, pathname) {
  await page.route((url) => url.pathname === pathname, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("worker-src 'self'", "worker-src 'none'");
    if (!/worker-src 'none'/.test(body)) throw new Error(`no worker-src 'self' to forbid in ${pathname}`);
    await route.fulfill({ response, body });
  });
}

/**
 * A seeded approval election in pabulib's `.pb` format: `voters` ballots of 1-8 projects (the
 * first projects more popular), `projects` projects of 100,000-500,000, a budget of 100,000 per
 * project.
 */
export function election(voters, projects, seed = 7) {
  let x = seed >>> 0;
  const rand = () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x / 4294967296; };
  const lines = ['META', 'key;value', 'description;large test election', `budget;${projects * 100000}`, 'vote_type;approval', 'PROJECTS', 'project_id;cost;name'];
  for (let p = 1; p <= projects; p++) lines.push(`${p};${1000 * Math.round(100 + 400 * rand())};Project ${p}`);
  lines.push('VOTES', 'voter_id;vote');
  for (let v = 1; v <= voters; v++) {
    const n = 1 + Math.floor(rand() * 8);
    const picked = new Set();
    while (picked.size < n) picked.add(1 + Math.floor(projects * rand() * rand()));
    lines.push(`${v};${[...picked].join(',')}`);
  }
  return lines.join('\n') + '\n';
}
