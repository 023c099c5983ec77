// End-to-end tests of the ballots page (ballots.html): open a pabulib file through the file input,
// read what two rules fund and why, switch rules (the address keeps them, never the ballots),
// refuse a broken file with its section, line and field in the user's language, make an example
// from the scenario in the address, follow the link into the app's participatory budgeting view
// with the measured share set; axe-core in both languages at desktop and phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, appReady, election, forbidWorkers } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TEN = path.resolve(here, '../fixtures/ballots/ten-voters.pb');

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const clean = (problems) => assert.deepEqual(problems, { console: [], page: [], foreign: [] });

async function openBallots(page, query = 'lang=en') {
  await page.goto(`${server.origin}/ballots.html?${query}`);
  await page.locator('h1').waitFor({ timeout: 15000 });
}

/** The text of the summary table's row `label`: [rule A, rule B]. */
async function summary(page, label) {
  const row = page.locator('#summary-heading ~ div table tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return row.locator('td').allTextContents();
}

test('open a .pb file, compare greedy with Equal Shares, ask why, switch rules, keep the rules in the address', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await openBallots(page, 'lang=en&a=greedy&b=mes');
  await page.getByText('No ballots yet').waitFor();
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles(TEN);
  await page.locator('.ballots-table').first().waitFor({ timeout: 15000 });
  await page.getByText('ten-voters.pb · budget 1,000 · 5 projects · 10 ballots (approval)').waitFor();
  // Greedy funds 1 (600) and 3 (300); Equal Shares (each voter 100) funds others: the numbers are
  // the command line's (tests/cli.rs runs the same file).
  assert.equal((await summary(page, 'Projects funded'))[0], '2');
  assert.deepEqual((await summary(page, 'Spent'))[0], '900');
  assert.deepEqual((await summary(page, 'Left'))[0], '100');
  const funded = await page.locator('#projects-heading ~ details tbody tr').filter({ hasText: 'Skatepark' }).locator('td').allTextContents();
  assert.equal(funded[0], '600');
  assert.equal(funded[3], 'yes');
  // The chart's first two bars are the summary's share of voters with a funded project, per rule.
  const share = await summary(page, 'Voters with at least one funded project they voted for');
  const bars = await page.locator('#chart-reach p.bar span').allTextContents();
  const num = (s) => Number(s.replace(/[^\d.]/g, ''));
  assert.ok(bars.length >= 2 && bars.length % 2 === 0, JSON.stringify(bars));
  for (const k of [0, 1]) assert.ok(Math.abs(num(bars[k]) - num(share[k])) <= 0.5, `${bars[k]} vs ${share[k]}`);
  const width = await page.locator('#chart-reach rect.a').first().getAttribute('width');
  assert.ok(Math.abs(Number(width) - num(share[0])) <= 0.5, `bar ${width} for ${share[0]}`);
  // Why was Benches (3 votes, 400) not funded under greedy?
  await page.locator('#why-project').selectOption({ label: 'Benches' });
  const why = await page.locator('dl.why').textContent();
  assert.match(why, /Most votes first – no.*When its turn came 100 was left and it cost 400/s, why);
  assert.match(why, /Equal Shares \(MES\) – /);
  // Each chosen rule is explained, and only those.
  const notes = page.locator('dl.rule-notes');
  assert.match(await notes.textContent(), /Most votes first.*skipped.*Equal Shares \(MES\)Every voter gets an equal part/s);
  // Switch rule B; the address keeps both rules and no ballots.
  await page.locator('#rule-b').selectOption('mes-add1-greedy');
  await page.waitForFunction(() => location.search.includes('b=mes-add1-greedy'));
  await page.locator('#summary-heading ~ div thead th', { hasText: 'Equal Shares with add1, the rest by most votes' }).waitFor();
  assert.match(await notes.textContent(), /Equal Shares with add1 first; the money left over/);
  assert.doesNotMatch(await notes.textContent(), /Every voter gets an equal part/);
  assert.doesNotMatch(page.url(), /Skatepark|vote=/);
  // The exports carry the same figures.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const file = await (await download).path();
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(json.results[0].rule, 'greedy');
  assert.deepEqual(json.results[0].funded, ['1', '3']);
  assert.equal(json.results[1].rule, 'mes-add1-greedy');
  await page.screenshot({ path: path.join(os.tmpdir(), 'ballots-en-1280.png'), fullPage: true });
  clean(problems);
  await context.close();
});

