// Take screenshots of views for a person to look at:
//   node tools/screenshots.mjs OUT_DIR "view=overview" "view=how" ...
// Each query is shot at 1280x800 and 390x844 in Danish and English (served from dist/).
import { serve, launch } from '../tests/e2e/helpers.mjs';

const [out = '/tmp/shots', ...queries] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
for (const q of queries.length ? queries : ['view=overview']) {
  for (const lang of ['da', 'en']) {
    for (const [w, h] of [[1280, 800], [390, 844]]) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(`${server.origin}/?lang=${lang}&${q}`);
      await page.waitForSelector('header.site-header');
      await page.waitForTimeout(300);
      const name = `${out}/${q.replace(/[^a-z0-9]+/gi, '_')}-${lang}-${w}.png`;
      await page.screenshot({ path: name, fullPage: true });
      console.log(name);
      await page.close();
    }
  }
}
await browser.close();
await server.close();
