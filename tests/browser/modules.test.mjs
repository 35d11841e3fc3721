/*
 * The page's modules: index.html preloads every module of server/web/js/
 * (so a browser fetches them at once, not one level of imports after
 * another), and the server answers each as JavaScript. No browser needed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, check } from './lib.mjs';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/web');

export default async function run() {
  await check('index.html loads js/main.js and preloads every other module of js/; each is served as JavaScript', async () => {
    const html = fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
    const modules = fs.readdirSync(path.join(WEB_DIR, 'js')).filter((f) => f.endsWith('.js')).sort();
    assert.ok(html.includes('<script type="module" src="/js/main.js"></script>'));
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/js\/([^"]+)">/g)].map((m) => m[1]).sort();
    assert.deepEqual(preloaded, modules.filter((m) => m !== 'main.js'), 'a <link rel="modulepreload"> for each module');
    for (const m of modules) {
      const res = await fetch(`${BASE_URL}/js/${m}`);
      assert.equal(res.status, 200, m);
      assert.equal(res.headers.get('content-type'), 'text/javascript', m);
    }
  });
}
