import { describe, expect, it } from 'vitest';
import { ApiClient, SessionKeeper } from '../src/api/client';
import { ApiError } from '../src/api/problems';

type Call = { url: string; init: RequestInit };

function fakeFetch(responses: (Response | Error)[]) {
  const calls: Call[] = [];
  const fn = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const r = responses.shift();
    if (!r) throw new Error('no more responses');
    if (r instanceof Error) throw r;
    return r;
  };
  return { fn, calls };
}
const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const session = (token: string) => json(200, { token, expiresAt: '', locale: 'ru', shop: {}, catalog: { categories: [], products: [] } });
const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];

describe('ApiClient', () => {
  it('sends the contract headers, no cookies, and the idempotency key', async () => {
    const f = fakeFetch([json(202, { orderId: 'o1', number: 5, status: 'accepted' })]);
    const api = new ApiClient('/m/1001/api', () => 'en', f.fn);
    const r = await api.createOrder('tok', 'key-1', { items: [{ productId: 'p', quantity: 1.5 }], buyer: { name: 'a', email: 'b', phone: 'c' } });
    expect(r.orderId).toBe('o1');
    const c = f.calls[0];
    expect(c.url).toBe('/m/1001/api/orders');
    expect(c.init.method).toBe('POST');
    expect(c.init.credentials).toBe('omit');
    expect(header(c, 'Authorization')).toBe('Bearer tok');
    expect(header(c, 'Idempotency-Key')).toBe('key-1');
    expect(header(c, 'Accept-Language')).toBe('en');
    expect(JSON.parse(String(c.init.body))).toEqual({ items: [{ productId: 'p', quantity: 1.5 }], buyer: { name: 'a', email: 'b', phone: 'c' } });
  });
  it('builds the long-poll and result queries', async () => {
    const f = fakeFetch([json(200, { status: 'accepted' }), json(200, { status: 'paid' })]);
    const api = new ApiClient('/m/1/api', () => 'ru', f.fn);
    await api.getOrder('tok', 'o/1', { waitMs: 10000, known: 'accepted' });
    await api.getResult('o1', 'a+b', { waitMs: 5000, known: 'awaiting_payment' });
    expect(f.calls[0].url).toBe('/m/1/api/orders/o%2F1?waitMs=10000&known=accepted');
    expect(f.calls[1].url).toBe('/m/1/api/orders/o1/result?t=a%2Bb&waitMs=5000&known=awaiting_payment');
  });
  it('turns problem details into ApiError with the code and field errors', async () => {
    const f = fakeFetch([json(422, { type: 'x', title: 'y', status: 422, code: 'validation_failed', errors: { 'buyer.phone': ['bad'] } }, 'application/problem+json')]);
    const api = new ApiClient('/m/1/api', () => 'ru', f.fn);
    const e = await api.createSession({ minappType: 'order' }).catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('validation_failed');
    expect(e.problem.errors['buyer.phone']).toEqual(['bad']);
  });
  it('a failed fetch is a network error; a non-JSON error page is an http error', async () => {
    const f = fakeFetch([new TypeError('Failed to fetch'), new Response('<html>502</html>', { status: 502 })]);
    const api = new ApiClient('/m/1/api', () => 'ru', f.fn);
    expect((await api.createSession({ minappType: 'order' }).catch((x) => x)).kind).toBe('network');
    const e = await api.createSession({ minappType: 'order' }).catch((x) => x);
    expect([e.kind, e.status]).toEqual(['http', 502]);
  });
});

describe('SessionKeeper', () => {
  it('on 401 opens a new session and retries the call once with the new token', async () => {
    const f = fakeFetch([session('t1'), json(401, { code: 'session_expired' }), session('t2'), json(202, { orderId: 'o1' })]);
    const api = new ApiClient('/m/1/api', () => 'ru', f.fn);
    const keeper = new SessionKeeper(api, { minappType: 'suborder', orderContainerId: 'c1' });
    await keeper.open();
    const r = await keeper.authorized((tok) => api.createOrder(tok, 'k', { items: [], buyer: { name: '', email: '', phone: '' } }));
    expect(r.orderId).toBe('o1');
    expect(header(f.calls[1], 'Authorization')).toBe('Bearer t1');
    expect(JSON.parse(String(f.calls[2].init.body))).toEqual({ minappType: 'suborder', orderContainerId: 'c1' });
    expect(header(f.calls[3], 'Authorization')).toBe('Bearer t2');
    expect(header(f.calls[3], 'Idempotency-Key')).toBe('k');
  });
  it('does not loop: a second 401 surfaces', async () => {
    const f = fakeFetch([session('t1'), json(401, {}), session('t2'), json(401, {})]);
    const api = new ApiClient('/m/1/api', () => 'ru', f.fn);
    const keeper = new SessionKeeper(api, { minappType: 'order' });
    await keeper.open();
    const e = await keeper.authorized((tok) => api.getOrder(tok, 'o')).catch((x) => x);
    expect(e.status).toBe(401);
    expect(f.calls.length).toBe(4);
  });
});
