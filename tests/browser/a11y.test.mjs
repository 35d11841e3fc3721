/*
 * Accessibility: axe-core (wcag2a + wcag2aa) on the home page, results,
 * a document, a law with its table of contents, a directive (with its status, relations and open
 * implementation tree), documents side by side and the obligations, at
 * 1100 and 360 px, in contexts that let axe
 * in (bypassCSP).
 */
import assert from 'node:assert/strict';
import {
  apiJson, BASE_URL, check, gotoHome, PHONE, runAxe, waitForCount, waitForDetail, waitForDirective, waitForDoc, WIDE, withPage,
} from './lib.mjs';

export default async function run({ browser }) {
  const pageErrors = [];
  for (const viewport of [WIDE, PHONE]) {
    const w = `${viewport.width}px`;
    await withPage(browser, { viewport, label: `axe ${w}`, axe: true, pageErrors }, async (p) => {
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: home page`, async () => {
        await gotoHome(p);
        await runAxe(p, `home ${w}`);
      });
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: results with facets`, async () => {
        await p.goto(`${BASE_URL}/?q=dan+van+kheo`);
        assert.equal(await waitForCount(p), 2);
        await runAxe(p, `results ${w}`);
      });
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: document view`, async () => {
        const id = (await apiJson('/api/search?q=dan+van+kheo')).results[0].id;
        await p.goto(`${BASE_URL}/?q=dan+van+kheo&doc=${encodeURIComponent(id)}`);
        await waitForDoc(p);
        await p.getByRole('heading', { level: 3, name: 'Thông tin văn bản' }).waitFor();
        await runAxe(p, `document ${w}`);
      });
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: a law with its table of contents open and marked words`, async () => {
        await p.goto(`${BASE_URL}/?q=bao+hiem&doc=luat-41-2024-qh15.txt`);
        await waitForDoc(p);
        await p.locator('#doc-toc details').evaluate((d) => { d.open = true; });
        await runAxe(p, `law ${w}`);
      });
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: directive page`, async () => {
        await p.goto(`${BASE_URL}/?directive=${encodeURIComponent('34-ct/tw@2014-04-07')}`);
        await waitForDirective(p);
        await p.getByRole('region', { name: /^Các văn bản trích dẫn/ }).waitFor();
        // Status, relations, and the implementation tree opened all the way down.
        await p.getByRole('region', { name: 'Tình trạng hiệu lực' }).waitFor();
        await p.locator('#directive-implementation details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
        await runAxe(p, `directive ${w}`);
      });
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: documents side by side`, async () => {
        await p.goto(`${BASE_URL}/?compare=${encodeURIComponent('seeds/003_bf467de301be45ad.txt,seeds/004_39b0106687e293f0.txt')}`);
        await waitForDetail(p, 'compare');
        await runAxe(p, `compare ${w}`);
      });
      if (viewport === WIDE) {
        await check(`e. axe-core wcag2a+wcag2aa, ${w}: campaign list filtered`, async () => {
          await p.goto(`${BASE_URL}/?view=campaigns&q=dan+van+kheo`);
          await p.locator('#camp-list > li').first().waitFor();
          await runAxe(p, `campaigns ${w}`);
        });
      }
      await check(`e. axe-core wcag2a+wcag2aa, ${w}: obligations`, async () => {
        await p.goto(`${BASE_URL}/?view=obligations`);
        await p.locator('#obl-list > li').first().waitFor();
        await runAxe(p, `obligations ${w}`);
      });
    });
  }
  await check('no page errors in the accessibility contexts', async () => {
    assert.deepEqual(pageErrors, []);
  });
}
