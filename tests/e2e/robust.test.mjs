// The browser edge under mutated input (issue 14): a few hundred broken links and stored blobs go
// through the real pages. The page always renders, never throws, and names what it skipped in a
// short banner; stored data it cannot read is kept and reported, never dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// A small seeded generator (mulberry32), so a failure reproduces.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TOKENS = ['1e309', '-0', 'NaN', 'inf', '0x0000000000000001', '5e-324', '%ZZ', '%00', '%C3%A6', '&&', '=', '&=3',
  'æøå', '😀', 'v=2', 'seed=-1', 'lang=xx', 'view=zz', 'runs=0', 'embed=nope', 'case.extra_time=-0.5',
  'pb.share=5e-324', 'case.board_detection=0.3', 'muni.population=1e300', 'x'.repeat(3000)];
function mutate(r, s) {
  let b = s;
  const edits = 1 + Math.floor(r() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (b.length + 1));
    const k = Math.floor(r() * 5);
    if (k === 0) b = b.slice(0, at);
    else if (k === 1) b = b.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + b.slice(at);
    else if (k === 2) b = b.slice(0, at) + b.slice(at, at + 20).repeat(3) + b.slice(at);
    else if (k === 3) b = b.slice(0, at) + b.slice(at + 1 + Math.floor(r() * 6));
    else b = b.slice(0, at) + String.fromCharCode(32 + Math.floor(r() * 95)) + b.slice(at + 1);
  }
  return b;
}

const LINKS = [
  'v=1&lang=da&view=pb&pb.share=0.01&case.extra_time=0.25&seed=42',
  'v=1&lang=en&view=casework&case.funding=absorb&case.appeal_rate=0.15&case.hourly_cost=650&seed=7',
  'v=1&view=together&runs=1000&muni.population=350000&pb.share=0.012&pb.targeted_outreach=1&seed=123456789012345',
  'v=1&lang=da&view=casework&case.help_cost=0&case.decisions_per_month=300&seed=3',
];

test('a few hundred mutated links: the app always renders, and a short banner names what was skipped', async () => {
  // A fresh browser context every 15 addresses: one tab that loads 150 addresses, alternating the
  // app's and the together page's wasm, now and then stalled before the wasm started (seen at link
  // 134 or 140, not tied to the link; each passed on its own), which says nothing about the links.
  let { page, context, problems } = await openPage(browser, server.origin);
  const seen = { console: [], page: [], foreign: [] };
  const r = rng(14);
  let banners = 0;
  for (let i = 0; i < 150; i++) {
    if (i > 0 && i % 15 === 0) {
      for (const k of Object.keys(seen)) seen[k].push(...problems[k]);
      await context.close();
      ({ page, context, problems } = await openPage(browser, server.origin));
    }
    const link = mutate(r, LINKS[i % LINKS.length]);
    // A link to the together view is opened on its page (the app's page forwards such links there:
    // tested in together.test.mjs); each address is loaded once.
    const url = new URL(server.origin + (LINKS[i % LINKS.length].includes('view=together') ? '/together.html' : '/'));
    url.search = link;
    await page.goto(url.href);
    await appReady(page);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const banner = page.locator('.banner');
    if (await banner.count()) {
      banners += 1;
      const text = (await banner.textContent()).trim();
      assert.ok(text.length > 20 && text.length < 3000, `link ${i}: banner of ${text.length} characters: ${url.search}`);
    }
    assert.deepEqual(problems.page, [], `link ${i}: ${url.search}`);
  }
  assert.ok(banners > 50, `only ${banners} of 150 mutated links were named as broken`);
  for (const k of Object.keys(seen)) seen[k].push(...problems[k]);
  assert.deepEqual(seen.console, []);
  assert.deepEqual(seen.foreign, []);
  await context.close();
});

test('mutated stored libraries: the compare page always renders, and what it cannot read is kept', async () => {
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=en`);
  await appReady(page);
  const seed = JSON.stringify({ version: 1, scenarios: [
    { name: 'Plan A', link: 'v=1&pb.share=0.01&seed=42' }, { name: 'Plan B', link: 'v=1&case.extra_time=0.5&seed=7' }] });
  const r = rng(41);
  for (let i = 0; i < 40; i++) {
    const blob = mutate(r, seed);
    await page.evaluate((b) => { localStorage.clear(); localStorage.setItem('onepercent.saved', b); }, blob);
    await page.goto(`${server.origin}/compare.html?lang=en`);
    await page.locator('.compare-table').waitFor({ timeout: 15000 });
    const stored = await page.evaluate(() => localStorage.getItem('onepercent.saved'));
    assert.equal(stored, blob, `blob ${i}: the stored text must not change by opening the page`);
    assert.deepEqual(problems.page, [], `blob ${i}: ${blob}`);
  }
  assert.deepEqual(problems.console, []);
  await context.close();
});

test('mutated scenario files opened in the app: refused with named problems or loaded, never a broken page', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { page, context, problems } = await openPage(browser, server.origin);
  await page.goto(`${server.origin}/?lang=da&view=casework`);
  await appReady(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onepercent-files-'));
  const seed = JSON.stringify({ version: 1, params: { 'case.extra_time': 0.5, 'pb.share': 0.01, 'case.funding': 'absorb' }, seed: 4 });
  const r = rng(99);
  let refused = 0;
  for (let i = 0; i < 30; i++) {
    const file = path.join(dir, `s${i}.json`);
    fs.writeFileSync(file, mutate(r, seed));
    await page.locator('input[type=file]').setInputFiles(file);
    // Either the file is loaded, or an alert says why (and that the scenario is unchanged).
    const outcome = page.locator('[role=alert], [role=status]').filter({ hasText: /Scenariefilen/ });
    await outcome.first().waitFor();
    const text = await outcome.first().textContent();
    if (/ikke indlæst/.test(text)) {
      refused += 1;
      assert.ok(text.length < 3000, `file ${i}: ${text.length} characters`);
    }
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(problems.page, [], `file ${i}`);
  }
  assert.ok(refused > 5, `${refused} of 30 mutated files refused`);
  assert.deepEqual(problems.console, []);
  await context.close();
});
