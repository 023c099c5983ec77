// End-to-end tests of embed mode: the app inside an iframe on a page from a second local origin
// (as on a newsletter's site): one chart or the widget renders, fits the iframe, works, links back
// to the full app, and requests nothing from any origin but its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serve, launch, openPage } from './helpers.mjs';

let app;
let host;
let browser;
let hostPage = '';
before(async () => {
  app = await serve();
  host = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((r) => host?.close(r));
});

const hostOrigin = () => `http://127.0.0.1:${host.address().port}`;

/** A host page with the iframe at `at` (embed.html, or '' for an older link to the app, which the
 * app sends on to embed.html). */
async function embed(query, width, height, at = 'embed.html') {
  hostPage = `<!doctype html><html lang="en"><title>Newsletter</title><h1>Our newsletter</h1>
    <iframe src="${app.origin}/${at}?${query.replace(/&/g, '&amp;')}" width="${width}" height="${height}"
      title="One Percent" style="border:0"></iframe>`;
  const { page, context, problems } = await openPage(browser, hostOrigin());
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).origin));
  await page.goto(hostOrigin() + '/');
  const frame = page.frameLocator('iframe');
  await frame.locator('main.embed').waitFor({ timeout: 15000 });
  return { page, context, problems, frame, requests };
}

test('one chart embedded on another site: drawn, fits the iframe, links back, no foreign requests', async () => {
  const { page, context, problems, frame, requests } =
    await embed('v=1&lang=en&view=casework&case.extra_time=0.5&seed=3&embed=chart-saving', 420, 520);
  await frame.locator('#chart-saving canvas').waitFor();
  assert.equal(await frame.locator('header, nav, footer').count(), 0, 'no app chrome in embed mode');
  assert.match(await frame.locator('figcaption').textContent(), /Cumulative net saving/);
  assert.match(await frame.locator('.summary').textContent(), /With 50% more time per decision/);
  const ink = await frame.locator('#chart-saving canvas').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) n++;
    return n / (d.length / 4);
  });
  assert.ok(ink > 0.01, `the chart is drawn (${ink})`);
  const fits = await frame.locator('html').evaluate((el) => el.scrollWidth <= el.clientWidth);
  assert.ok(fits, 'no horizontal scrolling inside a 420 px iframe');
  const open = frame.getByRole('link', { name: 'Open in One Percent' });
  const href = await open.getAttribute('href');
  assert.equal(href, `${app.origin}/?v=1&lang=en&view=casework&case.extra_time=0.5&seed=3`);
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.deepEqual([...new Set(requests)].sort(), [app.origin, hostOrigin()].sort());
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.page, []);
  await context.close();
});

test('the embedded widget: its lever moves the chart and the summary', async () => {
  // An embed link written before the embed page existed points at the app: it still works.
  const { context, problems, frame, requests } = await embed('v=1&lang=da&view=pb&seed=3&embed=widget', 640, 700, '');
  const slider = frame.getByRole('slider', { name: 'Andel af budgettet til borgerne' });
  const summary0 = await frame.locator('.summary').textContent();
  await slider.focus();
  await slider.press('ArrowRight');
  await frame.locator('.summary').filter({ hasNotText: summary0 }).waitFor();
  assert.match(await frame.locator('figcaption').textContent(), /Deltagelse og rækkevidde/);
  assert.deepEqual([...new Set(requests)].sort(), [app.origin, hostOrigin()].sort());
  assert.deepEqual(problems.page, []);
  await context.close();
});

test('every embed kind of every view fits each size the embed page offers, in both languages', async () => {
  // The sizes offered (crates/core/src/embed.rs: SIZES, and embed_choices for every kind).
  const sizes = [[400, 780], [640, 720], [960, 860]];
  const kinds = {
    casework: ['widget', 'chart-saving', 'chart-costs', 'chart-overturns', 'chart-trust'],
    pb: ['widget', 'chart-turnout', 'chart-who', 'chart-projects', 'chart-pb-trust'],
    together: ['widget', 'chart-ledger'],
  };
  const tallest = {};
  for (const lang of ['da', 'en']) {
    for (const [view, list] of Object.entries(kinds)) {
      for (const kind of list) {
        for (const [w, h] of sizes) {
          const { page, context, problems } = await openPage(browser, app.origin, { viewport: { width: w, height: h } });
          await page.goto(`${app.origin}/embed.html?v=1&lang=${lang}&view=${view}&embed=${kind}`);
          await page.locator('main.embed canvas').waitFor({ timeout: 15000 });
          // The content's own height (the document is never shorter than the frame), and no scrolling.
          const [content, scroll] = await page.evaluate(() => [
            Math.ceil(document.querySelector('main.embed').getBoundingClientRect().bottom),
            document.documentElement.scrollHeight]);
          tallest[w] = Math.max(tallest[w] ?? 0, content);
          assert.ok(content <= h && scroll <= h, `${lang} ${view} ${kind} at ${w} x ${h}: content ${content}, scroll ${scroll}`);
          assert.deepEqual(problems.page, []);
          await context.close();
        }
      }
    }
  }
  console.log(`tallest embed content per offered width: ${JSON.stringify(tallest)}`);
});
