// Long tasks while a page loads (a benchmark, not a test): headless Chromium with CDP's 4x CPU
// throttling (Lighthouse's mobile slowdown), dist/ served gzipped, a `longtask` observer in the
// page, and One Percent's performance marks (charts drawn, bands from the worker or the page).
//   node tools/longtasks.mjs '/?view=casework&lang=da,/?view=pb&lang=da'
//   DIST=path node tools/longtasks.mjs ...   another build (say, the one before a change)
import path from 'node:path';
import { serve, launch } from '../tests/e2e/helpers.mjs';

const server = await serve(process.env.DIST ? path.resolve(process.env.DIST) : undefined, { gzip: true });
const browser = await launch();
for (const address of (process.argv[2] ?? '/?view=casework&lang=da').split(',')) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push(`${Math.round(e.duration)} ms at ${Math.round(e.startTime)}`);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.origin + address);
  await page.waitForTimeout(6000);
  const r = await page.evaluate(() => ({
    longTasks: window.longTasks,
    marks: performance.getEntriesByType('mark').map((m) => `${m.name.replace('onepercent:', '')} ${Math.round(m.startTime)}`),
  }));
  console.log(`${address}\n  long tasks: ${r.longTasks.join(', ')}\n  marks: ${r.marks.join(', ')}`);
  await context.close();
}
await browser.close();
await server.close();
