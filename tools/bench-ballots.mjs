// Benchmark (not a test): MES with add1 as the ballots page counts it, in headless Chromium, with
// its helpers (web workers) and without them (their script refused, so the page counts by itself),
// in the same run on the same election: about 6,500 ballots and 64 projects (a city district),
// made by the same generator as the e2e tests (add1 counts it 513 times: `onepercent ballots` on the
// file says so). Measured with the performance marks the page sets:
// "onepercent:counting" when a counting starts and "onepercent:counted" when its result is in.
// Run by `make bench` against dist/; DIST=dir measures another build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, election } from '../tests/e2e/helpers.mjs';
import { busy } from './machine.mjs';

console.log(await busy());

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ballots-')), 'district.pb');
fs.writeFileSync(file, election(6_500, 64));
const server = await serve(process.env.DIST || undefined);
const browser = await launch();

async function open(helpers) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (!helpers) await context.route('**/add1-worker.js', (r) => r.abort());
  const page = await context.newPage();
  await page.goto(`${server.origin}/ballots.html?lang=en&a=greedy&b=mes-add1`);
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles(file);
  await page.locator('.ballots-table').first().waitFor({ timeout: 60000 });
  return { context, page };
}

/** Switch rule b to `rule`: the time from the counting's start to its result (both rules). */
async function switchTo(page, rule) {
  await page.evaluate(() => performance.clearMarks());
  await page.locator('#rule-b').selectOption(rule);
  await page.waitForFunction(() => performance.getEntriesByName('onepercent:counted').length > 0);
  return page.evaluate(() => {
    const [a] = performance.getEntriesByName('onepercent:counting');
    const [b] = performance.getEntriesByName('onepercent:counted');
    return b.startTime - a.startTime;
  });
}

/** Rule b to plain MES (one counting: the page's own work around a counting) and back to add1. */
async function once(page) {
  const single = await switchTo(page, 'mes');
  return { ms: await switchTo(page, 'mes-add1'), single };
}

const times = { helpers: [], alone: [] };
const single = [];
for (const round of [0, 1]) {
  for (const mode of ['helpers', 'alone']) {
    const { context, page } = await open(mode === 'helpers');
    for (let i = 0; i < 7; i++) {
      const { ms, single: one } = await once(page);
      if (i >= 1) times[mode].push(ms); // one warm-up
      if (i >= 1 && mode === 'alone') single.push(one);
    }
    await context.close();
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const threads = await (await browser.newPage()).evaluate(() => navigator.hardwareConcurrency);
for (const mode of ['helpers', 'alone']) {
  console.log(`BENCH ballots page, 6,500 x 64, mes-add1 ${mode === 'helpers' ? `with its helpers (${Math.min(2, threads)} workers)` : 'counted by the page alone'}: median ${median(times[mode]).toFixed(1)} ms, fastest ${Math.min(...times[mode]).toFixed(1)} ms (target <= 50 ms)`);
}
console.log(`BENCH ballots page, 6,500 x 64, plain mes (one counting: greedy, one MES and both summaries, the page's own work around a counting): median ${median(single).toFixed(1)} ms`);
await browser.close();
server.close();