test('a broken file is refused with its section, line and field, in Danish, and the page keeps what it had', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await openBallots(page, 'lang=da');
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles(TEN);
  await page.locator('.ballots-table').first().waitFor({ timeout: 15000 });
  const bad = fs.readFileSync(TEN, 'utf8').replace('1;1,2;17;M', '1;1,9;17;M');
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles({ name: 'ødelagt.pb', mimeType: 'text/plain', buffer: Buffer.from(bad) });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /VOTES, linje \d+, feltet »vote«: projektet »9« står ikke under PROJECTS/);
  // The earlier file's results are still there.
  await page.getByText('ten-voters.pb · budget 1.000 · 5 projekter · 10 stemmesedler (godkendelse)').waitFor();
  clean(problems);
  await context.close();
});

test('an example from the scenario in the address, then into the participatory budgeting view with the measured share', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 }, locale: 'da-DK' });
  await openBallots(page, 'lang=da&v=1&muni.population=60000&seed=3');
  await page.getByRole('button', { name: 'Lav et eksempel' }).click();
  await page.locator('.ballots-table').first().waitFor({ timeout: 30000 });
  await page.getByText('Illustration lavet ud fra scenariet, ikke rigtige stemmer.').waitFor();
  const share = (await summary(page, 'Vælgere med mindst ét finansieret projekt, de stemte på'))[0];
  assert.match(share, /^\d+\s%$/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'ballots-da-390.png'), fullPage: true });
  const link = page.getByRole('link', { name: /Åbn borgerbudget med denne andel/ });
  const href = await link.getAttribute('href');
  const want = Number(share.replace(/\s%/, '')) / 100;
  assert.match(href, new RegExp(`pb\\.voters_with_winner=${want}`));
  assert.match(href, /muni\.population=60000/);
  assert.match(href, /view=pb/);
  await link.click();
  await appReady(page);
  const url = new URL(page.url());
  assert.equal(Number(url.searchParams.get('pb.voters_with_winner')), want);
  clean(problems);
  await context.close();
});

