// End-to-end tests of the casework view, used the way a person uses it: by labels and roles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, appReady } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures');
let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(lang = 'en') {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=${lang}&view=casework`);
  await appReady(page);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, context, problems };
}

const figure = (page, name) => page.locator('.figures > div', { hasText: name }).locator('.figure-main');
const canvasData = (page, id) => page.locator(`#${id} canvas`).evaluate((c) => c.toDataURL());

test('moving the extra-time slider by keyboard changes the payback, the summary and the chart', async () => {
  const { page, context, problems } = await open('en');
  // Without the cost of the help itself the time pays back only when escalation is counted.
  await page.goto(`${server.origin}/?lang=en&view=casework&case.help_cost=0`);
  await appReady(page);
  const slider = page.getByRole('slider', { name: 'Extra time per decision' });
  assert.equal(await slider.inputValue(), '0.25');
  const budget = () => figure(page, 'Pays back on the budget').textContent();
  const payback0 = await figure(page, 'Pays back counting every assumption').textContent();
  const summary0 = await page.locator('.summary').textContent();
  const chart0 = await canvasData(page, 'chart-saving');
  assert.match(payback0, /^month \d+$/);
  assert.equal(await budget(), 'not within the horizon');

  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '0.45');
  await page.waitForFunction((s) => document.querySelector('.summary').textContent !== s, summary0);
  const payback1 = await figure(page, 'Pays back counting every assumption').textContent();
  assert.notEqual(payback1, payback0);
  assert.match(await page.locator('.summary').textContent(), /With 45% more time per decision/);
  assert.notEqual(await canvasData(page, 'chart-saving'), chart0, 'the saving chart was not redrawn');

  // A near-zero effect of time: no payback within the horizon, said in words.
  await page.getByText('More assumptions').click();
  const effect = page.getByRole('slider', { name: 'Effect of time on errors' });
  await effect.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('.summary').textContent.includes('does not pay for itself'));
  assert.equal(await figure(page, 'Pays back counting every assumption').textContent(), 'not within the horizon');
  assert.equal(await budget(), 'not within the horizon');
  assert.match(await page.locator('.summary').textContent(), /does not pay for itself/);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('every chart has a table with the same numbers, and the numbers match the command line', async () => {
  const { page, context } = await open('en');
  const saving = page.locator('#chart-saving');
  await saving.getByText('Show the numbers as a table').click();
  const rows = await saving.locator('tbody tr').allTextContents();
  assert.equal(rows.length, 5, 'one row a year over five years');
  // The first column is the saving on the budget (the cash the council books).
  const last = await saving.locator('tbody tr').last().locator('td').first().textContent();
  // The command line gives the same cumulative saving at month 60 for the default scenario.
  const cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'onepercent', '--', 'run',
    path.resolve(here, '../../scenarios/default.json')], { encoding: 'utf8' }));
  const expected = Math.round(cli.months[59].cumulative_saving.cash).toLocaleString('en-US');
  assert.equal(last, expected);
  for (const id of ['chart-costs', 'chart-overturns', 'chart-trust']) {
    assert.equal(await page.locator(`#${id} table`).count(), 1, `${id} has no table`);
  }
  // The overturns table's numbers are the command line's: each year's sum of the months, with the
  // decision and without it.
  const overturns = page.locator('#chart-overturns');
  await overturns.getByText('Show the numbers as a table').click();
  const cells = await overturns.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  assert.equal(cells.length, 5, 'one row a year');
  const yearly = (side) => [0, 1, 2, 3, 4].map((y) => cli.months.slice(12 * y, 12 * y + 12)
    .reduce((sum, m) => sum + m[side].overturns, 0));
  const count = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Columns: the year (a row heading), then the scenario, its P10-P90, the baseline.
  const head = await overturns.locator('thead th').allTextContents();
  const base = head.findIndex((h) => /baseline/i.test(h) && !h.includes('P10')) - 1;
  assert.ok(base > 0, `no baseline column in ${head}`);
  assert.deepEqual(cells.map((r) => [r[0], r[base]]), yearly('scenario').map((x, y) => [count(x), count(yearly('baseline')[y])]));

  // The costs table: each year's cost with the decision minus without it, per category, in whole
  // currency units, as the command line's months add up (a value that rounds to zero has no sign).
  const whole = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 0 }).replace(/^-0$/, '0');
  const keys = ['time', 'extra_staff', 'reconsideration', 'rework', 'help', 'failure_demand', 'escalation'];
  const yearSum = (y, side, k) => cli.months.slice(12 * y, 12 * y + 12).reduce((sum, m) => sum + m[side].costs[k], 0);
  const costs = page.locator('#chart-costs');
  await costs.getByText('Show the numbers as a table').click();
  const costHead = await costs.locator('thead th').allTextContents();
  // Its columns in the order of the command line's cost keys.
  assert.deepEqual(costHead.slice(1, 8), ['Caseworker time', 'Extra staff', 'Reconsidering appeals',
    'Deciding remanded cases again', 'The help itself', 'Failure demand', 'Escalation (assumption)']);
  const costCells = await costs.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 7).map((td) => td.textContent)));
  assert.deepEqual(costCells, [0, 1, 2, 3, 4].map((y) => keys.map((k) => whole(yearSum(y, 'scenario', k) - yearSum(y, 'baseline', k)))));
  assert.ok(costCells.flat().some((c) => c !== '0'), 'the costs table says nothing');

  // The trust table: every twelfth month, with the decision and without, as a percentage with one
  // decimal.
  const trust = page.locator('#chart-trust');
  await trust.getByText('Show the numbers as a table').click();
  const trustHead = await trust.locator('thead th').allTextContents();
  const col = (label) => trustHead.indexOf(label) - 1;
  assert.ok(col('The scenario') >= 0 && col('Baseline') >= 0, `no scenario or baseline column in ${trustHead}`);
  const trustCells = await trust.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
  const pct = (x) => `${(100 * x).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  assert.deepEqual(trustCells.map((r) => [r[0], r[1 + col('The scenario')], r[1 + col('Baseline')]]),
    [12, 24, 36, 48, 60].map((m) => [String(m), pct(cli.months[m - 1].scenario.trust), pct(cli.months[m - 1].baseline.trust)]));
  await context.close();
});

test('a bad scenario file is refused with the key and the allowed range, and the scenario is kept', async () => {
  const { page, context, problems } = await open('da');
  const slider = page.getByRole('slider', { name: 'Ekstra tid pr. afgørelse' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const kept = await slider.inputValue();
  await page.waitForFunction(() => document.querySelector('.summary').textContent.startsWith('Med 30'));
  const summary = await page.locator('.summary').textContent();

  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'bad-scenario.json'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Dit nuværende scenarie er uændret/);
  assert.match(text, /Ekstra tid pr\. afgørelse \(case\.extra_time\): "lots" er ikke et tal \(tilladt: -50,0\u00a0% til 200,0\u00a0%\)/);
  assert.match(text, /Timepris \(case\.hourly_cost\): 99\.999 er uden for det tilladte interval 100 til 2\.000/);
  assert.match(text, /case\.no_such_thing/);
  assert.equal(await slider.inputValue(), kept);
  assert.equal(await page.locator('.summary').textContent(), summary);

  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'good-scenario.json'));
  await page.getByRole('status').filter({ hasText: 'Scenariefilen er indlæst' }).waitFor();
  assert.equal(await slider.inputValue(), '0.5');
  assert.deepEqual(problems.page, []);
  await context.close();
});

test('a value typed out of range is refused and the field shows the kept value', async () => {
  const { page, context } = await open('en');
  await page.getByText('More assumptions').click();
  const field = page.getByLabel(/^Residents/);
  assert.equal(await field.inputValue(), '50,000');
  await field.fill('5');
  await field.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Residents \(muni\.population\): 5 is outside the allowed range 1,000 to 10,000,000/);
  assert.equal(await field.inputValue(), '50,000');
  await field.fill('20,000');
  await field.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[role=alert]'));
  assert.equal(await field.inputValue(), '20,000');
  await context.close();
});
