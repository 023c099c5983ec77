// Long tasks while a page loads (a benchmark, not a test): headless Chromium with CDP's 4x CPU
// throttling (Lighthouse's mobile slowdown), dist/ served gzipped, a `longtask` observer in the
// page, and One Percent's performance marks (charts drawn, bands from the worker or the page).
// "blocking" is the sum over long tasks of their time past 50 ms (what Lighthouse's total blocking
// time adds up; Lighthouse counts from the first paint, this from the start).
//   node tools/longtasks.mjs '/?view=casework&lang=da,/?view=pb&lang=da'
//   DIST=path node tools/longtasks.mjs ...   another build (say, the one before a change)
//   RUNS=5 node tools/longtasks.mjs ...      each address 5 times, and the median blocking time
//   JSFLAGS=--no-wasm-lazy-compilation node tools/longtasks.mjs ...
//                                            V8 flags: this one compiles every wasm function before
//                                            the first call, off the main thread, instead of on the
//                                            main thread at its first call (V8's default)
import path from 'node:path';
import { serve, launch } from '../tests/e2e/helpers.mjs';
import { busy } from './machine.mjs';

console.log(await busy());

const server = await serve(process.env.DIST ? path.resolve(process.env.DIST) : undefined, { gzip: true });
const browser = await launch(process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : []);
const runs = Number(process.env.RUNS ?? 1);
for (const address of (process.argv[2] ?? '/?view=casework&lang=da').split(',')) {
  const blocking = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push([e.duration, e.startTime]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.origin + address);
    await page.waitForTimeout(6000);
    const r = await page.evaluate(() => ({
      longTasks: window.longTasks,
      marks: performance.getEntriesByType('mark').map((m) => `${m.name.replace('onepercent:', '')} ${Math.round(m.startTime)}`),
    }));
    blocking.push(r.longTasks.reduce((sum, [d]) => sum + Math.max(0, d - 50), 0));
    const tasks = r.longTasks.map(([d, t]) => `${Math.round(d)} ms at ${Math.round(t)}`);
    console.log(`${address}\n  long tasks: ${tasks.join(', ')} (blocking ${Math.round(blocking.at(-1))} ms)\n  marks: ${r.marks.join(', ')}`);
    await context.close();
  }
  if (runs > 1) {
    const median = [...blocking].sort((a, b) => a - b)[Math.floor(runs / 2)];
    console.log(`BENCH ${address}: blocking time, median of ${runs}: ${Math.round(median)} ms (${blocking.map(Math.round).join(', ')})`);
  }
}
await browser.close();
await server.close();