test('axe-core: no violations in Danish and English, desktop and phone, with results shown', async () => {
  for (const [lang, viewport] of [['en', { width: 1280, height: 800 }], ['da', { width: 390, height: 844 }], ['da', { width: 1280, height: 800 }], ['en', { width: 390, height: 844 }]]) {
    const { page, context } = await openPage(browser, server.origin, { viewport });
    await openBallots(page, `lang=${lang}`);
    await page.locator('input[type=file][accept*=".pb"]').setInputFiles(TEN);
    await page.locator('.ballots-table').first().waitFor({ timeout: 15000 });
    const result = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${lang} ${viewport.width}`);
    await context.close();
  }
});

/** A pabulib approval election as text: `voters` ballots over `projects` projects, from a seeded
 * generator (popular and unpopular projects, one to eight approvals each). */
/** Record the progress line's texts and the page's long tasks from now on. */
async function watchProgress(page) {
  await page.evaluate(() => {
    window.__progress = [];
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const p = document.querySelector('p.progress');
      const text = p?.textContent?.trim();
      if (text && window.__progress.at(-1) !== text) window.__progress.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

test('a file of tens of megabytes is read and counted in slices: the progress moves, the page keeps answering', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await openBallots(page, 'lang=en&a=greedy&b=mes');
  const text = election(1_200_000, 60);
  assert.ok(text.length > 20e6, `${text.length} bytes`);
  await watchProgress(page);
  // From a file on disk: a buffer would be copied into the page by the test driver, itself a long task.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballots-')), 'large.pb');
  fs.writeFileSync(file, text);
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles(file);
  await page.locator('p.progress progress[max="100"]').waitFor({ timeout: 30000 });
  await page.locator('.ballots-table').first().waitFor({ timeout: 180000 });
  await page.getByText('large.pb · budget 6,000,000 · 60 projects · 1,200,000 ballots (approval)').waitFor();
  const { seen, long } = await page.evaluate(() => ({ seen: window.__progress, long: window.__long }));
  const read = seen.filter((s) => / %$/.test(s));
  // Painted between slices: the percentage was shown many times on its way (one frozen task would
  // show none, or only the last).
  assert.ok(read.length >= 10, `reading progress seen: ${JSON.stringify(read)}`);
  console.log(`# 1,200,000 ballots (${(text.length / 1e6).toFixed(1)} MB): progress shown ${read.length} times; longest task ${Math.round(Math.max(0, ...long))} ms`);
  clean(problems);
  await context.close();
});

test('counting Equal Shares with add1 on 100,000 ballots shows the countings as they go', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await openBallots(page, 'lang=da&a=greedy&b=mes-add1');
  assert.match(await page.locator('dl.rule-notes').textContent(), /Lige andele, udfyldt med add1.*hæves med én hel valutaenhed ad gangen/s);
  await watchProgress(page);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballots-')), 'hundred.pb');
  fs.writeFileSync(file, election(100_000, 200));
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles(file);
  await page.locator('.ballots-table').first().waitFor({ timeout: 180000 });
  const { seen, long } = await page.evaluate(() => ({ seen: window.__progress, long: window.__long }));
  const counts = seen.filter((s) => /optællinger indtil nu$/.test(s));
  assert.ok(counts.length >= 3, `counting progress seen: ${JSON.stringify(seen)}`);
  const numbers = counts.map((s) => Number(s.replace(/\D/g, '')));
  assert.deepEqual([...numbers].sort((x, y) => x - y), numbers, 'the countings only go up');
  console.log(`# add1 on 100,000 ballots: ${numbers.at(-1)}+ countings, progress shown ${counts.length} times; longest task ${Math.round(Math.max(0, ...long))} ms`);
  clean(problems);
  await context.close();
});

test('a CSV pair is read (in pieces, like a .pb file), with the budget typed in Danish', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await openBallots(page, 'lang=da&a=greedy&b=phragmen');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballots-csv-'));
  fs.writeFileSync(path.join(dir, 'projekter.csv'), 'id,name,cost\n1,Skatepark,600\n2,Bænke,400\n3,Bibliotek,300\n');
  const votes = ['voter,approved'];
  for (let v = 1; v <= 3000; v++) votes.push(`${v},"${['1,2', '3', '2,3', '1'][v % 4]}"`);
  fs.writeFileSync(path.join(dir, 'stemmer.csv'), votes.join('\n') + '\n');
  // The file fields speak the page's language (the browser's own says "Choose File" in its own):
  // its file inputs are hidden, a button and the file picked are shown in Danish.
  const picked = page.locator('.csv-picked');
  assert.deepEqual(await picked.allTextContents(), ['Ingen fil valgt', 'Ingen fil valgt']);
  assert.equal(await page.locator('.csv-file .button-secondary', { hasText: 'Vælg fil' }).count(), 2);
  for (const box of await Promise.all((await page.locator('.csv-file input[type=file]').all()).map((i) => i.boundingBox()))) {
    assert.ok(box.width <= 1 && box.height <= 1, `a browser file field shows: ${JSON.stringify(box)}`);
  }
  await page.getByLabel('Projekter (id, name, cost)').setInputFiles(path.join(dir, 'projekter.csv'));
  await page.getByLabel("Stemmer (vælger-id, projekt-id'er)").setInputFiles(path.join(dir, 'stemmer.csv'));
  await picked.filter({ hasText: 'stemmer.csv' }).waitFor();
  assert.deepEqual(await picked.allTextContents(), ['projekter.csv', 'stemmer.csv']);
  await page.getByLabel('Budget', { exact: true }).fill('1.000');
  await page.getByRole('button', { name: 'Læs CSV-filerne' }).click();
  await page.locator('.ballots-table').first().waitFor({ timeout: 30000 });
  await page.getByText('projekter.csv + stemmer.csv · budget 1.000 · 3 projekter · 3.000 stemmesedler').waitFor();
  // Phragmén, by hand (1,500 supporters each): the library at a load of 300 / 1500 = 0.2, then the
  // benches at (750 x 0.2 + 400) / 1500; the skate park would no longer fit (300 + 400 + 600 > 1,000).
  const why = page.locator('#why-project');
  await why.selectOption({ label: 'Skatepark' });
  await page.locator('dl.why', { hasText: 'kostede 600 og der var 300 tilbage, så optællingen stoppede' }).waitFor();
  clean(problems);
  await context.close();
});

