// Lighthouse (its default mobile profile: simulated slow 4G and 4x CPU slowdown) on every view of
// every page of dist/, served locally and gzipped, printed as one table. A benchmark, not a test: it never
// fails on a score. Run by `make lighthouse`, which installs lighthouse 12.2.3 under
// target/lighthouse once (13.x wants Node 22) and uses Debian chromium.
//   node tools/lighthouse.mjs [filter]   only the pages whose address contains `filter`
//   DIST=path node tools/lighthouse.mjs  another build (say, the one before a change), same table
//   RUNS=3 node tools/lighthouse.mjs     each page 3 times, the run with the median blocking time
//                                        (one run's blocking time varies 2-3x on this machine)
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/helpers.mjs';
import { busy, share } from './machine.mjs';

console.log(await busy());

const here = path.dirname(fileURLToPath(import.meta.url));
const LH = path.resolve(here, '../target/lighthouse/node_modules/.bin/lighthouse');
const two = 'n=A&s=' + encodeURIComponent('v=1&case.extra_time=0.25') + '&n=B&s=' + encodeURIComponent('v=1&pb.share=0.01');
const PAGES = [
  '/?lang=da',
  '/?view=pb&lang=da',
  '/?view=casework&lang=da',
  '/?view=how&lang=da',
  '/?view=sources&lang=da',
  '/together.html?view=together&lang=da',
  `/compare.html?lang=da&${two}`,
  '/workshop.html?lang=da',
  '/ballots.html?lang=da',
  '/embed.html?lang=da',
  '/embed.html?v=1&lang=da&view=casework&embed=chart-saving',
  '/embed.html?v=1&lang=da&view=pb&embed=widget',
  '/how.da.html',
  '/sources.da.html',
  '/fit.da.html',
];

const filter = process.argv[2] ?? '';
// Compressed as a static host serves it (the size budget counts gzip bytes).
const server = await serve(process.env.DIST ? path.resolve(process.env.DIST) : undefined, { gzip: true });
const run = (url) => new Promise((resolve, reject) => {
  const args = [url, '--quiet', '--output=json', '--output-path=stdout',
    '--only-categories=performance,accessibility',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'];
  execFile(LH, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 1 << 28 },
    (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))));
});
const ms = (a) => (a?.numericValue == null ? '-' : `${Math.round(a.numericValue).toLocaleString('en')} ms`);
const s = (a) => (a?.numericValue == null ? '-' : `${(a.numericValue / 1000).toFixed(1)} s`);
// The last column: how busy the machine was in the second before the page's runs
// (tools/machine.mjs); Lighthouse times the page's tasks on this machine's CPU.
console.log('| page | performance | accessibility | FCP | LCP | time to interactive | total blocking time | machine busy before |');
console.log('|---|---|---|---|---|---|---|---|');
for (const page of PAGES.filter((p) => p.includes(filter))) {
  const before = await share();
  const runs = [];
  for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) runs.push(await run(server.origin + page));
  const tbt = (x) => x.audits['total-blocking-time'].numericValue;
  const r = runs.sort((x, y) => tbt(x) - tbt(y))[Math.floor(runs.length / 2)];
  const a = r.audits;
  const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
  const shown = page.length > 60 ? page.slice(0, 57) + '...' : page;
  console.log(`| \`${shown}\` | ${score('performance')} | ${score('accessibility')} | ${s(a['first-contentful-paint'])} | ${s(a['largest-contentful-paint'])} | ${s(a.interactive)} | ${ms(a['total-blocking-time'])} | ${Math.round(before * 100)}% |`);
}
await server.close();
