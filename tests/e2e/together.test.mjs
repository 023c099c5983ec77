// End-to-end tests of uncertainty: bands and ranges in the decision views, the seed, and the
// together view with the trust ledger and the tornado.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ranges = (page) => page.locator('.ranges');
// "+1.40 pp" / "-2,50 pct.-point" -> -2.5
const pp = (s) => parseFloat(s.replace(/[^\d,.+-]/g, '').replace(',', '.'));

test('the casework view shows Monte Carlo ranges that follow the seed and the levers', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=en&view=casework`);
  await appReady(page);
  await ranges(page).waitFor({ timeout: 20000 });
  assert.match(await ranges(page).textContent(), /^Across 500 draws of the uncertain assumptions \(seed 1\)/);
  // Over all runs, "after the period" where a run does not pay back within it.
  const range = /P10–P90: (after the period|\d+ – (\d+|after the period))/;
  assert.match(await page.locator('.figures > div', { hasText: 'Pays back on the budget' }).textContent(), range);
  assert.match(await page.locator('.figures > div', { hasText: 'Pays back counting every assumption' }).textContent(), range);

  // A new seed: the ranges say so and change.
  const before = await ranges(page).textContent();
  const seed = page.getByLabel('Seed (same seed, same numbers)');
  await seed.fill('42');
  await seed.press('Enter');
  await page.waitForFunction(() => document.querySelector('.ranges')?.textContent.includes('(seed 42)'));
  assert.notEqual(await ranges(page).textContent(), before);
  // New draw: a fresh seed from the browser.
  await page.getByRole('button', { name: 'New draw' }).click();
  await page.waitForFunction(() => !document.querySelector('.ranges')?.textContent.includes('(seed 42)'));
  assert.notEqual(await seed.inputValue(), '42');
  // Fewer runs.
  await page.getByLabel('Runs').selectOption('100');
  await page.waitForFunction(() => document.querySelector('.ranges')?.textContent.startsWith('Across 100 draws'));
  // The table of the saving chart carries the P10-P90 column.
  await page.locator('#chart-saving').getByText('Show the numbers as a table').click();
  assert.match(await page.locator('#chart-saving thead').textContent(), /On the budget \(P10–P90\)/);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('the together view: the ledger sums to the change in trust, and the tornado follows the chosen result', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=en&view=together`);
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: /Both decisions/ }).waitFor();
  const ledger = page.locator('#chart-ledger');
  await ledger.getByText('Show the numbers as a table').click();
  await page.locator('.ranges, #chart-ledger thead th:nth-child(3)').first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.querySelectorAll('#chart-ledger thead th').length === 3);
  assert.equal(await ledger.locator('thead th').nth(2).textContent(), 'P10–P90');
  const cells = await ledger.locator('tbody tr td:nth-of-type(1)').allTextContents();
  assert.equal(cells.length, 9);
  const mechanisms = cells.slice(0, 8).map(pp).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(mechanisms - pp(cells[8])) < 0.03, `ledger ${mechanisms} vs total ${cells[8]}`);

  const tornado = page.locator('#chart-tornado');
  await tornado.getByText('Show the numbers as a table').click();
  assert.equal(await tornado.locator('tbody tr').count(), 10);
  const first = await tornado.locator('tbody tr th').first().textContent();
  assert.equal(first, 'Cost of the help', 'the help itself decides the net cost');
  await page.getByLabel('Result').selectOption('trust');
  await page.waitForFunction(() => document.querySelector('#chart-tornado tbody th')?.textContent !== 'Cost of the help');
  // Measured against the baseline, today's trust no longer ranks first.
  assert.equal(await tornado.locator('tbody tr th').first().textContent(), 'People one experience reaches');
  // At the defaults no assumption makes the time pay back on the budget: said in words.
  await page.getByLabel('Result').selectOption('payback');
  await page.getByText('None of the assumptions moves this result within its uncertainty range.').waitFor();
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('Danish: ranges and the tornado in Danish', async () => {
  const { page, context } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await page.goto(`${server.origin}/?view=pb`);
  await appReady(page);
  await ranges(page).waitFor({ timeout: 20000 });
  assert.match(await ranges(page).textContent(), /^Over 500 træk af de usikre antagelser \(startværdi 1\) ligger deltagelsen/);
  await page.goto(`${server.origin}/?view=together`);
  await page.locator('#chart-tornado').getByText('Vis tallene som tabel').click();
  assert.equal(await page.locator('#chart-tornado thead th').first().textContent(), 'Antagelse');
  await context.close();
});

test('the together view is a page of its own: the navigation carries the scenario there and back', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await page.goto(`${server.origin}/?v=1&lang=da&view=pb&name=Ærø&pb.share=0.01&seed=7`);
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Samlet' }).click();
  await page.getByRole('heading', { level: 1, name: /Begge beslutninger/ }).waitFor();
  assert.match(page.url(), /\/together\.html\?v=1&lang=da&view=together&name=%C3%86r%C3%B8&pb\.share=0\.01&seed=7$/);
  assert.equal(await nav.getByRole('link', { name: 'Samlet' }).getAttribute('aria-current'), 'page');
  // Its own levers (the seed) stay in its address, and back in the app they are kept.
  await page.getByLabel(/^Startværdi/).fill('9');
  await page.getByLabel(/^Startværdi/).press('Enter');
  await page.waitForFunction(() => location.search.endsWith('seed=9'));
  await nav.getByRole('link', { name: 'Borgerbudget' }).click();
  await page.getByRole('heading', { level: 1, name: 'Borgerne bestemmer over en del af budgettet' }).waitFor();
  assert.match(page.url(), /\/\?v=1&lang=da&view=pb&name=%C3%86r%C3%B8&pb\.share=0\.01&seed=9$/);
  // On paper the together page lists what differs from the defaults, under the municipality's name.
  await page.goto(`${server.origin}/together.html?v=1&lang=da&name=%C3%86r%C3%B8&pb.share=0.01`);
  await page.getByRole('heading', { level: 1, name: /Begge beslutninger/ }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const paper = page.locator('main .print-only').first();
  assert.ok(await paper.isVisible());
  assert.equal(await paper.textContent(), 'Ærø · Ændret fra standardværdierne: Andel af budgettet til borgerne: 1,0\u00a0%');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});
