// End-to-end tests of the Monte Carlo worker (assets/mc-worker.js, src/web.rs): the bands are
// computed off the page's main thread, with the page's own wasm module, and are the command line's
// numbers for the same seed, with a second worker for half the runs or without one; where the
// worker is forbidden (a CSP without it) the page computes the same bands itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, appReady, forbidWorkers } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const marks = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
const ADDRESS = '/?v=1&lang=en&view=casework&seed=5';

/** The saving chart's table: each year's P10-P90 cell. */
async function savingRanges(page) {
  const saving = page.locator('#chart-saving');
  await saving.getByText('Show the numbers as a table').click();
  await page.waitForFunction(() => document.querySelectorAll('#chart-saving thead th').length > 2);
  const col = await saving.locator('thead th').allTextContents();
  const k = col.findIndex((c) => c.includes('P10–P90'));
  assert.ok(k > 0, `no P10-P90 column in ${col}`);
  return saving.locator(`tbody tr td:nth-child(${k + 1})`).allTextContents();
}

let fromWorker;

test('the bands come from the worker, with the page\'s own module, and are the command line\'s', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(server.origin + ADDRESS);
  await appReady(page);
  await page.locator('.ranges').waitFor({ timeout: 20000 });
  assert.equal(await marks(page, 'onepercent:bands-from-worker'), 1);
  assert.equal(await marks(page, 'onepercent:bands-on-page'), 0);
  // Where the machine runs two threads or more, the worker starts a second one for half the runs.
  const threads = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.deepEqual(page.workers().map((w) => path.basename(new URL(w.url()).pathname)),
    threads > 1 ? ['mc-worker.js', 'mc-worker.js'] : ['mc-worker.js']);
  // The worker imports the page's glue (already loaded) and is sent the compiled module: the wasm
  // is fetched once.
  assert.equal(requested.filter((p) => p.endsWith('.wasm')).length, 1, requested.join(' '));
  fromWorker = { ranges: await page.locator('.ranges').textContent(), table: await savingRanges(page) };

  // The command line, same scenario and seed: the last year's P10 and P90 of the cumulative saving.
  const cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'onepercent', '--', 'run',
    path.resolve(here, '../../scenarios/default.json'), '--seed', '5', '--runs', '500'], { encoding: 'utf8' }));
  const band = cli.monte_carlo.series.find(([name]) => name === 'cumulative_saving')[1][59];
  const money = (x) => Math.round(x).toLocaleString('en-US');
  const last = fromWorker.table[fromWorker.table.length - 1];
  assert.ok(last.includes(money(band.p10)) && last.includes(money(band.p90)), `${last} vs ${money(band.p10)} – ${money(band.p90)}`);

  // A lever moved: new bands, from the worker again.
  const slider = page.getByRole('slider', { name: 'Extra time per decision' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => performance.getEntriesByName('onepercent:bands-from-worker').length >= 2);
  await page.waitForFunction((before) => document.querySelector('.ranges')?.textContent !== before, fromWorker.ranges);
  assert.equal(await marks(page, 'onepercent:bands-on-page'), 0);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('with the second worker forbidden (the worker\'s own CSP), the worker runs every run itself: the same bands', async () => {
  assert.ok(fromWorker, 'runs after the worker test');
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.route((url) => url.pathname === '/mc-worker.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" } });
  });
  await page.goto(server.origin + ADDRESS);
  await appReady(page);
  await page.locator('.ranges').waitFor({ timeout: 20000 });
  assert.equal(await marks(page, 'onepercent:bands-from-worker'), 1);
  assert.equal(await marks(page, 'onepercent:bands-on-page'), 0);
  assert.deepEqual(page.workers().map((w) => path.basename(new URL(w.url()).pathname)), ['mc-worker.js']);
  assert.equal(await page.locator('.ranges').textContent(), fromWorker.ranges);
  assert.deepEqual(await savingRanges(page), fromWorker.table);
  // A lever moved: new bands, from the one worker again.
  const slider = page.getByRole('slider', { name: 'Extra time per decision' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => performance.getEntriesByName('onepercent:bands-from-worker').length >= 2);
  assert.equal(await marks(page, 'onepercent:bands-on-page'), 0);
  assert.ok(problems.console.every((m) => /worker-src|Content Security Policy/.test(m)), problems.console.join('\n'));
  assert.deepEqual(problems.page, []);
  await context.close();
});

test('with the worker forbidden by the page\'s CSP, the page computes the same bands itself', async () => {
  assert.ok(fromWorker, 'runs after the worker test');
  const { page, context, problems } = await openPage(browser, server.origin);
  await forbidWorkers(page, '/');
  await page.goto(server.origin + ADDRESS);
  await appReady(page);
  await page.locator('.ranges').waitFor({ timeout: 20000 });
  assert.equal(await marks(page, 'onepercent:bands-from-worker'), 0);
  assert.equal(await marks(page, 'onepercent:bands-on-page'), 1);
  assert.equal(await page.locator('.ranges').textContent(), fromWorker.ranges);
  assert.deepEqual(await savingRanges(page), fromWorker.table);
  // The browser's own report of the refused worker is the only message.
  assert.ok(problems.console.every((m) => /worker-src|Content Security Policy/.test(m)), problems.console.join('\n'));
  assert.deepEqual(problems.page, []);
  await context.close();
});

test('the compare page asks the worker for its columns one after another; without it, the same ranges', async () => {
  const link = (q) => encodeURIComponent(`v=1&lang=en&seed=3&${q}`);
  const address = `/compare.html?lang=en&n=A&s=${link('case.extra_time=0.5')}&n=B&s=${link('pb.share=0.01')}`;
  const ranges = async (blocked) => {
    const { page, context, problems } = await openPage(browser, server.origin);
    if (blocked) {
      await page.route((url) => url.pathname === '/compare.html', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace("worker-src 'self'", "worker-src 'none'") });
      });
    }
    await page.goto(server.origin + address);
    await page.locator('.compare-table').waitFor();
    // The default scenario's column and two more: each figure's range (9 a column) filled in.
    await page.waitForFunction(() => document.querySelectorAll('.compare-table td .range').length === 27, null, { timeout: 30000 });
    const workers = page.workers().map((w) => path.basename(new URL(w.url()).pathname));
    const text = await page.locator('.compare-table').textContent();
    if (!blocked) assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
    return { workers, text };
  };
  const withWorker = await ranges(false);
  assert.deepEqual(withWorker.workers.slice(0, 1), ['mc-worker.js']);
  const without = await ranges(true);
  assert.deepEqual(without.workers, []);
  assert.equal(without.text, withWorker.text);
});

