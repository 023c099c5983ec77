// End-to-end tests of the participatory budgeting view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const figure = (page, name) => page.locator('.figures > div', { hasText: name }).locator('.figure-main');
const canvasData = (page, id) => page.locator(`#${id} canvas`).evaluate((c) => c.toDataURL());

test('moving the share of the budget changes turnout, the pot, the summary and the chart', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=en&view=pb`);
  await appReady(page);
  const slider = page.getByRole('slider', { name: 'Share of the budget handed to citizens' });
  assert.equal(await slider.inputValue(), '0.005');
  assert.match(await page.locator('.param-note').first().textContent(), /Pot per year: DKK\u00a018m \(DKK\u00a0360 per resident\)/);
  // Ten years of votes set, five years simulated: the control says how many votes fall within.
  assert.equal(await page.locator('.param-note').nth(1).textContent(), 'Votes within the horizon: 5');
  // The municipality's own figures sit at the top of the view, and PB's own effect on trust has a card.
  assert.equal(await page.getByLabel('Residents').inputValue(), '50,000');
  assert.match(await figure(page, 'Trust from participatory budgeting').textContent(), /^\+\d\.\d\u00a0pp$/);
  // 0.5% of a DKK 3.6bn budget is far beyond Danish pots: the note says so.
  assert.equal(await page.locator('.scale-gap').count(), 1);

  await slider.focus();
  await page.keyboard.press('Home');
  // A pot of zero: no votes, and the summary says what to do (Yew re-renders on its next tick).
  assert.equal(await slider.inputValue(), '0');
  await page.waitForFunction(() => document.querySelector('.summary').textContent.startsWith('No votes'));
  assert.equal(await page.locator('.scale-gap').count(), 0);

  // Steps of 0.05 percentage points: one press gives a small pot, 20 reach 1%. The pot saturates
  // early (fitted to published votes), so 1% brings out more voters than 0.05%, but not 20 times more.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.querySelector('.summary').textContent.startsWith('No votes'));
  const small = await figure(page, 'Turnout at the vote').textContent();
  const chartSmall = await canvasData(page, 'chart-turnout');
  for (let i = 0; i < 19; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '0.01');
  await page.waitForFunction(() => document.querySelector('.summary').textContent.includes('With 1.0%'));
  const turnout1 = await figure(page, 'Turnout at the vote').textContent();
  const last = (s) => parseFloat(s.split('→').pop());
  assert.ok(last(turnout1) > last(small) && last(turnout1) < 2 * last(small), `${small} vs ${turnout1}`);
  assert.match(await page.locator('.summary').textContent(), /With 1\.0% of the budget handed to citizens \(DKK\u00a036m a year/);
  assert.notEqual(await canvasData(page, 'chart-turnout'), chartSmall);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('overruling citizens lowers trust, in Danish', async () => {
  const { page, context } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await page.goto(`${server.origin}/?view=pb`);
  await appReady(page);
  const trust0 = await figure(page, 'Høj tillid blandt voksne').textContent();
  const slider = page.getByRole('slider', { name: 'Kommunalbestyrelsen underkender' });
  await slider.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '0.13');
  // Wait for Yew's re-render (on its next tick) before reading the figure.
  await page.waitForFunction((t) => {
    const el = [...document.querySelectorAll('.figures > div')].find((d) => d.textContent.includes('Høj tillid blandt voksne'));
    return el && el.querySelector('.figure-main').textContent !== t;
  }, trust0);
  const trust1 = await figure(page, 'Høj tillid blandt voksne').textContent();
  const pct = (s) => parseFloat(s.replace(',', '.'));
  assert.ok(pct(trust1) < pct(trust0), `trust ${trust1} should be below ${trust0}`);
  const table = page.locator('#chart-projects');
  await table.getByText('Vis tallene som tabel').click();
  assert.equal(await table.locator('tbody tr').count(), 5);
  assert.match(await table.locator('thead').textContent(), /Underkendt af kommunen/);
  await context.close();
});
