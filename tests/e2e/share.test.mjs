// End-to-end tests of share links: a link opens exactly the numbers the sender saw, a reload keeps
// the scenario, and a broken link opens a working app with a banner naming what was skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const clean = (problems) => assert.deepEqual(problems, { console: [], page: [], foreign: [] });

/** Everything a councillor reads in the casework results, once the bands are in. */
async function results(page, seed) {
  await page.waitForFunction((s) => document.querySelector('.ranges')?.textContent.includes(`(seed ${s})`), seed,
    { timeout: 20000 });
  return page.locator('section.results').evaluate((el) => {
    const text = [...el.querySelectorAll('.summary, .ranges, .figures')].map((e) => e.textContent).join('\n');
    return text;
  });
}

test('a copied address opens exactly the numbers the sender saw, in a fresh browser', async () => {
  const sender = await openPage(browser, server.origin);
  await sender.page.goto(`${server.origin}/?lang=en&view=casework`);
  await appReady(sender.page);
  const slider = sender.page.getByRole('slider', { name: 'Extra time per decision' });
  await slider.focus();
  // One key at a time, each waited for in the address (Yew re-renders between presses).
  for (const v of ['0.3', '0.35', '0.4']) {
    await sender.page.keyboard.press('ArrowRight');
    await sender.page.waitForFunction((x) => location.search.includes(`case.extra_time=${x}&`), v);
  }
  await sender.page.getByLabel('Seed (same seed, same numbers)').fill('4242');
  await sender.page.getByLabel('Seed (same seed, same numbers)').press('Enter');
  await sender.page.waitForFunction(() => location.search.includes('seed=4242') && location.search.includes('case.extra_time=0.4'));
  const seen = await results(sender.page, 4242);
  const link = sender.page.url();
  assert.match(link, /\?v=1&lang=en&view=casework&case\.extra_time=0\.4&seed=4242$/, link);

  const receiver = await openPage(browser, server.origin, { locale: 'da-DK' });
  await receiver.page.goto(link);
  await appReady(receiver.page);
  assert.equal(await receiver.page.getByRole('slider', { name: 'Extra time per decision' }).inputValue(), '0.4');
  assert.equal(await results(receiver.page, 4242), seen);
  assert.equal(await receiver.page.locator('.banner').count(), 0);

  // A reload keeps the scenario (the address follows every change).
  await receiver.page.reload();
  await appReady(receiver.page);
  assert.equal(await results(receiver.page, 4242), seen);
  clean(sender.problems);
  clean(receiver.problems);
  await sender.context.close();
  await receiver.context.close();
});

test('a broken link opens a working app, names what was skipped, and changes nothing stored', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.evaluate(() => localStorage.setItem('onepercent.lang', 'da'));
  await page.goto(`${server.origin}/?v=1&lang=en&view=pb&pb.share=0.01&case.nonsense=1&case.extra_time=lots&pb.years=99&runs=3`);
  await appReady(page);
  const banner = page.locator('.banner');
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /could not be read in full/);
  // Each named as a person reads it (the label, the range in percent) with the key for file writers.
  for (const part of ['case.nonsense', 'Extra time per decision (case.extra_time): "lots" is not a number (allowed: -50.0% to 200.0%)',
    'Years of participatory budgeting (pb.years): 99 is outside the allowed range 1 to 10', 'runs="3"']) {
    assert.ok(text.includes(part), `${part} missing in: ${text}`);
  }
  // What could be read is in place, and the app works.
  const share = page.getByRole('slider', { name: 'Share of the budget handed to citizens' });
  assert.equal(await share.inputValue(), '0.01');
  await share.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /pb\.share=0\.01\d/.test(location.search));
  assert.equal(await page.evaluate(() => localStorage.getItem('onepercent.lang')), 'da', 'stored language untouched');
  await page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await banner.count(), 0);

  // Garbage and a truncated link: still a working app with a banner, in Danish too.
  for (const q of ['?%%%&&==&v=abc&\u00e6=1', '?v=1&lang=da&view=casework&case.extra_time=0.5&case.hourly_c']) {
    await page.goto(server.origin + '/' + q);
    await appReady(page);
    await page.locator('.banner').waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  assert.match(await page.locator('.banner').textContent(), /Linket kunne ikke læses helt.*case\.hourly_c/s);
  assert.equal(await page.getByRole('slider', { name: 'Ekstra tid pr. afgørelse' }).inputValue(), '0.5');
  clean(problems);
  await context.close();
});

test('Copy link copies the address; the scenario downloads as the JSON the command line reads', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(`${server.origin}/?v=1&lang=en&view=pb&pb.share=0.01&case.funding=absorb&seed=77`);
  await appReady(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('The link is copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the scenario (JSON)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'one-percent-scenario.json');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onepercent-')), 'scenario.json');
  await download.saveAs(file);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.deepEqual(json, { version: 1, params: { 'case.funding': 'absorb', 'pb.share': 0.01 }, seed: 77 });
  // The command line reads it and computes the same scenario (its headline pot matches the page).
  const cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'onepercent', '--', 'run', file],
    { encoding: 'utf8' }));
  assert.equal(cli.scenario.seed, 77);
  assert.equal(cli.scenario.params['pb.share'], 0.01);
  clean(problems);
  await context.close();
});

