// Clicks through every screen in headless Chromium against the dev mock, checks what the host hears,
// and writes 360-px-wide screenshots to dev/out/ to look at.
//   npm run build && node dev/screens.mjs [--only name] [--slow]
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDevServer } from './server.mjs';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const withSlow = process.argv.includes('--slow');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

await mkdir(OUT, { recursive: true });
const server = await startDevServer({ port: 5110, parentPort: 5111, quiet: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const results = [];

function check(name, ok, detail = '') {
  results.push({ name, ok: !!ok });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

/** `crossSite`: the parent on localhost, the app on 127.0.0.1 → another site, an out-of-process iframe like in production. */
async function harness(params, { viewport = { width: 360, height: 740 }, crossSite = false } = {}) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  const parentOrigin = crossSite ? server.parentOrigin.replace('127.0.0.1', 'localhost') : server.parentOrigin;
  await page.goto(`${parentOrigin}/?${new URLSearchParams(params)}`);
  const frame = await (await page.waitForSelector('iframe', { state: 'attached' })).contentFrame();
  return { page, frame, errors };
}

const messages = (page) => page.evaluate(() => window.harness.messages.filter((m) => m.dir === '←'));
/** Messages the host received with this action; waits up to 2 s for the first one (postMessage is async). */
const sent = async (page, action, wait = true) => {
  if (wait) await page.waitForFunction((a) => window.harness.messages.some((m) => m.dir === '←' && m.action === a), action, { timeout: 2000 }).catch(() => undefined);
  return (await messages(page)).filter((m) => m.action === action);
};
const shot = async (page, name) => {
  await page.waitForTimeout(250);
  const el = await page.$('iframe');
  if (el && (await el.isVisible())) await el.screenshot({ path: `${OUT}${name}.png` });
  else await page.screenshot({ path: `${OUT}${name}.png`, fullPage: true });
};
const screen = (frame, name, timeout = 8000) => frame.waitForSelector(`#app[data-screen="${name}"]`, { timeout, state: 'attached' });

async function scenario(name, fn) {
  if (only && !name.includes(only)) return;
  console.log(`\n# ${name}`);
  try {
    await fn();
  } catch (e) {
    check(`${name}: finished without exception`, false, e.message.split('\n')[0]);
  }
}

await scenario('skeleton', async () => {
  // The host answers init late: the skeleton from index.html is what the buyer sees meanwhile.
  const { page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'true', height: 740, initDelay: 1500 });
  await frame.waitForSelector('.sk-card');
  check('skeleton painted before init', (await frame.getAttribute('#app', 'aria-busy')) === 'true');
  await shot(page, '00-skeleton');
  await frame.waitForSelector('#app[data-ready="catalog"]');
  check('aria-busy cleared once the catalog is there', (await frame.getAttribute('#app', 'aria-busy')) === null);
  await page.close();
});

await scenario('order-ru-inline', async () => {
  const { page, frame, errors } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false' });
  await frame.waitForSelector('#app[data-ready="catalog"]');
  check('catalog ready mark', await frame.evaluate(() => performance.getEntriesByName('catalog-ready').length === 1));
  await shot(page, '01-ru-catalog');
  const heights = await sent(page, 'height');
  check('height reported (fullHeight=false)', heights.length > 0, heights.map((m) => m.data).join(','));
  check('iframe follows height', Math.abs((await page.$eval('iframe', (f) => f.getBoundingClientRect().height)) - heights.at(-1).data) < 2);

  await frame.click('[data-fk="add:p-potato"]');
  check('add shows stepper at unit min 0,3', (await frame.inputValue('.product:has([data-fk="inc:p-potato"]) .qty-input')) === '0,3');
  await frame.click('[data-fk="inc:p-potato"]');
  await frame.click('[data-fk="inc:p-potato"]');
  check('stepping 0,3 → 0,5 (no float artefacts)', (await frame.inputValue('.product:has([data-fk="inc:p-potato"]) .qty-input')) === '0,5');
  const qty = frame.locator('.product:has([data-fk="inc:p-potato"]) .qty-input');
  await qty.fill('1,25');
  await qty.press('Enter');
  check('typed 1,25 snaps to the 0,1 grid → 1,3', (await qty.inputValue()) === '1,3');
  const note = (await frame.textContent('.product:has([data-fk="inc:p-potato"]) .field-error.note'))?.replace(/\s/g, ' ');
  check('…and says so under the field', note === 'Продаётся по 0,1 кг, поэтому 1,3 кг', note);
  await frame.click('[data-fk="add:p-milk"]');
  const milk = frame.locator('.product:has([data-fk="inc:p-milk"]) .qty-input');
  await milk.fill('3');
  await milk.press('Enter');
  check('a typed valid quantity reaches the cart (1,3 kg + 3 × 99,50)', (await frame.textContent('.cart-bar-total')).replace(/\s/g, ' ') === '376,37 ₽', await frame.textContent('.cart-bar-total'));
  await frame.click('[data-fk="dec:p-milk"]');
  check('cart bar shows 2 lines', (await frame.textContent('.cart-bar .badge')) === '2');
  await frame.click('[data-fk="cat:dairy"]');
  check('category filter', (await frame.locator('.product').count()) === 2);
  await shot(page, '02-ru-catalog-filtered-with-cart');
  await frame.click('[data-fk="cat:"]');

  await frame.click('[data-fk="open-cart"]');
  await screen(frame, 'cart');
  check('contacts prefilled from init', (await frame.inputValue('#contact-name')) === 'Иван Иванов');
  check('cart total = 1,3 × 59,90 + 2 × 99,50 = 276,87 ₽', (await frame.textContent('.total-value')).replace(/\s/g, ' ') === '276,87 ₽', await frame.textContent('.total-value'));
  await shot(page, '03-ru-cart');

  await frame.fill('#contact-phone', '');
  await frame.fill('#contact-email', '');
  await frame.click('[data-fk="next"]');
  check('no e-mail and no phone blocks «Далее» with «эл. почту или телефон»', (await frame.getAttribute('#contact-email', 'aria-invalid')) === 'true'
    && (await frame.textContent('#contact-email-error')).includes('телефон'), await frame.textContent('#contact-email-error'));
  await frame.fill('#contact-phone', '+7 (900) 123-45-67');
  check('typing a phone settles the e-mail field\'s «or phone» error', (await frame.getAttribute('#contact-email', 'aria-invalid')) === 'false');
  await frame.fill('#contact-email', 'ivan@');
  await frame.click('[data-fk="next"]');
  check('client validation blocks «Далее»', (await frame.getAttribute('#contact-email', 'aria-invalid')) === 'true');
  check('focus moves to the first invalid field', await frame.evaluate(() => document.activeElement?.id === 'contact-email'));
  await shot(page, '04-ru-cart-errors');
  await frame.fill('#contact-email', '');
  await frame.click('[data-fk="next"]');
  await frame.waitForTimeout(300);
  check('a phone without an e-mail is enough', (await frame.getAttribute('#app', 'data-screen')) === 'confirm', await frame.getAttribute('#app', 'data-screen'));
  await frame.click('[data-fk="back:cart"]');
  await screen(frame, 'cart');
  await frame.fill('#contact-email', 'ivan@example.ru');
  await frame.click('[data-fk="next"]');
  await screen(frame, 'confirm');
  await shot(page, '05-ru-confirm');

  await frame.click('[data-fk="submit"]');
  await screen(frame, 'redirect');
  const done = await sent(page, 'done');
  check('onDone(paymentUrl) sent once', done.length === 1 && /\/pay\//.test(done[0].data), done[0]?.data);
  await shot(page, '06-ru-redirect');

  await page.evaluate(() => window.harnessSend('paymentResult', 'pending'));
  await screen(frame, 'payment');
  check('paymentResult pending → waiting screen', (await frame.getAttribute('[data-status]', 'data-status')) === 'pending');
  await page.evaluate(() => window.harnessSend('paymentResult', 'completed'));
  await page.waitForTimeout(300);
  check('paymentResult completed alone does not say «Оплачено» (our order is still awaiting payment)',
    (await frame.getAttribute('[data-status]', 'data-status')) === 'pending');
  await shot(page, '07-ru-payment-result-unconfirmed');

  // The buyer pays on the (fake) payment page and is redirected top-level to our successUrl.
  await page.goto(done[0].data);
  await page.click('#pay');
  await page.waitForURL(/\/result\//);
  check('successUrl carries the order\'s locale (&lang=ru)', new URL(page.url()).searchParams.get('lang') === 'ru', page.url());
  await page.waitForSelector('#app[data-view="pending"]');
  await page.screenshot({ path: `${OUT}08-ru-result-pending.png` });
  await page.waitForSelector('#app[data-view="paid"]', { timeout: 15000 });
  check('result page: live status moves to «Оплачено»', (await page.textContent('.screen-title')) === 'Оплачено');
  check('…titled with the status and the shop', /^Оплачено — /.test(await page.title()), await page.title());
  await page.screenshot({ path: `${OUT}09-ru-result-paid.png` });
  await page.click('[data-fk="back-to-shop"]');
  await page.waitForSelector('#app[data-ready="catalog"]');
  check('«Вернуться в магазин» opens the shop on its own', new URL(page.url()).pathname === '/m/1001/', page.url());
  check('no page errors', errors.length === 0, errors.join(' | '));
  await page.close();
});

await scenario('suborder-en-fullheight', async () => {
  const { page, frame, errors } = await harness({ pos: 1001, mode: 'suborder', locale: 'en', fullHeight: 'true', height: 740 });
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await shot(page, '10-en-full-catalog');
  await frame.click('[data-fk="add:p-delivery"]');
  await frame.click('[data-fk="add:p-consult"]');
  await frame.click('[data-fk="inc:p-consult"]');
  check('hour unit steps by 0.5', (await frame.inputValue('.product:has([data-fk="inc:p-consult"]) .qty-input')) === '1.5');
  await shot(page, '10b-en-full-catalog-with-cart');
  await frame.click('[data-fk="open-cart"]');
  await screen(frame, 'cart');
  await shot(page, '11-en-full-cart');
  await frame.click('[data-fk="next"]');
  await screen(frame, 'confirm');
  check('suborder button says «Add to invoice»', (await frame.textContent('[data-fk="submit"]')) === 'Add to invoice');
  await shot(page, '12-en-full-confirm');
  await frame.click('[data-fk="submit"]');
  await screen(frame, 'added');
  await shot(page, '13-en-full-added');
  await page.evaluate(() => window.harnessSend('updateData', window.harnessInit({ userName: 'Someone Else' })));
  await page.waitForTimeout(150);
  check('updateData does not replace the «Added» screen', (await frame.getAttribute('#app', 'data-screen')) === 'added');
  check('suborder: done sent', (await sent(page, 'done')).length === 1);
  check('fullHeight: no height messages', (await sent(page, 'height', false)).length === 0);
  const orders = await (await fetch(`${server.appOrigin}/__mock/orders`)).json();
  const o = orders.orders.at(-1);
  check('suborder order carries the init orderContainerId', o.minappType === 'suborder' && o.orderContainerId === '6c1f7e0a-3d7b-4f7e-9a55-0f1e2d3c4b5a');
  await frame.click('[data-fk="add-more"]');
  await screen(frame, 'catalog');
  check('«Add more» starts with an empty cart', await frame.isHidden('.cart-bar'));
  check('no page errors', errors.length === 0, errors.join(' | '));
  await page.close();
});

await scenario('errors', async () => {
  // Server-side 422 on a phone the client thinks is fine.
  let { page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false', phone: '+7 000 000-00-00' });
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('[data-fk="add:p-milk"]');
  await frame.click('[data-fk="open-cart"]');
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await frame.waitForSelector('#contact-phone[aria-invalid="true"]');
  check('422 buyer.phone shown next to the field', (await frame.textContent('#contact-phone-error')).includes('не существует'));
  await shot(page, '14-ru-server-422');
  const firstKeyPosts = (await (await fetch(`${server.appOrigin}/__mock/orders`)).json()).posts;
  await frame.fill('#contact-phone', '+7 900 765-43-21');
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await screen(frame, 'redirect');
  check('after fixing the phone the order goes through', (await sent(page, 'done')).length === 1);
  void firstKeyPosts;
  await page.close();

  // Server-side 422 on a cart line (stock): the message sits under that line, focus on its quantity.
  ({ page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false' }));
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('[data-fk="add:p-milk"]');
  await frame.click('[data-fk="add:p-tomato"]');
  await frame.click('[data-fk="open-cart"]');
  const tomatoQty = frame.locator('.line[data-product="p-tomato"] .qty-input');
  await tomatoQty.fill('8');
  await frame.click('#contact-name'); // commits the typed quantity on the way (change event)
  check('clicking a field right after typing a quantity keeps that field focused', await frame.evaluate(() => document.activeElement?.id === 'contact-name'));
  check('typed quantity updates the line total in place', (await frame.textContent('.line[data-product="p-tomato"] .line-total')).replace(/\s/g, ' ') === '2 796,00 ₽');
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await frame.waitForSelector('.line[data-product="p-tomato"] [role=alert]');
  check('422 items[1].quantity shown under the tomato line', (await frame.textContent('.line[data-product="p-tomato"] [role=alert]')).includes('только 5'));
  check('focus on that line\'s quantity', await frame.evaluate(() => document.activeElement?.closest('.line')?.getAttribute('data-product') === 'p-tomato'));
  await shot(page, '14b-ru-server-422-line');
  await page.close();

  // Rejected by the worker: failureReason + onError.
  ({ page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false', name: 'Reject Test' }));
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('[data-fk="add:p-milk"]');
  await frame.click('[data-fk="open-cart"]');
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await screen(frame, 'error');
  const err = await sent(page, 'error');
  check('rejected → onError(human message with reason)', err.length === 1 && err[0].data.includes('реквизиты'), err[0]?.data);
  check('rejected is final: no retry of the same, back to the cart instead',
    (await frame.locator('[data-fk="retry"]').count()) === 0 && (await frame.textContent('[data-fk="err-back"]')) === 'Вернуться к корзине');
  await shot(page, '15-ru-rejected');
  await frame.click('[data-fk="err-back"]');
  await screen(frame, 'cart');
  await page.close();

  // The 202 is lost on the wire: retry must reuse the Idempotency-Key → exactly one order.
  ({ page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false', name: 'Dropfirst Buyer' }));
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('[data-fk="add:p-milk"]');
  await frame.click('[data-fk="open-cart"]');
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await screen(frame, 'error');
  check('network error → in-page retry + onError', (await sent(page, 'error')).length === 1);
  await shot(page, '16-ru-network-error');
  await page.waitForTimeout(1600); // the mock drops every answer for this key during 1.5 s
  await frame.click('[data-fk="retry"]');
  await screen(frame, 'redirect');
  const mine = (await (await fetch(`${server.appOrigin}/__mock/orders`)).json()).orders.filter((o) => o.buyer?.name === 'Dropfirst Buyer');
  check('retry after a lost answer created exactly one order', mine.length === 1, `${mine.length} orders`);
  await page.close();

  // Session token expired between catalog and checkout: 401 → new session → retried once.
  ({ page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false' }));
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('[data-fk="add:p-milk"]');
  await frame.click('[data-fk="open-cart"]');
  await frame.click('[data-fk="next"]');
  await fetch(`${server.appOrigin}/__mock/expire-tokens`, { method: 'POST' });
  await frame.click('[data-fk="submit"]');
  await screen(frame, 'redirect');
  check('401 → new session and one retry → done', (await sent(page, 'done')).length === 1);
  await page.close();

  if (withSlow) {
    ({ page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'en', fullHeight: 'false', name: 'Slow Buyer' }));
    await frame.waitForSelector('#app[data-ready="catalog"]');
    await frame.click('[data-fk="add:p-milk"]');
    await frame.click('[data-fk="open-cart"]');
    await frame.click('[data-fk="next"]');
    await frame.click('[data-fk="submit"]');
    await screen(frame, 'error', 40000);
    await shot(page, '17-en-payment-url-timeout');
    const before = (await (await fetch(`${server.appOrigin}/__mock/orders`)).json()).orders.length;
    await frame.click('[data-fk="retry"]');
    await screen(frame, 'progress');
    const after = (await (await fetch(`${server.appOrigin}/__mock/orders`)).json()).orders.length;
    check('timeout retry resumes waiting, no second order', before === after);
    await page.close();
  }
});

await scenario('quantity-step', async () => {
  // The server enforces the unit's step: what goes on the wire is a clean multiple of it, and when the
  // server still says no (here: the shop changed the step after the catalog was loaded), its message
  // sits under that line.
  const { page, frame, errors } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false' });
  const bodies = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/orders') && bodies.push(r.postData()));
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('[data-fk="add:p-potato"]');
  for (let i = 0; i < 7; i++) await frame.click('[data-fk="inc:p-potato"]');
  check('0,3 + 7 × 0,1 shows 1 (not 0,9999999999999999)', (await frame.inputValue('.product:has([data-fk="inc:p-potato"]) .qty-input')) === '1');
  await frame.click('[data-fk="add:p-consult"]');
  await frame.click('[data-fk="inc:p-consult"]');
  await frame.click('[data-fk="open-cart"]');
  await fetch(`${server.appOrigin}/__mock/step?product=p-potato&step=0.5`, { method: 'POST' });
  // 1 kg is a multiple of 0.5 too; make it 1,3 so the changed rule bites.
  const potato = frame.locator('.line[data-product="p-potato"] .qty-input');
  await potato.fill('1,3');
  await potato.press('Enter');
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await frame.waitForSelector('.line[data-product="p-potato"] .line-error');
  const wire = [...String(bodies.at(-1)).matchAll(/"quantity":([^,}]+)/g)].map((m) => m[1]);
  check('quantities on the wire are clean decimals (≤ 3 places)', wire.length === 2 && wire.every((q) => /^\d+(\.\d{1,3})?$/.test(q)) && wire.join(',') === '1.3,1.5', wire.join(','));
  check('422 quantity_step: the server\'s message under the line', (await frame.textContent('.line[data-product="p-potato"] .line-error')).includes('продаётся по 0,5 кг'));
  check('…our translated summary above the form', (await frame.textContent('#form-message')).includes('шагом'), await frame.textContent('#form-message'));
  check('…the line\'s quantity is focused, invalid and described by the message', await frame.evaluate(() => {
    const el = document.activeElement;
    const err = document.querySelector('.line[data-product="p-potato"] .line-error');
    return el?.closest('.line')?.getAttribute('data-product') === 'p-potato' && el.getAttribute('aria-invalid') === 'true' && el.getAttribute('aria-describedby').includes(err.id);
  }));
  await shot(page, '14c-ru-server-422-quantity-step');
  await potato.fill('1,5');
  await potato.press('Enter');
  check('changing the line clears its message', (await frame.locator('.line[data-product="p-potato"] .line-error').count()) === 0);
  await frame.click('[data-fk="next"]');
  await frame.click('[data-fk="submit"]');
  await screen(frame, 'redirect');
  check('on the new step the order goes through', (await sent(page, 'done')).length === 1);
  await fetch(`${server.appOrigin}/__mock/step?product=p-potato`, { method: 'POST' });
  check('no page errors', errors.length === 0, errors.join(' | '));
  await page.close();
});

await scenario('big-catalog', async () => {
  // Shop 1006 has 5,004 products (≈2.5 MB of JSON): a page of cards at a time, the rest on scroll or
  // «Показать ещё»; search by name or SKU.
  // Cross-site parent: the IntersectionObserver has to work in an out-of-process iframe the host scrolls.
  const { page, frame, errors } = await harness({ pos: 1006, mode: 'order', locale: 'ru', fullHeight: 'false' }, { crossSite: true });
  await frame.waitForSelector('#app[data-ready="catalog"]', { timeout: 15000 });
  check('the big-catalog host is another site (out-of-process iframe)', new URL(page.url()).hostname === 'localhost' && new URL(frame.url()).hostname === '127.0.0.1');
  const cards = () => frame.locator('.product').count();
  check('first page only: 30 of 5 004 cards', (await cards()) === 30, `${await cards()}`);
  check('progress says how many are shown', (await frame.textContent('.more-status')).replace(/\s/g, ' ') === 'Показано 30 из 5 004', await frame.textContent('.more-status'));
  const heights = await sent(page, 'height');
  check('reported height is that of the rendered page (< 8 000 px)', heights.at(-1).data < 8000, `${heights.at(-1).data} px`);
  check('search field with an accessible label', await frame.evaluate(() => {
    const input = document.getElementById('catalog-search');
    return input?.labels?.[0]?.textContent === 'Поиск по каталогу' && input.closest('[role=search]') !== null;
  }));
  await shot(page, '24-ru-big-catalog'); // the whole iframe (its height is what was rendered)
  await page.screenshot({ path: `${OUT}24a-ru-big-catalog-first-screen.png` }); // what the buyer sees at 360 × 740

  await page.waitForTimeout(500);
  check('idle: nothing more is loaded while the end is out of view', (await cards()) === 30);
  // Scrolling the host page (fullHeight=false: the host scrolls, not the iframe) brings the next pages.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('iframe').getBoundingClientRect().bottom + window.scrollY - window.innerHeight));
  await frame.waitForFunction(() => document.querySelectorAll('.product').length > 30, null, { timeout: 3000 }).catch(() => undefined);
  check('scrolling near the end adds the next page (IntersectionObserver)', (await cards()) >= 60, `${await cards()}`);
  await page.waitForTimeout(300);
  const afterScroll = await cards();
  check('…but not the whole catalog', afterScroll <= 120, `${afterScroll}`);
  await page.evaluate(() => window.scrollTo(0, 0));

  // Keyboard: «Показать ещё» adds a page and moves focus to its first card.
  await frame.focus('[data-fk="more"]');
  await page.waitForTimeout(300); // focusing scrolls the button into view, which may load a page by itself
  const beforeEnter = await cards();
  await page.keyboard.press('Enter');
  const focused = await frame.evaluate(() => ({ index: [...document.querySelectorAll('.product')].indexOf(document.activeElement), label: document.activeElement?.getAttribute('aria-labelledby') }));
  check('«Показать ещё» (Enter) adds 30 and focuses the first new card', (await cards()) === beforeEnter + 30 && focused.index === beforeEnter && !!focused.label, `${beforeEnter} → ${JSON.stringify(focused)}`);

  // A deep card works like any other.
  const deepId = await frame.evaluate(() => document.activeElement.dataset.product);
  await frame.click(`[data-fk="add:${deepId}"]`);
  check('adding from a card of a later page fills the cart bar', (await frame.textContent('.cart-bar .badge')) === '1');

  // Category chips stay instant and combine with search.
  let t0 = Date.now();
  await frame.click('[data-fk="cat:drinks"]');
  const names = await frame.$$eval('.product', (els) => els.length);
  check('category chip: first page of that category', names === 30 && (await frame.textContent('.more-status')).includes('из 417'), `${names}, ${await frame.textContent('.more-status')} in ${Date.now() - t0} ms`);
  const search = frame.locator('#catalog-search');
  await search.fill('сок');
  await frame.waitForFunction(() => !document.getElementById('search-status').hidden, null, { timeout: 2000 });
  const found = await frame.$$eval('.product .product-name', (els) => els.map((e) => e.textContent));
  check('search within the category (debounced): every result matches', found.length > 0 && found.every((n) => /сок/i.test(n)), `${found.length}: ${found[0]}`);
  check('search shows the count', /^Найдено: \d+$/.test((await frame.textContent('#search-status')).replace(/\s/g, ' ')), await frame.textContent('#search-status'));
  await shot(page, '25-ru-big-catalog-search');

  await search.fill('GEN-00101'); // a fish
  await search.press('Enter');
  check('search by SKU, Enter runs it at once (other category: nothing here)', (await cards()) === 0 && await frame.isVisible('[data-fk="search-all"]'));
  await shot(page, '26-ru-big-catalog-nothing-here');
  await frame.click('[data-fk="search-all"]');
  check('«Искать во всех категориях» finds it', (await cards()) === 1 && (await frame.getAttribute('[data-fk="cat:"]', 'aria-pressed')) === 'true');
  check('…focus back in the search field', await frame.evaluate(() => document.activeElement?.id === 'catalog-search'));
  await search.fill('абракадабра');
  await search.press('Enter');
  check('nothing anywhere: message and «Сбросить поиск»', (await frame.textContent('.empty')).includes('ничего не нашлось') && !(await frame.isVisible('[data-fk="search-all"]')));
  await frame.click('[data-fk="search-clear"]');
  check('cleared: the first page of everything again', (await cards()) === 30 && (await search.inputValue()) === '');
  // In-page cost of a chip switch (filter + first page of cards, synchronous), and of a search on 5,004.
  const cost = await frame.evaluate(() => {
    const click = (sel) => { const t = performance.now(); document.querySelector(sel).click(); return performance.now() - t; };
    const chips = [click('[data-fk="cat:fruit"]'), click('[data-fk="cat:meat"]'), click('[data-fk="cat:"]')];
    const input = document.getElementById('catalog-search');
    input.value = 'мёд эконом';
    const t = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const searchMs = performance.now() - t;
    return { chips, searchMs, found: document.getElementById('search-status').textContent };
  });
  check('chip switch and search are instant (< 50 ms in the page)', Math.max(...cost.chips, cost.searchMs) < 50, `chips ${cost.chips.map((x) => x.toFixed(1)).join(' / ')} ms, search «мёд эконом» ${cost.searchMs.toFixed(1)} ms → ${cost.found}`);
  await frame.click('[data-fk="search-clear"]').catch(() => undefined);
  await search.fill('');
  await search.press('Enter');

  // To the cart and back: the catalog keeps its category and query.
  await frame.click('[data-fk="cat:fish"]');
  await search.fill('форель');
  await search.press('Enter');
  const fishCount = await cards();
  await frame.click('[data-fk="open-cart"]');
  await screen(frame, 'cart');
  await frame.click('[data-fk="back:catalog"]');
  await screen(frame, 'catalog');
  check('back from the cart: same category and query', (await frame.inputValue('#catalog-search')) === 'форель' && (await cards()) === fishCount && (await frame.getAttribute('[data-fk="cat:fish"]', 'aria-pressed')) === 'true');
  check('no page errors', errors.length === 0, errors.join(' | '));
  await page.close();

  // fullHeight=true: the iframe has the host's height and #view scrolls; the sentinel works there too.
  const full = await harness({ pos: 1006, mode: 'order', locale: 'en', fullHeight: 'true', height: 740 });
  await full.frame.waitForSelector('#app[data-ready="catalog"]', { timeout: 15000 });
  check('fullHeight: first page', (await full.frame.locator('.product').count()) === 30);
  await shot(full.page, '27-en-big-catalog-fullheight');
  await full.frame.evaluate(() => { const v = document.getElementById('view'); v.scrollTop = v.scrollHeight; });
  await full.frame.waitForFunction(() => document.querySelectorAll('.product').length > 30, null, { timeout: 3000 }).catch(() => undefined);
  check('fullHeight: scrolling #view to the end adds a page', (await full.frame.locator('.product').count()) >= 60);
  check('fullHeight: progress in English', (await full.frame.textContent('.more-status')).startsWith('Showing 60 of 5,004') || (await full.frame.textContent('.more-status')).includes('of 5,004'), await full.frame.textContent('.more-status'));
  await full.page.close();

  // A small shop has neither search nor «Показать ещё».
  const small = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false' });
  await small.frame.waitForSelector('#app[data-ready="catalog"]');
  check('7 products: no search, no «Показать ещё», all cards', !(await small.frame.$('#catalog-search')) && !(await small.frame.isVisible('[data-fk="more"]')) && (await small.frame.locator('.product').count()) === 7);
  await small.page.close();
});

await scenario('unavailable', async () => {
  for (const pos of [1002, 1003, 9999]) {
    const { page, frame } = await harness({ pos, mode: 'order', locale: 'ru', fullHeight: 'false' });
    await screen(frame, 'unavailable');
    check(`pos ${pos}: onUnavailable()`, (await sent(page, 'unavailable')).length === 1);
    if (pos === 1002) {
      await page.evaluate(() => (document.querySelector('iframe').style.display = 'block'));
      await shot(page, '18-ru-unavailable');
    }
    await page.close();
  }
});

await scenario('session-error', async () => {
  // The API is down (a proxy's HTML 502): in-page error with retry, and the host hears onError.
  const { page, frame } = await harness({ pos: 1005, mode: 'order', locale: 'en', fullHeight: 'false' });
  await screen(frame, 'error');
  const err = await sent(page, 'error');
  check('session failure → onError(human message)', err.length === 1 && err[0].data === 'The shop’s server failed. Please try again in a minute.', err[0]?.data);
  await shot(page, '18b-en-session-error');
  await frame.click('[data-fk="retry"]');
  await page.waitForFunction(() => window.harness.messages.filter((m) => m.action === 'error').length === 2, null, { timeout: 3000 }).catch(() => undefined);
  check('retry asks again', (await sent(page, 'error')).length === 2);
  await page.close();
});

await scenario('standalone', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const t0 = Date.now();
  await page.goto(`${server.appOrigin}/m/1001/`);
  await page.waitForSelector('#app[data-ready="catalog"]');
  check('top-level without ?id: no 2 s wait', Date.now() - t0 < 1500, `${Date.now() - t0} ms`);
  check('standalone notice shown', await page.isVisible('.notice'));
  await page.screenshot({ path: `${OUT}19-ru-standalone-top-level.png` });
  await page.close();

  const { page: p2, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false', noinit: '1' });
  const t1 = Date.now();
  await frame.waitForSelector('#app[data-ready="catalog"]', { timeout: 6000 });
  const waited = Date.now() - t1;
  check('framed, host never answers: standalone after ~2 s', waited > 1500 && waited < 4000, `${waited} ms`);
  // A late init still arrives: the app adopts it (contacts prefill).
  await p2.evaluate(() => window.harnessSend('init', window.harnessInit({ userName: 'Поздний Init' })));
  await frame.click('[data-fk="add:p-milk"]');
  await frame.click('[data-fk="open-cart"]');
  check('late init adopted (contacts)', (await frame.inputValue('#contact-name')) === 'Поздний Init');
  await p2.evaluate(() => window.harnessSend('updateData', window.harnessInit({ userName: 'Пётр Петров', userPhone: '+79005554433' })));
  await p2.waitForTimeout(100);
  check('updateData refreshes contacts on the open form', (await frame.inputValue('#contact-phone')) === '+79005554433');
  await frame.fill('#contact-name', 'Сам ввёл');
  await p2.evaluate(() => window.harnessSend('updateData', window.harnessInit({ userName: 'Host Name' })));
  await p2.waitForTimeout(100);
  check('updateData keeps what the buyer typed', (await frame.inputValue('#contact-name')) === 'Сам ввёл');
  await p2.evaluate(() => window.harnessSend('init', { id: 'x' }));
  await p2.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ id: 'someone-else', action: 'paymentResult', data: 'completed' }, '*'));
  await p2.waitForTimeout(100);
  check('messages with a foreign channel id are ignored', (await frame.getAttribute('#app', 'data-screen')) === 'cart');
  await p2.close();
});

await scenario('result-fail-and-links', async () => {
  // Make an order through the API directly, then open failUrl top-level.
  const s = await (await fetch(`${server.appOrigin}/m/1001/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ minappType: 'order', locale: 'en' }) })).json();
  const acc = await (await fetch(`${server.appOrigin}/m/1001/api/orders`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}`, 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ items: [{ productId: 'p-milk', quantity: 2 }], buyer: { name: 'A', email: 'a@b.ru', phone: '+79001112233' } }),
  })).json();
  await new Promise((r) => setTimeout(r, 500));
  const o = (await (await fetch(`${server.appOrigin}/__mock/orders`)).json()).orders.find((x) => x.orderId === acc.orderId);
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${server.appOrigin}/m/1001/result/${o.orderId}?t=${o.resultToken}&outcome=fail&lang=en`);
  await page.waitForSelector('#app[data-view="failed"]');
  check('failUrl + awaiting_payment → «Payment failed» (en from ?lang=en)', (await page.textContent('.screen-title')) === 'Payment failed');
  check('…with «Pay again» to the paymentUrl of the result response', (await page.getAttribute('a.btn-primary', 'href').catch(() => null)) === o.paymentUrl, await page.getAttribute('a.btn-primary', 'href').catch(() => 'no link'));
  await page.screenshot({ path: `${OUT}20-en-result-failed.png` });
  await fetch(`${server.appOrigin}/__mock/orders/${o.orderId}/status?set=expired`, { method: 'POST' });
  await page.waitForSelector('#app[data-view="expired"]');
  check('…then live: expired, and no «Pay again» (no paymentUrl any more)', (await page.$('a.btn-primary')) === null);
  // Without &lang= (an older link): the locale of the result response decides.
  await page.goto(`${server.appOrigin}/m/1001/result/${o.orderId}?t=${o.resultToken}&outcome=fail`);
  await page.waitForSelector('#app[data-view="expired"]');
  check('no &lang=: the response\'s locale (en) is used', (await page.textContent('.screen-title')) === 'Payment time expired' && (await page.getAttribute('html', 'lang')) === 'en');
  await page.goto(`${server.appOrigin}/m/1001/result/${o.orderId}?t=${o.resultToken}&outcome=fail&lang=ru`);
  await page.waitForSelector('#app[data-view="expired"]');
  check('&lang=ru wins over the response\'s locale', (await page.textContent('.screen-title')) === 'Срок оплаты истёк');
  await page.goto(`${server.appOrigin}/m/1001/result/${o.orderId}?t=wrong`);
  await page.waitForSelector('#app[data-screen="error"]');
  await page.screenshot({ path: `${OUT}21-ru-result-bad-token.png` });
  check('bad result token → readable error', (await page.textContent('[role=alert]')).length > 5);
  await page.close();

  const { page: p2, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', fullHeight: 'false' });
  await frame.waitForSelector('#app[data-ready="catalog"]');
  await frame.click('.shop-links a');
  await p2.waitForFunction(() => window.harness.messages.some((m) => m.action === 'link'), null, { timeout: 3000 }).catch(() => undefined);
  const links = await sent(p2, 'link');
  check('external link → onLink(href)', links.length === 1 && links[0].data === 'https://example.org/offer', JSON.stringify(links.map((l) => l.data)) + ' ' + (await p2.url()));
  await p2.close();
});

await scenario('brand-and-keyboard', async () => {
  const { page, frame } = await harness({ pos: 1004, mode: 'order', locale: '', fullHeight: 'false' });
  await frame.waitForSelector('#app[data-ready="catalog"]');
  check('no init locale → shop default (en)', (await frame.getAttribute('html', 'lang')) === 'en');
  await frame.click('[data-fk="add:p-potato"]');
  await shot(page, '22-en-yellow-brand');
  // Keyboard only: Tab to the first chip/add button and use it.
  await frame.focus('[data-fk="add:p-tomato"]');
  await page.keyboard.press('Enter');
  check('Enter on «Add» adds and focuses «+»', await frame.evaluate(() => document.activeElement?.dataset.fk === 'inc:p-tomato'));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  check('ArrowUp in the quantity field steps up', (await frame.inputValue('.product:has([data-fk="inc:p-tomato"]) .qty-input')) === '0.4');
  await shot(page, '23-en-focus-ring');
  await page.close();
});

await scenario('narrow-phones', async () => {
  // The emulator parent leaves a 360 px phone a 300 px iframe; a 320 px phone gets 260 px.
  for (const width of [300, 260]) {
    const { page, frame } = await harness({ pos: 1001, mode: 'order', locale: 'ru', width: `${width}px` }, { viewport: { width: width + 60, height: 740 } });
    await frame.waitForSelector('#app[data-ready="catalog"]');
    await frame.click('[data-fk="add:p-potato"]');
    const fits = await frame.evaluate(() => {
      const root = document.documentElement;
      const plusEl = document.querySelector('[data-fk="inc:p-potato"]');
      const card = plusEl.closest('.product');
      const inner = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight);
      return { scroll: root.scrollWidth, client: root.clientWidth, plusRight: Math.round(plusEl.getBoundingClientRect().right), cardInner: Math.round(inner) };
    });
    check(`${width} px: the stepper fits inside its card, nothing scrolls sideways`, fits.scroll <= fits.client && fits.plusRight <= fits.cardInner, JSON.stringify(fits));
    await shot(page, `30-ru-catalog-${width}px`);
    await frame.click('[data-fk="open-cart"]');
    await screen(frame, 'cart');
    const cartFits = await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    check(`${width} px: the cart does not scroll sideways`, cartFits);
    await shot(page, `31-ru-cart-${width}px`);
    await page.close();
  }
});

await browser.close();
await server.close();
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
