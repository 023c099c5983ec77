// End-to-end tests of workshop mode (workshop.html) and offline use: the presenter's keyboard flow,
// a predict-then-reveal round with the app's own numbers, a story played to its end, a story file
// with errors, the group board with three links, axe-core; the app working offline after the first
// load, and a new release's cache replacing the old one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, appReady, DIST } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const clean = (problems) => assert.deepEqual(problems, { console: [], page: [], foreign: [] });

async function openWorkshop(page, query, origin = server.origin) {
  await page.goto(`${origin}/workshop.html?${query}`);
  await page.locator('main.workshop').waitFor({ timeout: 15000 });
}

/** Press a key with the focus on the page itself (not in a field). */
async function press(page, key) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press(key);
}

const stepOf = (page) => page.locator('.step-of').textContent();

test('the app\'s footer leads to the workshop page, in the same language', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK' });
  await page.goto(`${server.origin}/?view=pb`);
  await appReady(page);
  await page.getByRole('link', { name: 'Workshop: historier og gruppetavle' }).click();
  await page.locator('main.workshop').waitFor();
  assert.match(page.url(), /workshop\.html\?lang=da/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
  clean(problems);
  await context.close();
});

test('presenter keyboard flow: steps, play the years, replay the last change, QR code', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width: 1920, height: 1080 } });
  await openWorkshop(page, 'lang=en&story=one-percent');
  assert.match(await stepOf(page), /Step 1 of 4/);
  await press(page, 'ArrowRight');
  assert.match(await stepOf(page), /Step 2 of 4/);
  await press(page, 'PageDown');
  assert.match(await stepOf(page), /Step 3 of 4/);
  await press(page, 'ArrowLeft');
  assert.match(await stepOf(page), /Step 2 of 4/);
  await page.waitForFunction(() => location.search.includes('step=2'));
  // Play: the years count up to the end, one at a time.
  await press(page, 'p');
  await page.getByText('Year 1 of', { exact: false }).waitFor();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByText(/Year (\d+) of \1$/).waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('button', { name: 'Play the years (P)' }).getAttribute('aria-pressed'), 'false');
  // Replay the last change (step 1 to step 2): before and after on one chart.
  await press(page, 'l');
  await page.locator('.legend').getByText('Before the change').waitFor();
  await page.locator('.legend').getByText('After the change').waitFor();
  // The QR code holds the app's link to this step's scenario, in the view that shows its chart
  // (turnout: participatory budgeting), so a phone opens exactly what the screen shows.
  await press(page, 'q');
  const href = await page.locator('figure.qr a').getAttribute('href');
  assert.match(href, /\/\?v=1&lang=en&view=pb&case\.extra_time=0&seed=1$/);
  assert.ok(await page.locator('figure.qr svg path').getAttribute('d'));
  // Scanned on a phone: the same scenario, in that view.
  const phone = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 } });
  await phone.page.goto(href);
  await phone.page.getByRole('heading', { level: 1, name: 'Citizens decide on part of the budget' }).waitFor();
  assert.match(phone.page.url(), /view=pb&case\.extra_time=0&seed=1$/);
  clean(phone.problems);
  await phone.context.close();
  await press(page, 'q');
  assert.equal(await page.locator('figure.qr').count(), 0);
  clean(problems);
  await context.close();
});

test('predict, then reveal: the answer and its range are the app\'s, next to the guesses', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width: 1920, height: 1080 } });
  await openWorkshop(page, 'lang=en&story=one-percent&step=3');
  await page.getByText('What share of adults has high trust in the council after five years?').waitFor();
  const guess = page.getByLabel('A guess (%)');
  for (const g of ['28', '35', 'lots', '31.5']) {
    await guess.fill(g);
    await guess.press('Enter');
    if (g === 'lots') await page.getByText('Type a number', { exact: false }).waitFor();
  }
  assert.deepEqual(await page.locator('.guesses li').allTextContents(), ['28.0%', '35.0%', '31.5%']);
  await press(page, 'r');
  const answer = await page.locator('.answer').textContent();
  const m = answer.match(/Simulated answer: ([\d.]+%)\. In 8 of 10 runs between ([\d.]+%) and ([\d.]+%)\./);
  assert.ok(m, answer);
  const places = await page.locator('.guesses li').allTextContents();
  assert.ok(places.every((p) => / – (below|within|above) the range$/.test(p)), places.join('|'));

  // The app shows the same for the step's scenario (defaults, 1% to citizens, no extra time).
  const app = await context.newPage();
  await app.goto(`${server.origin}/?v=1&lang=en&view=casework&case.extra_time=0&pb.share=0.01`);
  await appReady(app);
  const card = app.locator('dl.figures > div').filter({ has: app.getByText('High trust among adults', { exact: true }) });
  await app.waitForFunction(() => [...document.querySelectorAll('dl.figures > div')]
    .some((d) => d.textContent.includes('High trust among adults') && d.textContent.includes('P10–P90')), null, { timeout: 30000 });
  assert.equal((await card.locator('.figure-main').textContent()).trim(), m[1]);
  assert.match(await card.textContent(), new RegExp(`P10–P90: ${m[2].replace('.', '\\.')} – ${m[3].replace('.', '\\.')}`));
  clean(problems);
  await context.close();
});

