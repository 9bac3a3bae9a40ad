// A mock of the buyer API (/m/{posId}/api/...) exactly as agreed with the back end, plus a few
// /__mock controls for the harness. Development only: never shipped, never used by the real API.
import { randomBytes, randomUUID } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const CAT = [
  { id: 'veg', name: { ru: 'Овощи', en: 'Vegetables' } },
  { id: 'dairy', name: { ru: 'Молочное', en: 'Dairy' } },
  { id: 'meat', name: { ru: 'Мясо', en: 'Meat' } },
  { id: 'services', name: { ru: 'Услуги', en: 'Services' } },
];

const unit = (name, code, fractional, step, min, max) => ({ name, code, fractional, step, min, max });
const KG = { ru: unit('кг', '166', true, 0.1, 0.3, 20), en: unit('kg', '166', true, 0.1, 0.3, 20) };
const PCS = { ru: unit('шт', '796', false, 1, 1, 50), en: unit('pcs', '796', false, 1, 1, 50) };
const HOUR = { ru: unit('час', '356', true, 0.5, 1, 8), en: unit('h', '356', true, 0.5, 1, 8) };

const PRODUCTS = [
  { id: 'p-potato', cat: 'veg', sku: 'VEG-001', price: 59.9, vat: 10, unit: KG, img: true,
    name: { ru: 'Картофель молодой', en: 'New potatoes' },
    desc: { ru: 'Урожай этого года, Тульская область. Отлично подходит для запекания и пюре.', en: 'This year’s crop from the Tula region. Great for roasting and mash.' } },
  { id: 'p-tomato', cat: 'veg', sku: 'VEG-002', price: 349.5, vat: 10, unit: KG, img: true, stock: 5,
    name: { ru: 'Томаты черри на ветке', en: 'Cherry tomatoes on the vine' },
    desc: { ru: 'Сладкие, тепличные.', en: 'Sweet, greenhouse grown.' } },
  { id: 'p-milk', cat: 'dairy', sku: 'DAI-001', price: 99.5, vat: 10, unit: PCS, img: true,
    name: { ru: 'Молоко 3,2 %, 1 л', en: 'Milk 3.2%, 1 l' },
    desc: { ru: 'Фермерское, пастеризованное.', en: 'Farm milk, pasteurized.' } },
  { id: 'p-cheese', cat: 'dairy', sku: 'DAI-002', price: 1234.5, vat: 10, unit: KG, img: false,
    name: { ru: 'Сыр выдержанный «Горный»', en: 'Aged mountain cheese' },
    desc: { ru: 'Выдержка 12 месяцев.', en: 'Aged 12 months.' } },
  { id: 'p-beef', cat: 'meat', sku: 'MEA-001', price: 849, vat: 10, unit: KG, img: true,
    name: { ru: 'Говядина, вырезка', en: 'Beef tenderloin' },
    desc: { ru: 'Охлаждённая, без кости.', en: 'Chilled, boneless.' } },
  { id: 'p-delivery', cat: 'services', sku: 'SRV-001', price: 300, vat: 20, unit: PCS, img: true,
    name: { ru: 'Доставка до двери', en: 'Door delivery' },
    desc: { ru: 'В пределах МКАД, в удобный интервал.', en: 'Within Moscow ring road, at a time you choose.' } },
  { id: 'p-consult', cat: 'services', sku: 'SRV-002', price: 1500, vat: 20, unit: HOUR, img: true,
    name: { ru: 'Консультация агронома', en: 'Agronomist consultation' },
    desc: { ru: 'Онлайн, шаг — полчаса.', en: 'Online, in half-hour steps.' } },
];

