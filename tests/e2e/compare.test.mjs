// End-to-end tests of saved scenarios and the compare page (compare.html): save in the app, reload,
// reopen, rename, delete, compare with the app's own numbers, paste links; unreadable stored data
// kept aside and downloadable; a full or blocked storage says so and loses nothing; axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const clean = (problems) => assert.deepEqual(problems, { console: [], page: [], foreign: [] });
const names = (page) => page.locator('.saved-name').allTextContents();
const heads = (page) => page.locator('.compare-table thead th').allTextContents();

async function openApp(page, query) {
  await page.goto(`${server.origin}/?${query}`);
  await appReady(page);
}

async function openCompare(page, query = 'lang=en') {
  await page.goto(`${server.origin}/compare.html?${query}`);
  await page.locator('.compare-table').waitFor({ timeout: 15000 });
}

/** The cell of the table's row `label` in column `col` (0: the default scenario): [value, range]. */
async function cell(page, label, col) {
  const td = page.locator('.compare-table tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .locator('td').nth(col);
  const range = await td.locator('.range').textContent().catch(() => null);
  const all = await td.textContent();
  return [range ? all.slice(0, all.length - range.length) : all, range];
}

/** Save the app's scenario under `name` in the page's own dialog. When a saved scenario has that
 * name, the dialog asks first: `replace` answers. Returns whether it asked. */
async function saveAs(page, name, { lang = 'en', replace = true } = {}) {
  const da = lang === 'da';
  await page.getByRole('button', { name: da ? 'Gem i browseren …' : 'Save in this browser …' }).click();
  const field = page.getByRole('textbox', { name: da ? 'Navn på scenariet' : 'Name of the scenario' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'save-name', 'the name field has the focus');
  await field.fill(name);
  await field.press('Enter');
  const question = page.getByRole('alert').filter({ hasText: da ? 'Erstat det gemte scenarie' : 'Replace the saved scenario' });
  const asked = await question.waitFor({ timeout: 1500 }).then(() => true, () => false);
  if (asked) {
    assert.equal((await question.textContent()).trim(), `${da ? 'Erstat det gemte scenarie' : 'Replace the saved scenario'} »${name}«?`);
    await page.getByRole('button', { name: replace ? (da ? 'Erstat' : 'Replace') : (da ? 'Annuller' : 'Cancel') }).click();
  }
  await field.waitFor({ state: 'detached' });
  return asked;
}

test('save in the app, reopen on the compare page with the app\'s numbers, rename, delete', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  const link = 'v=1&lang=en&view=casework&case.extra_time=0.5&seed=11';
  await openApp(page, link);
  page.on('dialog', (d) => assert.fail(`a browser dialog opened: ${d.message()}`));
  assert.equal(await saveAs(page, 'Plan A'), false);
  await page.getByText('Saved as »Plan A«.').waitFor();
  // The numbers the app shows for this link, once its bands are done.
  const card = page.locator('dl.figures > div').filter({ has: page.getByText('High trust among adults', { exact: true }) });
  await page.waitForFunction(() => [...document.querySelectorAll('dl.figures > div')]
    .some((d) => d.textContent.includes('High trust among adults') && d.textContent.includes('P10–P90')), null, { timeout: 30000 });
  const appTrust = (await card.locator('.figure-main').textContent()).trim();
  const appRange = (await card.textContent()).match(/P10–P90: (.*?%) – (.*?%)/);
  assert.ok(appRange, await card.textContent());

  // Saving twice under the same name asks first: declined, nothing changes and the focus is back on
  // the button; accepted, it updates.
  assert.equal(await saveAs(page, 'Plan A', { replace: false }), true);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Save in this browser …');
  await assert.rejects(page.getByText('Updated: »Plan A«.').waitFor({ timeout: 1000 }));
  assert.equal(await saveAs(page, 'Plan A'), true);
  await page.getByText('Updated: »Plan A«.').waitFor();
  // Escape closes the dialog without saving.
  await page.getByRole('button', { name: 'Save in this browser …' }).click();
  await page.getByRole('textbox', { name: 'Name of the scenario' }).press('Escape');
  await page.getByRole('textbox', { name: 'Name of the scenario' }).waitFor({ state: 'detached' });
  page.removeAllListeners('dialog');
  // The compare page still asks with the browser's own dialogs (rename, delete).
  page.on('dialog', (d) => d.accept(d.type() === 'prompt' ? 'Plan B' : undefined));

  await page.getByRole('link', { name: 'Compare saved scenarios' }).click();
  await page.locator('.compare-table').waitFor();
  assert.match(page.url(), /compare\.html\?lang=en/);
  assert.deepEqual(await names(page), ['Plan A']);
  const compare = page.getByRole('button', { name: 'Compare: Plan A' });
  await compare.click();
  assert.equal(await compare.getAttribute('aria-pressed'), 'true');
  assert.deepEqual((await heads(page)).map((h) => h.replace('×', '').trim()), ['Figure', 'Default scenario', 'Plan A']);
  await page.waitForFunction(() => document.querySelectorAll('.compare-table td .range').length >= 16, null, { timeout: 30000 });
  const [value, range] = await cell(page, 'Adults with high trust at the end', 1);
  assert.equal(value.trim(), appTrust);
  assert.equal(range, `${appRange[1]} – ${appRange[2]}`);
  assert.match(await page.locator('.compare-table tbody tr').first().textContent(), /Extra time per decision: 50%.*Seed: 11/);

  // The comparison is in the address: a reload shows the same columns.
  await page.reload();
  await page.locator('.compare-table').waitFor();
  assert.deepEqual((await heads(page)).map((h) => h.replace('×', '').trim()), ['Figure', 'Default scenario', 'Plan A']);

  // Open goes back to the app with the saved link.
  const href = await page.getByRole('link', { name: 'Open: Plan A' }).getAttribute('href');
  assert.equal(href, `./?${link}`);

  await page.getByRole('button', { name: 'Rename: Plan A' }).click();
  await page.getByText('Renamed to »Plan B«.').waitFor();
  assert.deepEqual(await names(page), ['Plan B']);
  await page.getByRole('button', { name: 'Delete: Plan B' }).click();
  await page.getByText('Deleted: »Plan B«.').waitFor();
  assert.deepEqual(await names(page), []);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('onepercent.saved')));
  assert.deepEqual(stored, { version: 1, scenarios: [] });
  clean(problems);
  await context.close();
});

