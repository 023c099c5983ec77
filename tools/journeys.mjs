// Screenshots of the journeys this round changed, for a person to look at (served from dist/):
//   node tools/journeys.mjs OUT_DIR
// The councillor (1280x800, 390x844, Danish), the together page with the tornado, the save dialog,
// the trainer's board at 1920x1080, and the PNG exports (e-mail and print size).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch } from '../tests/e2e/helpers.mjs';

const out = process.argv[2] || '/tmp/shots';
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const shot = async (name, url, [w, h], act) => {
  const context = await browser.newContext({ viewport: { width: w, height: h }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}/${url}`);
  await page.waitForSelector('header.site-header');
  await page.waitForTimeout(600);
  if (act) await act(page);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(path.join(out, `${name}.png`));
  await context.close();
};
const place = 'name=%C3%86r%C3%B8%20Kommune&muni.population=6000&muni.budget=500000000';
for (const lang of ['da', 'en']) {
  await shot(`casework-${lang}-1280`, `?v=1&lang=${lang}&view=casework&${place}`, [1280, 800]);
  await shot(`pb-${lang}-390`, `?v=1&lang=${lang}&view=pb&${place}`, [390, 844]);
  await shot(`together-${lang}-1280`, `together.html?v=1&lang=${lang}&${place}`, [1280, 800]);
  await shot(`together-${lang}-390`, `together.html?v=1&lang=${lang}&${place}`, [390, 844]);
  await shot(`save-${lang}-390`, `?v=1&lang=${lang}&view=pb&${place}`, [390, 844], async (page) => {
    await page.locator('.file-actions button').nth(1).click();
    await page.locator('#save-name').scrollIntoViewIfNeeded();
  });
  const groups = ['A: v%3D1%26pb.share%3D0.02', 'B: v%3D1%26seed%3D2', 'C: v%3D1%26case.extra_time%3D1', 'D: v%3D1%26pb.delivery_rate%3D0.3', 'E: v%3D1%26pb.share%3D0.01']
    .map((g) => { const [n, s] = g.split(': '); return `n=${n}&s=${s}`; }).join('&');
  await shot(`board-${lang}-1920`, `workshop.html?lang=${lang}&mode=2&${groups}`, [1920, 1080]);
  await shot(`story-${lang}-1920`, `workshop.html?lang=${lang}&mode=0&story=one-percent&step=2`, [1920, 1080]);
}
// The PNGs: the costs chart (seven categories and the whiskers) and the PB trust chart.
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
const page = await context.newPage();
for (const [view, id] of [['casework', 'chart-costs'], ['pb', 'chart-pb-trust']]) {
  await page.goto(`${server.origin}/?v=1&lang=da&view=${view}&${place}`);
  await page.waitForFunction(() => document.querySelector('.ranges'), null, { timeout: 30000 });
  for (const b of [0, 1]) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id} .png button`).nth(b).click()]);
    await d.saveAs(path.join(out, d.suggestedFilename()));
    console.log(path.join(out, d.suggestedFilename()));
  }
}
await context.close();
await browser.close();
await server.close();
