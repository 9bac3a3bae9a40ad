// Time to first usable screen and initial JS size of the mini-app, measured the way Invoicebox embeds it.
//
//   node bench/measure.mjs --api http://127.0.0.1:5100 --pos 1001 --runs 30
//     [--mode order|suborder] [--locale ru|en] [--fullHeight false|true] [--warmup 2] [--cold]
//
// It serves its own tiny parent page on a free loopback port (another origin than --api), which answers
// `init` like Invoicebox. For each run it creates an iframe, records t0 = performance.timeOrigin +
// performance.now() in the parent right when `src` is set, and t1 = performance.timeOrigin +
// mark('catalog-ready').startTime read inside the frame (the app marks it once the catalog is painted and
// clickable, and sets data-ready="catalog" on #app). Prints median/p90 of t1 − t0 and the gzipped size
// of the JS that index.html loads. The API must allow http://127.0.0.1:* as a frame ancestor.
// Warm-up runs (default 2) are not counted: "API warm" and the long-cached /m/assets/* in the HTTP cache,
// as for a buyer who has seen any shop on the platform. --cold uses a fresh browser context (empty cache)
// for every run instead.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}

const api = String(arg('api', 'http://127.0.0.1:5100')).replace(/\/$/, '');
const pos = Number(arg('pos', 1001));
const runs = Number(arg('runs', 30));
const warmup = Number(arg('warmup', 2));
const mode = arg('mode', 'order') === 'suborder' ? 'suborder' : 'order';
const locale = String(arg('locale', 'ru'));
const fullHeight = String(arg('fullHeight', 'false')) === 'true';
const cold = arg('cold', false) === true;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const PARENT = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench parent</title>
<style>body{margin:0}iframe{border:0;width:360px;height:740px;display:block}</style></head><body><script>
let n = 0;
window.startRun = (appUrl, init) => new Promise((resolve) => {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
  const id = 'bench-' + (++n) + '-' + Math.random().toString(36).slice(2, 8);
  const iframe = document.createElement('iframe');
  // Listen before src is set, answer every init at once, like the Invoicebox host.
  window.onmessage = (e) => {
    if (e.source === iframe.contentWindow && e.data && e.data.id === id && e.data.action === 'init') {
      iframe.contentWindow.postMessage({ id, action: 'init', data: init }, '*');
    }
  };
  document.body.append(iframe);
  const t0 = performance.timeOrigin + performance.now();
  iframe.src = appUrl + (appUrl.includes('?') ? '&' : '?') + 'id=' + encodeURIComponent(id);
  resolve({ id, t0 });
});
</script></body></html>`;

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

async function initialJsSize() {
  const html = await (await fetch(`${api}/m/${pos}/`)).text();
  const urls = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]);
  const files = [];
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(new URL(u, `${api}/m/${pos}/`))).arrayBuffer());
    files.push({ url: u, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const htmlBuf = Buffer.from(html);
  return { files, html: { raw: htmlBuf.length, gzip: gzipSync(htmlBuf, { level: 9 }).length } };
}

const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(PARENT);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const parentUrl = `http://127.0.0.1:${server.address().port}/`;

const size = await initialJsSize();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const init = {
  public: {
    minappType: mode, ...(mode === 'suborder' ? { orderContainerId: '6c1f7e0a-3d7b-4f7e-9a55-0f1e2d3c4b5a' } : {}),
    shopId: pos, userEmail: 'ivan@example.ru', userName: 'Иван Иванов', userPhone: '+79001234567', locale, fullHeight,
  },
  private: { metaData: [] },
};
const appUrl = `${api}/m/${pos}/`;

let context = await browser.newContext({ viewport: { width: 360, height: 740 } });
let page = await context.newPage();
await page.goto(parentUrl);

async function once() {
  if (cold) {
    await context.close();
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await page.goto(parentUrl);
  }
  const { id, t0 } = await page.evaluate(([u, i]) => window.startRun(u, i), [appUrl, init]);
  const deadline = Date.now() + 15000;
  let frame;
  while (!(frame = page.frames().find((f) => f.url().includes(`id=${id}`))) && Date.now() < deadline) await page.waitForTimeout(5);
  if (!frame) throw new Error('the iframe never navigated');
  await frame.waitForSelector('#app[data-ready="catalog"]', { state: 'attached', timeout: 15000 });
  const t1 = await frame.evaluate(() => {
    const m = performance.getEntriesByName('catalog-ready')[0];
    return m ? performance.timeOrigin + m.startTime : NaN;
  });
  return t1 - t0;
}

const warm = [];
for (let i = 0; i < warmup && !cold; i++) warm.push(await once());
const times = [];
for (let i = 0; i < runs; i++) times.push(await once());
await browser.close();
server.close();

const sorted = [...times].sort((a, b) => a - b);
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`mini-app benchmark: ${appUrl} (${mode}, ${locale}, fullHeight=${fullHeight}), ${runs} runs${cold ? ', cold cache each run' : `, after ${warmup} warm-up`}`);
if (warm.length) console.log(`warm-up runs:     ${warm.map(fmt).join(', ')}`);
console.log(`src set → catalog ready: median ${fmt(quantile(sorted, 0.5))}, p90 ${fmt(quantile(sorted, 0.9))}, min ${fmt(sorted[0])}, max ${fmt(sorted.at(-1))}`);
for (const f of size.files) console.log(`initial JS: ${f.url}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
console.log(`initial JS total (gzip -9): ${kb(size.files.reduce((s, f) => s + f.gzip, 0))}; index.html ${kb(size.html.raw)} raw, ${kb(size.html.gzip)} gzip (CSS inline)`);
const median = quantile(sorted, 0.5);
const jsGz = size.files.reduce((s, f) => s + f.gzip, 0);
const ok = median <= 300 && jsGz <= 100 * 1024;
console.log(ok ? 'within budget (median ≤ 300 ms, initial JS ≤ 100 KB gzip)' : 'OVER BUDGET (median ≤ 300 ms, initial JS ≤ 100 KB gzip)');
process.exit(ok ? 0 : 1);