test('every chart downloads as a PNG with its title, summary and source drawn in', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?v=1&lang=da&view=casework&case.extra_time=0.5&seed=9`);
  await appReady(page);
  // The uncertainty band's legend line makes the image taller: both downloads after the bands are
  // in (a download before them and one after differed in height, a race this test lost in CI).
  await page.waitForFunction(() => document.querySelector('#chart-saving thead')?.textContent.includes('P10–P90'), null, { timeout: 30000 });
  // For e-mail and for print: the same image at twice the size (its height follows its text).
  const sizes = [];
  for (const [label, width] of [['Hent som billede (PNG)', 1200], ['Til tryk (2400 px)', 2400]]) {
    const button = page.getByRole('button', { name: `${label} – Samlet nettobesparelse måned for måned` });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(download.suggestedFilename(), `one-percent-chart-saving-${width}.png`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onepercent-')), 'chart.png');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    sizes.push([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]);
    if (width === 1200) fs.copyFileSync(file, path.join(os.tmpdir(), 'png-saving-1200.png'));
  }
  assert.deepEqual(sizes.map((s) => s[0]), [1200, 2400], 'widths from the IHDR chunk');
  assert.ok(sizes[0][1] >= 700 && Math.abs(sizes[1][1] - 2 * sizes[0][1]) <= 2, `heights ${sizes}`);
  const png = fs.readFileSync(path.join(os.tmpdir(), 'png-saving-1200.png'));
  // Not blank: decode it in the page and count pixels that are not white, in the title band and the
  // chart area.
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  const ink = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const share = (y0, y1) => {
      const d = g.getImageData(0, y0, c.width, y1 - y0).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
      return n / (d.length / 4);
    };
    return { title: share(0, 60), chart: share(200, 650) };
  }, dataUrl);
  assert.ok(ink.title > 0.005, `title band has ink: ${ink.title}`);
  assert.ok(ink.chart > 0.02, `chart area has ink: ${ink.chart}`);
  clean(problems);
  await context.close();
});

test('the results download as CSV identical to the command line for the same scenario and seed', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?v=1&lang=da&view=casework&case.extra_time=0.5&pb.share=0.01&seed=5`);
  await appReady(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onepercent-'));
  const save = async (name, file) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    await download.saveAs(path.join(dir, file));
    return { name: download.suggestedFilename(), text: fs.readFileSync(path.join(dir, file), 'utf8') };
  };
  const csv = await save('Hent resultaterne (CSV)', 'results.csv');
  assert.equal(csv.name, 'one-percent-results.csv');
  await save('Hent scenariet (JSON)', 'scenario.json');
  const cli = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'onepercent', '--', 'run',
    path.join(dir, 'scenario.json'), '--format', 'csv'], { encoding: 'utf8' });
  assert.equal(csv.text, cli);
  // It parses: parameters, seed and headline in the header, a row per month, units in the names.
  const lines = csv.text.trim().split('\n');
  assert.ok(lines.includes('# seed = 5') && lines.includes('# case.extra_time = 0.5'));
  assert.ok(lines.some((l) => /^# headline payback_month = (\d+|not_within_horizon)$/.test(l)));
  assert.ok(lines.some((l) => /^# headline payback_month_with_escalation = (\d+|not_within_horizon)$/.test(l)));
  assert.ok(lines.includes('# grade case.help_cost = placeholder'));
  const rows = lines.filter((l) => !l.startsWith('#'));
  assert.equal(rows.length, 1 + 60);
  const head = rows[0].split(',');
  assert.ok(head.includes('scenario_cost_total_DKK_per_month') && head.includes('cumulative_net_saving_DKK'));
  for (const r of rows.slice(1)) {
    const cells = r.split(',');
    assert.equal(cells.length, head.length);
    assert.ok(cells.every((c) => Number.isFinite(Number(c))), r);
  }
  clean(problems);
  await context.close();
});

test('the embed page writes the iframe code for the chosen size, copies it and previews exactly it', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(`${server.origin}/?v=1&lang=en&view=pb&pb.share=0.01&seed=2`);
  await appReady(page);
  // The editor's page opens with the scenario as it is now.
  await page.getByRole('link', { name: 'Embed in a web page …' }).click();
  await page.locator('#embed-code').waitFor({ timeout: 15000 });
  assert.match(page.url(), /\/embed\.html\?v=1&lang=en&view=pb&pb\.share=0\.01&seed=2$/);
  const code = page.getByLabel('Code to paste into the page');
  await page.getByLabel('Size', { exact: true }).selectOption({ label: 'Wide (960 × 860)' });
  await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('width="960"'));
  assert.match(await code.inputValue(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?v=1&amp;lang=en&amp;view=pb&amp;pb\.share=0\.01&amp;seed=2&amp;embed=widget" width="960" height="860" title="One Percent – Small interactive widget: lever, chart and summary"/);
  await page.getByLabel('What to show').selectOption({ label: 'Who votes' });
  await page.getByLabel('Size', { exact: true }).selectOption({ label: 'Custom' });
  await page.getByLabel('Width (px)').fill('500');
  await page.getByLabel('Width (px)').press('Enter');
  await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('width="500" height="720"'));
  assert.match(await code.inputValue(), /embed=chart-who"/);
  // The preview is that iframe, and it renders the chart.
  const preview = page.locator('.embed-preview iframe');
  assert.equal(await preview.getAttribute('width'), '500');
  const src = (await code.inputValue()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.equal(await preview.getAttribute('src'), src);
  await page.frameLocator('.embed-preview iframe').locator('#chart-who canvas').waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Copy the code' }).click();
  await page.getByText('The code is copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.inputValue());
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  // In Danish at phone width: the same page, the words Danish, no violations.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByRole('heading', { name: 'Indlejr i en webside', level: 1 }).waitFor();
  await page.waitForFunction(() => document.querySelector('#embed-code').value.includes('lang=da'));
  const axeDa = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axeDa.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await page.screenshot({ path: path.join(os.tmpdir(), 'embed-da-390.png'), fullPage: true });
  clean(problems);
  await context.close();
});