test('pasted links are compared; what is not a link, or a fifth one, is refused with a message', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await openCompare(page, '');
  await page.getByRole('heading', { name: 'Sammenlign scenarier' }).waitFor();
  const add = async (link, name = '') => {
    await page.getByLabel('Link til et scenarie').fill(link);
    await page.getByLabel('Navn (valgfrit)').fill(name);
    await page.getByRole('button', { name: 'Tilføj til sammenligningen' }).click();
  };
  await add('ikke et link');
  await page.getByText('Indsæt et link fra One Percent', { exact: false }).waitFor();
  await add(`${server.origin}/?v=1&pb.share=0.01&seed=42`, 'Én procent');
  await page.getByText('Tilføjet: Én procent').waitFor();
  await add('v=1&case.extra_time=abc&pb.share=0.02');
  await add('v=1&seed=3');
  await add('v=1&seed=4');
  assert.equal((await heads(page)).length, 6);
  await add('v=1&seed=5');
  await page.getByText('Der kan højst sammenlignes fire scenarier', { exact: false }).waitFor();
  assert.equal((await heads(page)).length, 6);
  // The link with a bad value is compared with what could be read, and the problem is named.
  assert.match(await page.locator('.compare-table tbody tr').first().textContent(), /Dele af linket kunne ikke bruges/);
  const [pb] = await cell(page, 'Borgerbudget brugt i alt', 1);
  assert.match(pb, /172\smio\.\skr\./);
  // Removing a column, by keyboard.
  await page.getByRole('button', { name: 'Fjern fra sammenligningen: 3' }).focus();
  await page.keyboard.press('Enter');
  assert.equal((await heads(page)).length, 5);
  assert.match(decodeURIComponent(page.url()), /n=Én procent&s=v=1&pb\.share=0\.01&seed=42/);
  // Three overlaid charts, each with a table equivalent.
  assert.equal(await page.locator('figure.chart canvas').count(), 3);
  assert.equal(await page.locator('figure.chart table').count(), 3);
  clean(problems);
  await context.close();
});

