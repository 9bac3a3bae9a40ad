// Dev harness (not shipped): serves the built mini-app the way Platform.Api does, a mock of the buyer
// API, and — on a second loopback port, i.e. another origin — a minimal Invoicebox-like parent page
// that speaks the SDK protocol, plus a fake payment page that redirects to our result screen.
//
//   npm run build && node dev/server.mjs [--port 5100] [--parent-port 5101] [--latency 0] [--products N] [--no-compress]
//   --products N: shop 1001 serves N products (its seven, then generated ones); shop 1006 always has 5,004.
//   --no-compress: JSON goes out plain (by default br/gzip when accepted, like the real API).
//   open http://127.0.0.1:5101/?pos=1001&mode=order&locale=ru&fullHeight=false
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, join, normalize } from 'node:path';
import { createMockApi, mockImage } from './mockApi.mjs';
import { parentPage, payPage } from './pages.mjs';

const DIST = fileURLToPath(new URL('../../Platform.Api/wwwroot/miniapp/', import.meta.url));
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

export async function startDevServer({ port = 5100, parentPort = 5101, latencyMs = 0, quiet = false, products, compress = true } = {}) {
  const host = '127.0.0.1';
  const appOrigin = `http://${host}:${port}`;
  const parentOrigin = `http://${host}:${parentPort}`;
  const log = quiet ? () => {} : (m) => console.log(`[api] ${m}`);
  const api = createMockApi({ payOrigin: parentOrigin, log, products, compress });

  const app = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, appOrigin);
      if (url.pathname.startsWith('/m/') && url.pathname.includes('/api/') && latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      if (await api.handle(req, res, url)) return;
      const asset = /^\/m\/assets\/([\w.-]+)$/.exec(url.pathname);
      if (asset) {
        const file = normalize(join(DIST, 'assets', asset[1]));
        const body = await readFile(file).catch(() => null);
        if (!body) { res.writeHead(404).end(); return; }
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=31536000, immutable' });
        res.end(body);
        return;
      }
      if (/^\/m\/\d+\/(result\/[^/]+\/?)?$/.test(url.pathname)) {
        const body = await readFile(join(DIST, 'index.html'));
        res.writeHead(200, {
          'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache',
          // What the real API sends on mini-app pages: framing allowed for Invoicebox (here: loopback), no X-Frame-Options.
          'Content-Security-Policy': "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*",
        });
        res.end(body);
        return;
      }
      const img = /^\/mock-img\/([\w-]+)\.svg$/.exec(url.pathname);
      if (img) {
        res.writeHead(200, { 'Content-Type': TYPES['.svg'], 'Cache-Control': 'public, max-age=3600' });
        res.end(mockImage(img[1]));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } catch (e) {
      console.error(e);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });

  const parent = createServer(async (req, res) => {
    const url = new URL(req.url, parentOrigin);
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
      res.end(parentPage(appOrigin));
      return;
    }
    const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
    if (pay) {
      const orderId = url.searchParams.get('order');
      const order = api.orders.get(orderId);
      const result = url.searchParams.get('result');
      if (order && result) {
        // The buyer "paid" (or failed): Invoicebox notifies the shop, then redirects to successUrl / failUrl.
        if (result === 'paid') setTimeout(() => api.setStatus(order, 'paid'), Number(url.searchParams.get('notifyDelay') ?? 1500));
        const outcome = result === 'paid' ? 'success' : 'fail';
        // The real successUrl / failUrl (PublicUrls): ?t=…&outcome=…&lang={order locale}.
        res.writeHead(302, { Location: `${appOrigin}/m/${order.posId}/result/${order.orderId}?t=${order.resultToken}&outcome=${outcome}&lang=${order.locale}` });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
      res.end(payPage(url, order));
      return;
    }
    res.writeHead(404).end();
  });

  await Promise.all([
    new Promise((r) => app.listen(port, host, r)),
    new Promise((r) => parent.listen(parentPort, host, r)),
  ]);
  return {
    appOrigin, parentOrigin, api,
    close: () => Promise.all([new Promise((r) => app.close(r)), new Promise((r) => parent.close(r))]).then(() => {
      app.closeAllConnections?.();
      parent.closeAllConnections?.();
    }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const products = arg('products', undefined);
  const s = await startDevServer({
    port: Number(arg('port', 5100)), parentPort: Number(arg('parent-port', 5101)), latencyMs: Number(arg('latency', 0)),
    products: products === undefined ? undefined : Number(products), compress: !process.argv.includes('--no-compress'),
  });
  console.log(`mini-app + mock API: ${s.appOrigin}/m/1001/`);
  console.log(`parent harness:      ${s.parentOrigin}/?pos=1001&mode=order&locale=ru&fullHeight=false`);
  console.log(`shops: 1001 live (ru, ${products ?? 7} products), 1002 suspended (409), 1003 empty catalog, 1004 live (en default, yellow brand), 1005 API down (502), 1006 live (5,004 products), other → 404`);
  console.log('buyer names: "reject…" → order rejected, "slow…" → never gets a payment URL, "dropfirst…" → first answer lost');
}