test('a story played to its end, in Danish; a story file with errors is refused naming step and field', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK', viewport: { width: 1920, height: 1080 } });
  await openWorkshop(page, '');
  await page.getByLabel('Vælg en historie').selectOption({ label: 'Når pengene stopper' });
  assert.match(await stepOf(page), /Trin 1 af 3/);
  for (let i = 0; i < 5; i++) await press(page, 'ArrowRight');
  assert.match(await stepOf(page), /Trin 3 af 3/);
  await page.getByText('Det var historiens sidste trin.').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Næste →' }).isDisabled());
  await page.getByRole('heading', { name: 'Projekter, der ikke bliver til noget' }).waitFor();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-'));
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({
    version: 1, id: 'mine', title: { da: 'Min', en: 'Mine' }, summary: { da: 's', en: 's' },
    steps: [{ title: { da: 'a', en: 'a' }, text: { da: 'b', en: 'b' }, chart: 'pie' }],
  }));
  await page.locator('input[type=file]').setInputFiles(bad);
  await page.getByText('Trin 1, feltet "chart": skal være "trust", "saving" eller "turnout".').waitFor();
  const good = path.join(dir, 'good.json');
  fs.writeFileSync(good, fs.readFileSync(bad, 'utf8').replace('"pie"', '"turnout"'));
  await page.locator('input[type=file]').setInputFiles(good);
  await page.getByRole('heading', { name: 'a', exact: true }).waitFor();
  assert.equal(await page.getByLabel('Vælg en historie').locator('option:checked').textContent(), 'Min');
  clean(problems);
  await context.close();
});

test('the group board compares three groups\' links and names what makes the difference', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width: 1920, height: 1080 } });
  await openWorkshop(page, 'lang=en&mode=2');
  await page.getByText('Paste up to eight groups\' links', { exact: false }).waitFor();
  await page.getByLabel('The groups\' links', { exact: false }).fill([
    `North: ${server.origin}/?v=1&lang=en&pb.share=0.02`,
    `${server.origin}/?v=1&case.extra_time=1&seed=4`,
    'not a link',
    `South – ${server.origin}/?v=1&pb.share=0.01&pb.delivery_rate=0.2`,
  ].join('\n'));
  await page.getByRole('button', { name: 'Show on the board' }).click();
  const rows = page.locator('table.board tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  assert.deepEqual(await rows.locator('th').allTextContents(), ['North', 'Group 2', 'South']);
  const cells = async (i) => rows.nth(i).locator('td').allTextContents();
  assert.match((await cells(0))[5], /^Share of the budget handed to citizens \(\+[\d.]+\spp trust\)/);
  assert.match((await cells(1))[5], /^Extra time per decision/);
  assert.match((await cells(2))[1], /Share of the budget handed to citizens: 1\.0%.*delivered/i);
  assert.equal(await page.locator('figure.chart canvas').count(), 3);
  // The charts show the ticked groups (all three here, up to four at first); unticking one takes
  // its line out of every chart, and its row stays.
  const legend = () => page.locator('figure.chart').first().locator('.legend li').allTextContents();
  assert.deepEqual(await legend(), ['Default scenario', 'North', 'Group 2', 'South', 'Without either decision']);
  await page.getByRole('checkbox', { name: 'In the charts – Group 2' }).uncheck();
  await page.waitForFunction(() => ![...document.querySelector('figure.chart .legend').children]
    .some((li) => li.textContent === 'Group 2'));
  assert.deepEqual(await legend(), ['Default scenario', 'North', 'South', 'Without either decision']);
  assert.equal(await rows.count(), 3);
  // The board is in the address: a reload shows it again.
  await page.reload();
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  clean(problems);
  await context.close();
});