test('unreadable saved data is kept aside, reported, downloadable and removable on request', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  const bad = '{"version": 7, "scenarios": "from the future"';
  await openApp(page, 'lang=da&view=pb');
  await page.evaluate((bad) => localStorage.setItem('onepercent.saved', bad), bad);
  await openCompare(page, 'lang=da');
  await page.getByText('Noget gemt data kunne ikke læses.', { exact: false }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent de ulæselige data' }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), bad);
  const kept = () => page.evaluate(() => [localStorage.getItem('onepercent.saved'),
    localStorage.getItem('onepercent.saved.unreadable.0'), localStorage.getItem('onepercent.saved.unreadable.1')]);
  assert.deepEqual(await kept(), [bad, bad, null], 'the original stays, and one copy is kept aside');
  await page.reload();
  await page.locator('.compare-table').waitFor();
  assert.deepEqual(await kept(), [bad, bad, null], 'a reload does not copy it twice');

  // Saving in the app replaces the unreadable list only because a copy is kept.
  await openApp(page, 'v=1&lang=da&view=pb&seed=9');
  await saveAs(page, 'Ny', { lang: 'da' });
  await page.getByText('Gemt som »Ny«.').waitFor();
  await openCompare(page, 'lang=da');
  assert.deepEqual(await names(page), ['Ny']);
  await page.getByText('Noget gemt data kunne ikke læses.', { exact: false }).waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Fjern dem fra browseren' }).click();
  await page.getByText('Noget gemt data kunne ikke læses.', { exact: false }).waitFor({ state: 'detached' });
  const after = await kept();
  assert.equal(after[1], null);
  assert.deepEqual(JSON.parse(after[0]).scenarios.map((s) => s.name), ['Ny']);
  clean(problems);
  await context.close();
});

test('a full storage says so and loses nothing; a blocked storage says so too', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await context.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === 'onepercent.saved' && localStorage.getItem('full') === 'yes') {
        throw new DOMException('full', 'QuotaExceededError');
      }
      return real.call(this, k, v);
    };
  });
  await openApp(page, 'v=1&lang=en&view=pb&seed=3');
  await saveAs(page, 'Plan C');
  await page.getByText('Saved as »Plan C«.').waitFor();
  await page.evaluate(() => localStorage.setItem('full', 'yes'));
  await saveAs(page, 'Plan C2');
  await page.getByText("Not saved: the browser's storage is full.", { exact: false }).waitFor();
  await openCompare(page);
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => d.accept(d.type() === 'prompt' ? 'Plan D' : undefined));
  await page.getByRole('button', { name: 'Rename: Plan C' }).click();
  await page.getByText("The browser's storage is full, so the change was not saved.", { exact: false }).waitFor();
  assert.deepEqual(await names(page), ['Plan C']);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('onepercent.saved')));
  assert.deepEqual(stored.scenarios.map((s) => s.name), ['Plan C']);
  clean(problems);
  await context.close();

  // Storage switched off (as in some private modes and iframes): the app and the page still work.
  const blocked = await openPage(browser, server.origin);
  await blocked.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await openApp(blocked.page, 'v=1&lang=en&view=casework');
  await saveAs(blocked.page, 'Plan E');
  await blocked.page.getByText('Not saved: the browser does not allow saving here', { exact: false }).waitFor();
  await openCompare(blocked.page);
  await blocked.page.getByText('No saved scenarios yet.', { exact: false }).waitFor();
  clean(blocked.problems);
  await blocked.context.close();
});

for (const lang of ['en', 'da']) {
  for (const width of [1280, 390]) {
    test(`axe-core finds no violations: compare page, ${lang}, ${width}px`, async () => {
      const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width, height: 844 } });
      await context.addInitScript(() => localStorage.setItem('onepercent.saved', JSON.stringify({
        version: 1, scenarios: [{ name: 'Plan A', link: 'v=1&pb.share=0.01' }, { name: 'B', link: 'v=1&seed=2' }],
      })));
      await openCompare(page, `lang=${lang}&n=Plan%20A&s=v%3D1%26pb.share%3D0.01&s=v%3D1%26case.extra_time%3Dx`);
      await page.waitForFunction(() => !document.querySelector('.updating'), null, { timeout: 30000 });
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      clean(problems);
      await context.close();
    });
  }
}