// Generated products for big-catalog tests: deterministic (same N → same catalog), spread over the four
// categories above and eight more, with the same units and a mix of pictures, no pictures and long names.
const GEN_CAT = [
  { id: 'fruit', name: { ru: 'Фрукты', en: 'Fruit' }, unit: KG, nouns: [['Яблоки', 'Apples'], ['Груши', 'Pears'], ['Мандарины', 'Tangerines'], ['Сливы', 'Plums'], ['Виноград', 'Grapes']] },
  { id: 'bakery', name: { ru: 'Выпечка', en: 'Bakery' }, unit: PCS, nouns: [['Хлеб', 'Bread'], ['Батон', 'Loaf'], ['Круассан', 'Croissant'], ['Пирог', 'Pie'], ['Багет', 'Baguette']] },
  { id: 'grocery', name: { ru: 'Бакалея', en: 'Grocery' }, unit: PCS, nouns: [['Крупа гречневая', 'Buckwheat'], ['Рис', 'Rice'], ['Макароны', 'Pasta'], ['Мука', 'Flour'], ['Чай', 'Tea']] },
  { id: 'drinks', name: { ru: 'Напитки', en: 'Drinks' }, unit: PCS, nouns: [['Сок', 'Juice'], ['Морс', 'Berry drink'], ['Квас', 'Kvass'], ['Вода', 'Water'], ['Лимонад', 'Lemonade']] },
  { id: 'fish', name: { ru: 'Рыба', en: 'Fish' }, unit: KG, nouns: [['Форель', 'Trout'], ['Судак', 'Zander'], ['Сельдь', 'Herring'], ['Треска', 'Cod'], ['Скумбрия', 'Mackerel']] },
  { id: 'sweets', name: { ru: 'Сладости', en: 'Sweets' }, unit: PCS, nouns: [['Мёд', 'Honey'], ['Варенье', 'Jam'], ['Пастила', 'Pastila'], ['Зефир', 'Zephyr'], ['Шоколад', 'Chocolate']] },
  { id: 'frozen', name: { ru: 'Заморозка', en: 'Frozen' }, unit: KG, nouns: [['Пельмени', 'Pelmeni'], ['Вареники', 'Vareniki'], ['Ягоды', 'Berries'], ['Овощная смесь', 'Vegetable mix'], ['Блины', 'Pancakes']] },
  { id: 'home', name: { ru: 'Для дома', en: 'Home' }, unit: PCS, nouns: [['Свеча', 'Candle'], ['Мыло', 'Soap'], ['Полотенце', 'Towel'], ['Корзина плетёная', 'Wicker basket'], ['Кружка', 'Mug']] },
  { id: 'veg', unit: KG, nouns: [['Морковь', 'Carrots'], ['Свёкла', 'Beetroot'], ['Капуста', 'Cabbage'], ['Лук', 'Onions'], ['Огурцы', 'Cucumbers']] },
  { id: 'dairy', unit: PCS, nouns: [['Кефир', 'Kefir'], ['Творог', 'Cottage cheese'], ['Сметана', 'Sour cream'], ['Ряженка', 'Ryazhenka'], ['Йогурт', 'Yogurt']] },
  { id: 'meat', unit: KG, nouns: [['Свинина', 'Pork'], ['Курица', 'Chicken'], ['Индейка', 'Turkey'], ['Баранина', 'Lamb'], ['Колбаса', 'Sausage']] },
  { id: 'services', unit: HOUR, nouns: [['Мастер-класс', 'Workshop'], ['Дегустация', 'Tasting'], ['Экскурсия на ферму', 'Farm tour'], ['Сборка заказа', 'Order picking'], ['Консультация', 'Consultation']] },
];
const ADJ = [['«Заречье»', '“Zarechye”'], ['«Луговое»', '“Lugovoe”'], ['высший сорт', 'premium'], ['эконом', 'economy'], ['био', 'organic'], ['из Тулы', 'from Tula']];
const CATEGORY_NAMES = Object.fromEntries([...CAT, ...GEN_CAT.filter((c) => c.name)].map((c) => [c.id, c.name]));