test('the bands are computed once for the app: switching views keeps them', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(server.origin + ADDRESS);
  await appReady(page);
  await page.locator('.ranges').waitFor({ timeout: 20000 });
  assert.equal(await marks(page, 'onepercent:bands-done'), 1);
  const nav = page.locator('.main-nav');
  // To the participatory budgeting view: its ranges at once, from the same bands.
  await nav.getByRole('link', { name: 'Participatory budgeting' }).click();
  await page.waitForFunction(() => location.search.includes('view=pb'));
  await page.locator('.ranges').waitFor({ timeout: 2000 });
  assert.doesNotMatch(await page.locator('.ranges').textContent(), /^\s*$/);
  // Through the overview (no bands there) and back to casework: nothing computed again.
  await nav.getByRole('link', { name: 'Overview' }).click();
  await page.waitForFunction(() => !location.search.includes('view=pb'));
  await nav.getByRole('link', { name: 'Casework' }).click();
  await page.waitForFunction(() => location.search.includes('view=casework'));
  await page.locator('.ranges').waitFor({ timeout: 2000 });
  await page.waitForTimeout(500);
  assert.equal(await marks(page, 'onepercent:bands-done'), 1);
  // A changed lever does compute again.
  const slider = page.getByRole('slider', { name: 'Extra time per decision' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => performance.getEntriesByName('onepercent:bands-done').length === 2);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('bands that arrive while a number is being typed do not overwrite it', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  // 10,000 runs: the bands take long enough that the typing happens before they arrive.
  await page.goto(server.origin + '/?v=1&lang=da&view=casework&runs=10000&seed=5');
  await appReady(page);
  await page.locator('.ranges').waitFor({ timeout: 30000 });
  const slider = page.getByRole('slider', { name: 'Ekstra tid pr. afgørelse' });
  // A lever moved starts new bands; a number is typed (not yet committed: no Enter, no Tab, focus
  // stays in the field) before they arrive; then it is committed.
  const typeWhileComputing = async (field, text, done) => {
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await field.fill(text);
    assert.ok(await marks(page, 'onepercent:bands-done') < done, 'the bands arrived before the typing');
    await page.waitForFunction((n) => performance.getEntriesByName('onepercent:bands-done').length === n, done,
      { timeout: 60000 });
    assert.equal(await field.inputValue(), text);
    await field.press('Enter');
  };
  const residents = page.locator('#p-muni-population');
  await typeWhileComputing(residents, '60.000', 2);
  await page.waitForFunction(() => location.search.includes('muni.population=60000'));
  // The committed number computes again; then the place's name, typed the same way.
  await page.waitForFunction(() => performance.getEntriesByName('onepercent:bands-done').length === 3, null,
    { timeout: 60000 });
  await typeWhileComputing(page.locator('#place-name'), 'Vesthavn', 4);
  await page.waitForFunction(() => location.search.includes('name=Vesthavn'));
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});
