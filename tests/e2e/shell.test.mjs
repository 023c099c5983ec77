// End-to-end tests of the app shell against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function assertClean(problems) {
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.page, [], 'page errors');
  assert.deepEqual(problems.foreign, [], 'requests to other origins');
}

test('the page loads in English from an English browser, with no errors and no foreign requests', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'en-GB' });
  await page.goto(server.origin + '/');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('heading', { level: 1, name: /What happens if/ }).waitFor();
  assert.ok(await page.getByRole('navigation', { name: 'Main menu' }).isVisible());
  assertClean(problems);
  await context.close();
});

test('a Danish browser gets Danish; switching language changes the text and the lang attribute', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await page.goto(server.origin + '/');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  await page.getByRole('heading', { level: 1, name: /Hvad sker der/ }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: /What happens if/ }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  // Remembered across a reload without a query parameter.
  await page.goto(server.origin + '/');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assertClean(problems);
  await context.close();
});

test('lang=da in the link wins; an unknown lang is named in the banner; a broken stored value falls back quietly', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'en-US' });
  await page.goto(server.origin + '/?lang=da');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'da');

  await page.evaluate(() => localStorage.setItem('onepercent.lang', '{"broken": tru'));
  await page.goto(server.origin + '/?lang=xx');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'falls back to the browser language');
  assert.match(await page.locator('.banner').textContent(), /lang="xx"/);
  assert.equal(await page.evaluate(() => localStorage.getItem('onepercent.lang')), '{"broken": tru', 'storage untouched');
  await page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('[role=alert]').count(), 0, 'the banner closes');
  assertClean(problems);
  await context.close();
});

test('navigation and footer reach every view by keyboard; the URL follows', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/?lang=en');
  await appReady(page);
  // The first Tab lands on the skip link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await nav.getByRole('link', { name: 'How it works' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'How it works' }).waitFor();
  assert.match(page.url(), /view=how/);
  assert.equal(await nav.getByRole('link', { name: 'How it works' }).getAttribute('aria-current'), 'page');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Sources' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
  assert.match(await page.title(), /Sources/);
  // A link to a view opens it directly.
  await page.goto(server.origin + '/?view=sources&lang=da');
  await page.getByRole('heading', { level: 1, name: 'Kilder' }).waitFor();
  assertClean(problems);
  await context.close();
});

test('a Content-Security-Policy allows only the page\'s own origin, and the app runs under it', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/');
  await appReady(page);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|CSP_LOADER_HASH|https?:/);
  assertClean(problems);
  await context.close();
});

/** No axe-core violations, nothing wider than the screen, no errors or foreign requests. */
async function accessibleAndFits(page, problems) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
  assert.deepEqual(summary, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  assertClean(problems);
}

for (const lang of ['en', 'da']) {
  for (const view of ['overview', 'pb', 'casework', 'together', 'how', 'sources']) {
    for (const width of [1280, 390]) {
      test(`axe-core finds no violations: ${view}, ${lang}, ${width}px`, async () => {
        const { page, context, problems } = await openPage(browser, server.origin, {
          viewport: { width, height: 844 },
        });
        await page.goto(`${server.origin}/?lang=${lang}&view=${view}`);
        await appReady(page);
        await accessibleAndFits(page, problems);
        await context.close();
      });
    }
  }
}

// Embed mode (no header) and a page opened from a broken link (with the banner).
for (const lang of ['en', 'da']) {
  for (const q of ['view=pb&embed=widget', 'view=casework&embed=chart-saving', 'view=together&embed=chart-ledger',
    'view=casework&case.nonsense=1&case.extra_time=lots']) {
    for (const width of [960, 390]) {
      test(`axe-core finds no violations: ${q}, ${lang}, ${width}px`, async () => {
        const { page, context, problems } = await openPage(browser, server.origin, {
          viewport: { width, height: 700 },
        });
        await page.goto(`${server.origin}/?lang=${lang}&${q}`);
        await page.waitForSelector(q.includes('embed') ? 'main.embed figure canvas' : '.banner', { timeout: 15000 });
        await accessibleAndFits(page, problems);
        await context.close();
      });
    }
  }
}