function generateProducts(count, offset = 0) {
  const list = [];
  let seed = 20250101;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const n = offset + i + 1;
    const c = GEN_CAT[i % GEN_CAT.length];
    const [nounRu, nounEn] = c.nouns[Math.floor(rnd() * c.nouns.length)];
    const [adjRu, adjEn] = ADJ[Math.floor(rnd() * ADJ.length)];
    const long = rnd() < 0.08;
    list.push({
      id: `g-${String(n).padStart(5, '0')}`, cat: c.id, sku: `GEN-${String(n).padStart(5, '0')}`,
      price: Math.round(20 + rnd() * 4000) + (rnd() < 0.5 ? 0.5 : 0), vat: c.id === 'services' || c.id === 'home' ? 20 : 10, unit: c.unit, img: rnd() < 0.7,
      name: {
        ru: `${nounRu} ${adjRu}, партия ${n}${long ? ' — большая упаковка для семьи и праздничного стола' : ''}`,
        en: `${nounEn} ${adjEn}, lot ${n}${long ? ' — a big pack for the family and the festive table' : ''}`,
      },
      desc: {
        ru: rnd() < 0.2 ? '' : `${nounRu} от проверенных поставщиков. Хранить в прохладном месте. Партия № ${n}, срок годности указан на упаковке.`,
        en: rnd() < 0.2 ? '' : `${nounEn} from trusted suppliers. Keep in a cool place. Lot no. ${n}, best before date on the pack.`,
      },
    });
  }
  return list;
}

/** The seven hand-written products, then generated ones up to `count` (fewer than seven: the first ones). */
export function catalogOf(count) {
  const n = Math.max(0, Math.floor(Number(count)));
  return n <= PRODUCTS.length ? PRODUCTS.slice(0, n) : [...PRODUCTS, ...generateProducts(n - PRODUCTS.length)];
}

/** Shop 1006: a big catalog like the one the tester found (5,004 products, about 2 MB of JSON). */
export const BIG_CATALOG = 5004;

const SHOPS = {
  1001: { name: 'farm-shop', displayName: { ru: 'Фермерская лавка', en: 'Farm Shop' }, brandColor: '#1f5fd6', locale: 'ru', live: true, products: PRODUCTS },
  1002: { name: 'suspended', displayName: { ru: 'Закрытый магазин', en: 'Closed shop' }, brandColor: '#444444', locale: 'ru', live: false, products: PRODUCTS },
  1003: { name: 'empty', displayName: { ru: 'Пустой магазин', en: 'Empty shop' }, brandColor: '#0a7d4f', locale: 'ru', live: true, products: [] },
  1004: { name: 'sunny', displayName: { ru: 'Солнечный кофе', en: 'Sunny Coffee' }, brandColor: '#fad247', locale: 'en', live: true, products: PRODUCTS.slice(0, 3) },
  1006: { name: 'hypermarket', displayName: { ru: 'Фермерский гипермаркет', en: 'Farm Hypermarket' }, brandColor: '#0a7d4f', locale: 'ru', live: true, products: null, count: BIG_CATALOG },
};
for (const shop of Object.values(SHOPS)) if (!shop.products) shop.products = catalogOf(shop.count);

const problem = (res, status, code, detail, errors) =>
  send(res, status, { type: `https://errors.example/${code}`, title: code, status, detail, code, ...(errors ? { errors } : {}) }, 'application/problem+json');

// Like the real API (ASP.NET response compression): JSON over 1 KB goes out as br or gzip when the
// client accepts it. `compress: false` (server --no-compress) sends it plain.
let compression = true;
function send(res, status, body, type = 'application/json') {
  const headers = { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
  let data = Buffer.from(JSON.stringify(body));
  const accepts = String(res.req?.headers['accept-encoding'] || '');
  if (compression && data.length > 1024) {
    if (/\bbr\b/.test(accepts)) {
      data = brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length } });
      headers['Content-Encoding'] = 'br';
    } else if (/\bgzip\b/.test(accepts)) {
      data = gzipSync(data, { level: 6 });
      headers['Content-Encoding'] = 'gzip';
    }
  }
  res.writeHead(status, headers);
  res.end(data);
}

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    return null;
  }
}