for (const lang of ['en', 'da']) {
  for (const [w, h] of [[1920, 1080], [390, 844]]) {
    for (const q of ['story=one-percent&step=3', 'mode=1', `mode=2&n=A&s=v%3D1%26pb.share%3D0.02&n=B&s=v%3D1%26seed%3D2`]) {
      test(`axe-core finds no violations: workshop ${q}, ${lang}, ${w}px`, async () => {
        const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width: w, height: h } });
        await openWorkshop(page, `lang=${lang}&${q}`);
        if (q.includes('step=3')) {
          await page.locator('.predict input').fill('30');
          await page.locator('.predict input').press('Enter');
          await press(page, 'r');
          await page.locator('.answer').waitFor();
          await press(page, 'q');
          await page.locator('figure.qr').waitFor();
        }
        const results = await new AxeBuilder({ page }).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        clean(problems);
        await context.close();
      });
    }
  }
}

/** Wait until the service worker controls the page and has cached the release; its cache names. */
async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
  await until(page, async () => {
    const keys = await caches.keys();
    return keys.length === 1 && (await (await caches.open(keys[0])).keys()).length > 5;
  });
  return page.evaluate(() => caches.keys());
}

/** Poll an async condition in the page until it holds (waitForFunction does not await promises). */
async function until(page, condition, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(condition, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${condition}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('after the first load every page works offline, also after a reload', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?v=1&lang=en&view=pb&pb.share=0.01`);
  await appReady(page);
  await offlineReady(page);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.locator('canvas').first().waitFor();
  assert.match(await page.locator('h1').first().textContent(), /budget/i);
  await page.goto(`${server.origin}/workshop.html?lang=en&story=right-first-time&step=2`);
  await page.locator('main.workshop h1').waitFor();
  await page.goto(`${server.origin}/compare.html?lang=da`);
  await page.locator('.compare-table').waitFor();
  await context.setOffline(false);
  clean(problems);
  await context.close();
});

test('the offline copy is registered once the page has started, not while it starts', async () => {
  // Registered at once, the worker's install (the whole release) ran beside the page's start and
  // tripled its blocking time on a 2-core machine (ARCHITECTURE.md, Offline).
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=da&view=pb`);
  await appReady(page);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), true);
  await offlineReady(page);
  clean(problems);
  await context.close();
});

test('a new release replaces the old cache', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
  fs.cpSync(DIST, root, { recursive: true });
  const release = await serve(root);
  const { page, context, problems } = await openPage(browser, release.origin);
  await page.goto(`${release.origin}/?lang=en`);
  await appReady(page);
  const [first] = await offlineReady(page);
  // A new release: a changed file, and the service worker written for it.
  fs.appendFileSync(path.join(root, 'index.html'), '\n<!-- release 2 -->\n');
  execFileSync('python3', [path.resolve(DIST, '../tools/make_sw.py'), root]);
  await page.reload();
  await appReady(page);
  await until(page, async (first) => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] !== first;
  }, first);
  const cached = await page.evaluate(async () => {
    const response = await (await caches.open((await caches.keys())[0])).match('index.html');
    return response.text();
  });
  assert.match(cached, /release 2/);
  clean(problems);
  await context.close();
  await release.close();
});

test('the trainer\'s room: the chart keeps the answer back, guesses are read strictly, the answer shows where the room looks', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK', viewport: { width: 1920, height: 1080 } });
  await openWorkshop(page, 'lang=da&mode=0&story=one-percent&step=2');
  await page.getByText('Hvor stor en andel af de voksne stemmer ved den tredje afstemning?').waitFor();
  // Before the reveal the chart's table stops before the third vote.
  const chart = page.locator('#workshop-chart');
  await chart.getByText('Vis tallene som tabel').click();
  const before = await chart.locator('tbody tr').allTextContents();
  assert.equal(before.length, 2, `votes 1 and 2 only before the reveal: ${before.join('|')}`);
  // "8.5" is not 85 in Danish: a message, and the text stays to be corrected; "20 %" is 20.
  const guess = page.locator('.predict input');
  await guess.fill('8.5');
  await guess.press('Enter');
  await page.getByText('skriv decimaler med komma', { exact: false }).waitFor();
  assert.equal(await guess.inputValue(), '8.5');
  await guess.fill('1.000');
  await guess.press('Enter');
  await page.getByText('skal være mellem 0 og 100', { exact: false }).waitFor();
  await guess.fill('20 %');
  await guess.press('Enter');
  await guess.fill('8,5');
  await guess.press('Enter');
  assert.deepEqual(await page.locator('.guesses li').allTextContents(), ['20,0\u00a0%', '8,5\u00a0%']);
  // The step and its chart side by side: the chart is on the first screen.
  const box = await page.locator('#workshop-chart canvas').boundingBox();
  assert.ok(box.y + box.height / 2 < 1080, `the chart's middle is at ${box.y + box.height / 2} px`);
  await page.getByRole('button', { name: /Afslør svaret/ }).click();
  const answer = page.locator('.answer');
  await answer.waitFor();
  const a = await answer.boundingBox();
  assert.ok(a.y >= 0 && a.y + a.height <= 1080, `the answer is in view: ${a.y}`);
  assert.ok(!(await answer.textContent()).includes('..'));
  assert.ok((await chart.locator('tbody tr').count()) > before.length, 'after the reveal the table shows the rest');
  clean(problems);
  await context.close();
});