test('a large file picked and at once a small one: the small one is shown and stays', async () => {
  // The large file's text arrives after the small one has been read; it must not take its place
  // (it did, and the page went blank: the older file's ballots met the newer file's counting).
  const { page, context, problems } = await openPage(browser, server.origin);
  await openBallots(page, 'lang=en&a=greedy&b=mes');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballots-')), 'large.pb');
  fs.writeFileSync(file, election(1_200_000, 60));
  const input = page.locator('input[type=file][accept*=".pb"]');
  await input.setInputFiles(file);
  await input.setInputFiles(TEN);
  await page.getByText('ten-voters.pb · budget 1,000').waitFor({ timeout: 60000 });
  // Long enough for the large file to have been read and counted (about 3 s here).
  await page.waitForTimeout(10000);
  assert.equal(await page.getByText('large.pb ·').count(), 0, 'the older pick came back');
  assert.equal(await page.getByText('ten-voters.pb · budget 1,000').count(), 1, 'the newer pick is gone');
  clean(problems);
  await context.close();
});

/** Open `file` with add1 on both sides; the result tables' text, and the add1 helpers started. */
async function countedWithAdd1(page, file) {
  const helpers = [];
  page.on('worker', (w) => { if (w.url().endsWith('/add1-worker.js')) helpers.push(w.url()); });
  await openBallots(page, 'lang=en&a=mes-add1&b=mes-add1-greedy');
  await page.locator('input[type=file][accept*=".pb"]').setInputFiles(file);
  await page.locator('.ballots-table').first().waitFor({ timeout: 60000 });
  const tables = await page.locator('.ballots-table').allTextContents();
  const spent = await summary(page, 'Spent');
  return { tables, spent, helpers: helpers.length };
}

test('MES with add1 is counted by helpers (web workers); with them forbidden by the page\'s CSP, the page counts the same itself', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballots-')), 'district.pb');
  fs.writeFileSync(file, election(3_000, 40, 11));
  const helped = await openPage(browser, server.origin);
  const withHelpers = await countedWithAdd1(helped.page, file);
  assert.ok(withHelpers.helpers >= 1, 'the add1 helpers started');
  assert.ok(withHelpers.tables.join('').length > 100, withHelpers.tables.join('\n'));
  clean(helped.problems);
  await helped.context.close();

  const { page, context, problems } = await openPage(browser, server.origin);
  await forbidWorkers(page, '/ballots.html');
  const alone = await countedWithAdd1(page, file);
  assert.equal(alone.helpers, 0);
  assert.deepEqual(alone.tables, withHelpers.tables);
  assert.deepEqual(alone.spent, withHelpers.spent);
  // The browser's own report of the refused worker is the only message.
  assert.ok(problems.console.every((m) => /worker-src|Content Security Policy/.test(m)), problems.console.join('\n'));
  assert.deepEqual(problems.page, []);
  await context.close();
});