const kopecks = (roubles) => Math.round(roubles * 100);

/**
 * `products`: how many products shop 1001 serves (default: its seven; more are generated, see
 * catalogOf). `compress`: br/gzip for JSON over 1 KB when the client accepts it (default true).
 */
export function createMockApi({ payOrigin, log = () => {}, products, compress = true } = {}) {
  compression = compress;
  const shops = { ...SHOPS };
  if (products !== undefined) shops[1001] = { ...SHOPS[1001], products: catalogOf(products) };
  const tokens = new Map(); // token → { posId, minappType, orderContainerId, locale }
  const orders = new Map(); // orderId → order
  const byKey = new Map(); // posId:key → orderId
  const waiters = new Set();
  let number = 1000;
  const state = { tokens, orders, posts: 0 };

  const lang = (req, fallback) => (String(req.headers['accept-language'] || '').startsWith('en') ? 'en' : fallback || 'ru');

  function productView(p, l) {
    const u = p.unit[l];
    return {
      id: p.id, categoryId: p.cat, sku: p.sku, name: p.name[l], description: p.desc[l], price: p.price, priceKopecks: kopecks(p.price),
      vatCode: p.vat === 20 ? 'VATROSRU_20' : 'VATROSRU_10', vatRate: p.vat, vatLabel: `НДС ${p.vat}%`, unit: u,
      imageUrl: p.img ? `/mock-img/${p.id}.svg` : null,
    };
  }

  function setStatus(order, status, extra = {}) {
    Object.assign(order, { status }, extra);
    if (status === 'paid' || status === 'hold') order.paidAt ??= new Date().toISOString();
    for (const w of [...waiters]) w();
  }

  function orderView(o) {
    const shop = shops[o.posId];
    return {
      orderId: o.orderId, number: o.number, status: o.status, ...(o.paymentUrl && o.status !== 'accepted' ? { paymentUrl: o.paymentUrl } : {}),
      amount: o.amount / 100, vatAmount: o.vatAmount / 100, currency: 'RUB', lines: o.lines,
      ...(o.failureReason ? { failureReason: o.failureReason } : {}),
      _shop: shop,
    };
  }

  async function longPoll(req, url, order, view) {
    const waitMs = Math.min(Number(url.searchParams.get('waitMs') || 0), 25000);
    const known = url.searchParams.get('known');
    if (waitMs > 0 && known && order.status === known) {
      await new Promise((resolve) => {
        const done = () => {
          if (order.status !== known) finish();
        };
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(finish, waitMs);
        waiters.add(done);
        req.on('close', finish);
      });
    }
    return view();
  }

  function auth(req, res, posId) {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization || '');
    const s = m && tokens.get(m[1]);
    if (!s || s.posId !== posId) {
      problem(res, 401, 'session_expired', 'The session token is missing or expired.');
      return null;
    }
    return s;
  }

  // The buyer API's quantity rule: a positive multiple of unit.step with ≤ 3 decimals, at most unit.max,
  // checked in exact (thousandths) arithmetic like the server's decimals; else 422 quantity_step.
  // /__mock/step can make the server enforce another step than the session advertised (the shop
  // changed the unit while the buyer was shopping).
  const stepOverrides = new Map(); // productId → step
  const stepErrors = new Set(); // keys of errors that are quantity_step violations
  function stepViolation(rawQuantity, p, l) {
    const u = p.unit[l];
    const step = stepOverrides.get(p.id) ?? u.step;
    const q = typeof rawQuantity === 'number' ? rawQuantity : NaN;
    const milli = q * 1000;
    const decimalText = (n) => (l === 'en' ? String(n) : String(n).replace('.', ','));
    if (!(q > 0) || Math.abs(milli - Math.round(milli)) > 1e-6 || Math.round(milli) % Math.round(step * 1000) !== 0)
      return l === 'en' ? `“${p.name.en}” is sold in steps of ${decimalText(step)} ${u.name}.` : `«${p.name.ru}» продаётся по ${decimalText(step)} ${u.name}.`;
    if (q > u.max) return l === 'en' ? `At most ${decimalText(u.max)} ${u.name} of “${p.name.en}”.` : `Не больше ${decimalText(u.max)} ${u.name} товара «${p.name.ru}».`;
    return null;
  }

  function validate(body, shop, l) {
    const errors = {};
    stepErrors.clear();
    const msg = (ru, en) => [l === 'en' ? en : ru];
    const items = Array.isArray(body?.items) ? body.items : [];
    if (!items.length) errors.items = msg('Корзина пуста', 'The cart is empty');
    items.forEach((it, i) => {
      const p = shop.products.find((x) => x.id === it.productId);
      if (!p) { errors[`items[${i}].productId`] = msg('Товар не найден', 'Unknown product'); return; }
      const u = p.unit.ru;
      const q = it.quantity;
      const wrong = stepViolation(q, p, l);
      if (wrong) { errors[`items[${i}].quantity`] = [wrong]; stepErrors.add(`items[${i}].quantity`); return; }
      if (p.stock !== undefined && q > p.stock) { errors[`items[${i}].quantity`] = msg(`В наличии только ${p.stock} ${u.name}`, `Only ${p.stock} ${p.unit.en.name} in stock`); return; }
    });
    const b = body?.buyer ?? {};
    if (!String(b.name || '').trim()) errors['buyer.name'] = msg('Укажите имя', 'Name is required');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(String(b.email || ''))) errors['buyer.email'] = msg('Неверный адрес почты', 'Invalid email');
    const digits = String(b.phone || '').replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 15 || /^\+?0+$/.test(String(b.phone))) errors['buyer.phone'] = msg('Неверный номер телефона', 'Invalid phone number');
    if (/^\+?7?0{10}$/.test(String(b.phone || '').replace(/\D/g, ''))) errors['buyer.phone'] = msg('Такого номера не существует', 'This number does not exist');
    return Object.keys(errors).length ? errors : null;
  }

  function createOrder(posId, s, body) {
    const shop = shops[posId];
    const lines = body.items.map((it) => {
      const p = shop.products.find((x) => x.id === it.productId);
      const total = Math.round(kopecks(p.price) * it.quantity);
      const vat = Math.round((total * p.vat) / (100 + p.vat));
      return { productId: p.id, name: p.name[s.locale], quantity: it.quantity, unitPrice: p.price, total: total / 100, vat: vat / 100, unitName: p.unit[s.locale].name };
    });
    const orderId = randomUUID();
    const order = {
      orderId, posId, number: ++number, status: 'accepted', lines,
      amount: lines.reduce((a, l) => a + Math.round(l.total * 100), 0), vatAmount: lines.reduce((a, l) => a + Math.round(l.vat * 100), 0),
      resultToken: randomBytes(12).toString('base64url'), buyer: body.buyer, minappType: s.minappType, orderContainerId: s.orderContainerId, locale: s.locale,
    };
    const container = s.orderContainerId || randomUUID();
    order.paymentUrl = `${payOrigin}/pay/${container}?order=${orderId}&pos=${posId}&t=${order.resultToken}`;
    orders.set(orderId, order);
    const name = String(body.buyer?.name || '').toLowerCase();
    if (name.includes('reject')) setTimeout(() => setStatus(order, 'rejected', { failureReason: s.locale === 'en' ? 'the shop’s Invoicebox credentials are invalid' : 'неверные реквизиты магазина в Инвойсбоксе' }), 300);
    else if (!name.includes('slow')) setTimeout(() => setStatus(order, 'awaiting_payment'), 350);
    return order;
  }

  /** Returns true if it handled the request. */
  async function handle(req, res, url) {
    const path = url.pathname;
    if (path.startsWith('/__mock/')) return control(req, res, url);
    const m = /^\/m\/(\d+)\/api(\/.*)$/.exec(path);
    if (!m) return false;
    const posId = Number(m[1]);
    const rest = m[2];
    const shop = shops[posId];
    log(`${req.method} ${path}${url.search}`);
    if (posId === 1005) { res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>502 Bad Gateway</h1>'); return true; }
    if (!shop) { problem(res, 404, 'pos_not_found', `Point of sale ${posId} does not exist.`); return true; }

    if (req.method === 'POST' && rest === '/session') {
      const body = (await readJson(req)) ?? {};
      if (!shop.live) { problem(res, 409, 'shop_unavailable', 'The shop is not live.'); return true; }
      if (body.minappType === 'suborder' && !body.orderContainerId) {
        problem(res, 422, 'validation_failed', 'orderContainerId is required for suborder', { orderContainerId: ['required'] }); return true;
      }
      const l = body.locale === 'en' || body.locale === 'ru' ? body.locale : shop.locale;
      const token = randomBytes(18).toString('base64url');
      tokens.set(token, { posId, minappType: body.minappType === 'suborder' ? 'suborder' : 'order', orderContainerId: body.orderContainerId, locale: l });
      send(res, 200, {
        token, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), locale: l,
        shop: {
          posId, name: shop.name, displayName: shop.displayName[l], brandColor: shop.brandColor, logoUrl: `/mock-img/logo-${posId}.svg`, currency: 'RUB',
          links: [
            { title: l === 'en' ? 'Offer' : 'Оферта', url: 'https://example.org/offer' },
            { title: l === 'en' ? 'Privacy' : 'Политика конфиденциальности', url: 'https://example.org/privacy' },
          ],
        },
        catalog: {
          // Like the real API: only the categories that have products, in a fixed order.
          categories: Object.keys(CATEGORY_NAMES).filter((id) => shop.products.some((p) => p.cat === id)).map((id) => ({ id, name: CATEGORY_NAMES[id][l] })),
          products: shop.products.map((p) => productView(p, l)),
        },
      });
      return true;
    }

    if (req.method === 'POST' && rest === '/orders') {
      const s = auth(req, res, posId);
      if (!s) return true;
      const key = req.headers['idempotency-key'];
      if (!key) { problem(res, 400, 'idempotency_key_required', 'Idempotency-Key header is required.'); return true; }
      const body = await readJson(req);
      state.posts++;
      const existing = byKey.get(`${posId}:${key}`);
      if (existing) {
        const o = orders.get(existing);
        // "dropfirst": every answer for this key is lost for 1.5 s (Chromium silently retries a POST
        // once when a reused keep-alive socket dies, so one drop alone would not be visible).
        if (o.dropUntil && Date.now() < o.dropUntil) { req.socket.destroy(); return true; }
        send(res, 202, { orderId: existing, number: o.number, status: 'accepted' });
        return true;
      }
      const l = lang(req, s.locale);
      const errors = validate(body, shop, l);
      if (errors) {
        const keys = Object.keys(errors);
        if (keys.every((k) => stepErrors.has(k))) problem(res, 422, 'quantity_step', errors[keys[0]][0], errors);
        else problem(res, 422, 'validation_failed', l === 'en' ? 'Some fields are invalid.' : 'Проверьте данные заказа.', errors);
        return true;
      }
      const order = createOrder(posId, s, body);
      byKey.set(`${posId}:${key}`, order.orderId);
      if (String(body.buyer?.name || '').toLowerCase().includes('dropfirst')) {
        // The order is created but the answer is lost: the page must retry with the same key.
        order.dropUntil = Date.now() + 1500;
        req.socket.destroy();
        return true;
      }
      send(res, 202, { orderId: order.orderId, number: order.number, status: 'accepted' });
      return true;
    }

    const r = /^\/orders\/([^/]+)\/result$/.exec(rest);
    if (req.method === 'GET' && r) {
      const order = orders.get(r[1]);
      if (!order || order.posId !== posId || url.searchParams.get('t') !== order.resultToken) { problem(res, 404, 'order_not_found', 'No such order.'); return true; }
      // Like the real API: the order's locale always, the payment URL while the order can be paid (else null).
      const view = await longPoll(req, url, order, () => ({
        orderId: order.orderId, number: order.number, status: order.status, amount: order.amount / 100, currency: 'RUB',
        ...(order.paidAt ? { paidAt: order.paidAt } : {}),
        locale: order.locale, paymentUrl: order.status === 'awaiting_payment' ? order.paymentUrl : null,
        shop: { displayName: shop.displayName[shop.locale], brandColor: shop.brandColor, logoUrl: `/mock-img/logo-${posId}.svg` },
      }));
      if (!res.writableEnded) send(res, 200, view);
      return true;
    }

    const o = /^\/orders\/([^/]+)$/.exec(rest);
    if (req.method === 'GET' && o) {
      if (!auth(req, res, posId)) return true;
      const order = orders.get(o[1]);
      if (!order || order.posId !== posId) { problem(res, 404, 'order_not_found', 'No such order.'); return true; }
      const view = await longPoll(req, url, order, () => {
        const { _shop, ...v } = orderView(order);
        return v;
      });
      if (!res.writableEnded) send(res, 200, view);
      return true;
    }
    problem(res, 404, 'not_found', 'No such endpoint.');
    return true;
  }

  async function control(req, res, url) {
    const path = url.pathname;
    if (path === '/__mock/expire-tokens') { tokens.clear(); send(res, 200, { ok: true }); return true; }
    if (path === '/__mock/step') {
      // ?product=p-potato&step=0.5 → orders must use that step from now on; no step → back to the unit's.
      const id = url.searchParams.get('product') || '';
      const step = Number(url.searchParams.get('step'));
      if (step > 0) stepOverrides.set(id, step);
      else stepOverrides.delete(id);
      send(res, 200, { ok: true, overrides: Object.fromEntries(stepOverrides) });
      return true;
    }
    if (path === '/__mock/orders') {
      send(res, 200, { posts: state.posts, orders: [...orders.values()].map((o) => ({ orderId: o.orderId, number: o.number, status: o.status, buyer: o.buyer, minappType: o.minappType, orderContainerId: o.orderContainerId, resultToken: o.resultToken, locale: o.locale, paymentUrl: o.paymentUrl })) });
      return true;
    }
    const m = /^\/__mock\/orders\/([^/]+)\/status$/.exec(path);
    if (m) {
      const order = orders.get(m[1]);
      if (!order) { send(res, 404, { error: 'no order' }); return true; }
      setStatus(order, url.searchParams.get('set') || 'paid');
      send(res, 200, { ok: true, status: order.status });
      return true;
    }
    return false;
  }

  return { handle, state, setStatus, orders };
}

/** Placeholder product pictures and shop logos (SVG), so the page has real images to lazy-load. */
export function mockImage(name) {
  const palette = ['#f4c7a1', '#f29e8e', '#cfe3c1', '#f7e3a1', '#c9d7f2', '#e2cdf0', '#bfe6e0'];
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const bg = palette[h % palette.length];
  const letter = name.startsWith('logo') ? '◆' : name.replace(/^p-/, '').slice(0, 1).toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="176" height="176" viewBox="0 0 176 176"><rect width="176" height="176" fill="${bg}"/><circle cx="120" cy="56" r="30" fill="rgba(255,255,255,.45)"/><text x="88" y="110" font-family="Arial" font-size="64" text-anchor="middle" fill="rgba(0,0,0,.35)">${letter}</text></svg>`;
}
