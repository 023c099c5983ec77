// End-to-end tests of the static reference pages written at build time by the command line:
// "How well does it fit?" (fit.<lang>.html), the Sources page and "How the model works". The fit
// table must say what `onepercent validate` says; every page reads without JavaScript, links its
// other language and the app, and has no axe-core violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the fit page shows the same table as onepercent validate, in both languages', async () => {
  const cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'onepercent', '--', 'validate',
    '--dir', path.join(root, 'scenarios/validation'), '--format', 'json'], { encoding: 'utf8', cwd: root }));
  for (const [lang, locale, yes] of [['en', 'en-US', 'yes'], ['da', 'da-DK', 'ja']]) {
    const { page, context, problems } = await openPage(browser, server.origin);
    await page.goto(`${server.origin}/fit.${lang}.html`);
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), cli.length);
    for (let i = 0; i < cli.length; i++) {
      const r = cli[i];
      const cells = await rows.nth(i).locator('td').allTextContents();
      const shown = r.case.quantity === 'baseline_overturn_share'
        ? (r.model * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
        : Math.round(r.model).toLocaleString(locale);
      assert.ok(cells[1].startsWith(shown), `${r.case.id}: page ${cells[1]} vs command line ${shown}`);
      assert.equal(cells[2], r.ratio.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
      assert.equal(cells[4] === yes, r.inside, `${r.case.id} inside`);
      assert.equal(cells[5] === yes, r.within, `${r.case.id} within`);
    }
    // The misses are said in words, not hidden.
    const misses = cli.filter((r) => !r.within).length;
    assert.match(await page.locator('main > p').nth(1).textContent(), new RegExp(`${misses} (of|af) ${cli.length}`));
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
  }
});

test('a control links its source on the Sources page, which lists every parameter with its grade', async () => {
  const { page, context } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=en&view=casework`);
  await page.waitForSelector('header.site-header');
  await page.getByText('More assumptions').click();
  const about = page.locator('.param', { has: page.locator('#p-case-help_cost') }).locator('details.about');
  // Opened from the keyboard: what it folds away is made when it opens.
  assert.equal(await about.locator('dl').count(), 0);
  await about.locator('summary').focus();
  await page.keyboard.press('Enter');
  await about.locator('dl').waitFor();
  assert.match(await about.textContent(), /placeholder: replace with your own/);
  await about.getByRole('link', { name: 'See the source' }).click();
  await page.waitForURL(/sources\.en\.html#case\.help_cost$/);
  const row = page.locator('tr[id="case.help_cost"]');
  assert.match(await row.textContent(), /What the help itself costs per citizen per month/);
  assert.match(await row.textContent(), /placeholder: replace with your own/);
  const params = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'onepercent', '--', 'params',
    '--format', 'json'], { encoding: 'utf8', cwd: root }));
  assert.equal(await page.locator('tbody tr').count(), params.length);
  await context.close();
});

for (const name of ['fit', 'sources', 'how']) {
  for (const lang of ['da', 'en']) {
    test(`axe-core finds no violations: ${name}.${lang}.html, without JavaScript`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/${name}.${lang}.html`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const other = lang === 'da' ? 'en' : 'da';
      assert.equal(await page.locator(`a[href="${name}.${other}.html"]`).count(), 1);
      await context.close();
      const { page: checked, context: c2 } = await openPage(browser, server.origin);
      await checked.goto(`${server.origin}/${name}.${lang}.html`);
      const results = await new AxeBuilder({ page: checked }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
      await c2.close();
    });
  }
}
