// The councillor's journey on a phone, in Danish: their own municipality at the top of the view
// (residents and budget typed as a Dane writes them, "4,3 mia."), the starting point that reads
// "own figures" once they are typed, an unreadable amount said next to the field and nothing lost,
// the figures in the link, and the headline kept in view while a lever moves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, appReady } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const clean = (problems) => assert.deepEqual(problems, { console: [], page: [], foreign: [] });

test('the councillor types their own municipality on a phone, in Danish', async () => {
  const { page, context, problems } = await openPage(browser, server.origin, { locale: 'da-DK', viewport: { width: 390, height: 844 } });
  await page.goto(`${server.origin}/?lang=da&view=pb`);
  await appReady(page);
  const size = page.getByLabel('Kommunestørrelse');
  assert.equal(await size.locator('option:checked').textContent(), 'Mellemstor kommune (ca. 50.000)');
  // The municipality's name: in the link (and so in files, prints and images).
  const place = page.getByLabel('Kommunens navn (valgfrit, vises på udskrifter og billeder)');
  await place.fill('Ærø Kommune');
  await place.press('Enter');
  await page.waitForFunction(() => location.search.includes('name=%C3%86r%C3%B8%20Kommune'));
  const residents = page.locator('#p-muni-population');
  await residents.fill('60.000');
  await residents.press('Enter');
  await page.waitForFunction(() => location.search.includes('muni.population=60000'));
  assert.equal(await size.locator('option:checked').textContent(), 'Egne tal');
  const budget = page.locator('#p-muni-budget');
  await budget.fill('4,3 mia.');
  await budget.press('Enter');
  await page.waitForFunction(() => location.search.includes('muni.budget=4300000000'));
  assert.equal(await budget.inputValue(), '4.300.000.000');
  // 0.5% of DKK 4.3bn is DKK 21.5m a year (shown rounded), DKK 358 per resident.
  await page.getByText('Pulje pr. år: 22 mio. kr. (358 kr. pr. indbygger)').waitFor();
  // Unreadable: said next to the field, and the budget kept.
  await budget.fill('rigtig mange');
  await budget.press('Enter');
  const said = page.locator('#p-muni-budget ~ .param-error');
  await said.waitFor();
  assert.equal(await said.textContent(), '»rigtig mange« kan ikke læses. Skriv fx 60.000 eller 4,3 mia.');
  assert.match(page.url(), /muni\.budget=4300000000/);
  await budget.fill('4,3 mia. kr.');
  await budget.press('Enter');
  await said.waitFor({ state: 'detached' });
  // The headline stays in view at the bottom of the screen while the levers are used.
  const live = page.locator('.controls .live');
  await page.getByRole('slider', { name: 'Andel af budgettet til borgerne' }).scrollIntoViewIfNeeded();
  const box = await live.boundingBox();
  assert.ok(box && box.y + box.height <= 844 + 1 && box.y > 600, JSON.stringify(box));
  assert.match(await live.textContent(), /^Deltagelse ved afstemningen: .* → .* · Tillid fra borgerbudgettet: [+-]\d+,\d\u00a0pct\.-point$/);
  await page.screenshot({ path: path.join(os.tmpdir(), 'councillor-da-390.png') });
  // On casework, decisions per month follow the residents unless typed: the number is said.
  await page.goto(`${server.origin}/?v=1&lang=da&view=casework&muni.population=60000`);
  await appReady(page);
  assert.equal(await page.locator('#p-case-decisions_per_month ~ .param-note').textContent(), 'Ud fra indbyggertallet: 240');
  await page.goto(`${server.origin}/?v=1&lang=da&view=pb&name=%C3%86r%C3%B8%20Kommune&muni.population=60000&muni.budget=4300000000&pb.voters_with_winner=0.6`);
  await appReady(page);
  // A starting point fills the fields again, visibly.
  await size.selectOption({ label: 'Lille kommune (ca. 20.000)' });
  await page.waitForFunction(() => location.search.includes('size=small'));
  assert.equal(await residents.inputValue(), '20.000');
  const axe = await new AxeBuilder({ page }).analyze();
  // Printed, the view is one A4 page with the municipality's own figures written out.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.presets .param .print-value').first().textContent(), '20.000');
  assert.ok(await page.locator('.presets .param .print-value').first().isVisible());
  // The municipality's name, and of the levers folded away on screen those that differ from the
  // defaults (and only those).
  assert.equal(await page.locator('.presets strong.print-value').textContent(), 'Ærø Kommune');
  assert.ok(await page.locator('.presets strong.print-value').isVisible());
  const folded = page.locator('.controls .more .param');
  const shown = [];
  for (const p of await folded.all()) if (await p.isVisible()) shown.push((await p.locator('label, legend').first().textContent()).trim());
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.ok(shown[0].startsWith('Vælgere, der får et projekt, de stemte på'), shown[0]);
  // Until the fold is opened the others are not even made (a lighter first render on a phone).
  assert.equal(await folded.count(), 1);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'one page');
  await page.emulateMedia({ media: 'screen' });
  await page.locator('.controls .more > summary').click();
  await page.locator('.controls .more .param').nth(5).waitFor();
  assert.ok(await folded.count() > 5, 'opened, the fold holds every other lever');
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  clean(problems);
  await context.close();
});