test('the board names a link it could not read in full', async () => {
  const { page, context } = await openPage(browser, server.origin, { viewport: { width: 1920, height: 1080 } });
  await openWorkshop(page, 'lang=en&mode=2');
  await page.getByLabel('The groups\' links', { exact: false }).fill(
    `North: ${server.origin}/?v=1&pb.share=0.01&case.hourly_c`);
  await page.getByRole('button', { name: 'Show on the board' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be read in full.*North: .*case\.hourly_c/s);
  await context.close();
});

test('handouts: the board of four groups and a story step with guesses each print on one A4 page', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  const pdfPages = async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  };
  const groups = ['pb.share%3D0.02', 'seed%3D2', 'case.extra_time%3D1', 'pb.delivery_rate%3D0.3']
    .map((s, i) => `n=${'ABCD'[i]}&s=v%3D1%26${s}`).join('&');
  await openWorkshop(page, `lang=da&mode=2&${groups}`);
  await page.locator('table.board tbody tr').nth(3).waitFor();
  assert.equal(await pdfPages(), 1, 'the board');
  await openWorkshop(page, 'lang=da&mode=0&story=one-percent&step=2');
  const guess = page.locator('.predict input');
  for (const g of ['20', '8,5', '12']) {
    await guess.fill(g);
    await guess.press('Enter');
  }
  await page.getByRole('button', { name: /Afslør svaret/ }).click();
  // Printed once the answer has its range (the runs are done), as a trainer would print it.
  await page.locator('.answer').getByText('8 ud af 10 kørsler', { exact: false }).waitFor({ timeout: 20000 });
  // At the printed width (A4 less 10 mm margins: 190 mm, 718 CSS px).
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  // Printed, the guesses stand apart: on their own lines, or with a gap between them.
  const boxes = await page.locator('.guesses li').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(e);
    // Where the text ends, not the box: a column narrower than its text lets the text run on.
    return { top: Math.round(r.top), left: r.left, right: Math.max(r.right, range.getBoundingClientRect().right) };
  }));
  assert.equal(boxes.length, 3);
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    assert.ok(b.top !== a.top || b.left - a.right >= 4, `guesses ${i} and ${i + 1} run together: ${JSON.stringify(boxes)}`);
  }
  // (Back to no emulation: emulating the screen would print the screen's layout.)
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await pdfPages(), 1, 'the story step with its answer');
  clean(problems);
  await context.close();
});

test('the free play\'s chart menu switches the chart, by the chart\'s key', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'en-GB' });
  await openWorkshop(page, 'lang=en&mode=1');
  const caption = page.locator('#workshop-chart figcaption');
  assert.equal(await caption.textContent(), 'Share of adults with high trust');
  const menu = page.getByRole('combobox', { name: 'Chart' });
  assert.deepEqual(await menu.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent])),
    [['trust', 'Trust'], ['saving', 'Net saving'], ['turnout', 'Turnout']]);
  await menu.selectOption('turnout');
  await page.waitForFunction(() => document.querySelector('#workshop-chart figcaption').textContent.startsWith('Turnout'));
  assert.equal(await caption.textContent(), 'Turnout at each vote');
  await menu.selectOption({ label: 'Net saving' });
  await page.waitForFunction(() => document.querySelector('#workshop-chart figcaption').textContent.startsWith('Cumulative'));
  assert.equal(await menu.inputValue(), 'saving');
  clean(problems);
  await context.close();
});
