import { describe, expect, it } from 'vitest';
import type { OrderState } from '../src/api/contract';
import { ApiError } from '../src/api/problems';
import { OrderWaitError, waitForPaymentUrl } from '../src/checkout/placeOrder';
import { followStatus } from '../src/result/follow';

/** A fake clock: sleep and the fake server's long-poll advance time instead of waiting. */
function clock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => { now += ms; }, advance: (ms: number) => { now += ms; } };
}

const state = (status: OrderState['status'], extra: Partial<OrderState> = {}): OrderState => ({
  orderId: 'o1', number: 1, status, amount: 10, vatAmount: 0, currency: 'RUB', lines: [], ...extra,
});

describe('waiting for the payment URL after the 202', () => {
  it('long-polls with the known status until awaiting_payment carries a URL', async () => {
    const c = clock();
    const calls: { waitMs: number; known?: string }[] = [];
    const answers = [state('accepted'), state('awaiting_payment'), state('awaiting_payment', { paymentUrl: 'https://pay/1' })];
    const s = await waitForPaymentUrl({
      now: c.now, sleep: c.sleep,
      getOrder: async (_id, poll) => { calls.push(poll); c.advance(300); return answers.shift()!; },
    }, 'o1');
    expect(s.paymentUrl).toBe('https://pay/1');
    expect(calls[0]).toEqual({ waitMs: 10_000, known: 'accepted' });
    expect(calls[2].known).toBe('awaiting_payment');
  });
  it('gives up after ~30 s with a timeout the buyer can retry', async () => {
    const c = clock();
    let calls = 0;
    const err = await waitForPaymentUrl({
      now: c.now, sleep: c.sleep,
      getOrder: async (_id, poll) => { calls++; c.advance(poll.waitMs); return state('accepted'); },
    }, 'o1').catch((e) => e);
    expect(err).toBeInstanceOf(OrderWaitError);
    expect(err.reason).toBe('timeout');
    expect(calls).toBe(3);
    expect(c.now()).toBe(30_000);
  });
  it('rejected carries the failure reason', async () => {
    const c = clock();
    const err = await waitForPaymentUrl({ now: c.now, sleep: c.sleep, getOrder: async () => state('rejected', { failureReason: 'bad credentials' }) }, 'o1').catch((e) => e);
    expect(err.reason).toBe('rejected');
    expect(err.state.failureReason).toBe('bad credentials');
  });
  it('retries transient errors within the deadline, surfaces the others', async () => {
    const c = clock();
    const seq: (OrderState | ApiError)[] = [new ApiError('network', 0), new ApiError('http', 503), state('awaiting_payment', { paymentUrl: 'u' })];
    const s = await waitForPaymentUrl({ now: c.now, sleep: c.sleep, getOrder: async () => { const x = seq.shift()!; if (x instanceof ApiError) throw x; return x; } }, 'o1');
    expect(s.paymentUrl).toBe('u');
    const err = await waitForPaymentUrl({ now: c.now, sleep: c.sleep, getOrder: async () => { throw new ApiError('problem', 404, { code: 'order_not_found' }); } }, 'o1').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
  });
  it('does not spin when the server answers at once without change', async () => {
    const c = clock();
    let calls = 0;
    await waitForPaymentUrl({ now: c.now, sleep: c.sleep, getOrder: async () => { calls++; return state('accepted'); } }, 'o1').catch(() => undefined);
    expect(calls).toBeLessThan(70); // one call per 500 ms pause at most, not millions
  });
});

describe('following the result status', () => {
  it('stops on a final status and reports each update', async () => {
    const c = clock();
    const seen: string[] = [];
    const seq = ['awaiting_payment', 'awaiting_payment', 'paid'];
    const r = await followStatus({ now: c.now, sleep: c.sleep, fetch: async (_k, w) => { c.advance(w || 50); return { status: seq.shift()! }; } }, {
      stopped: () => false, onUpdate: (s) => seen.push(s.status),
    });
    expect(r.final?.status).toBe('paid');
    expect(seen).toEqual(['awaiting_payment', 'awaiting_payment', 'paid']);
  });
  it('first request answers at once, then long-polls with the known status', async () => {
    const c = clock();
    const asks: [string | undefined, number][] = [];
    const seq = ['awaiting_payment', 'paid'];
    await followStatus({ now: c.now, sleep: c.sleep, fetch: async (k, w) => { asks.push([k, w]); c.advance(10); return { status: seq.shift()! }; } }, { stopped: () => false, onUpdate: () => {} });
    expect(asks).toEqual([[undefined, 0], ['awaiting_payment', 10_000]]);
  });
  it('after a minute of pending says so once and slows down', async () => {
    const c = clock();
    let slow = 0;
    let calls = 0;
    await followStatus({ now: c.now, sleep: c.sleep, fetch: async (_k, w) => { calls++; c.advance(w || 10); return { status: calls > 12 ? 'paid' : 'awaiting_payment' }; } }, {
      stopped: () => false, onUpdate: () => {}, onSlow: () => slow++,
    });
    expect(slow).toBe(1);
    expect(c.now()).toBeGreaterThan(60_000 + 10_000); // the slow gap was applied
  });
  it('a non-transient error ends following and is returned', async () => {
    const c = clock();
    const r = await followStatus({ now: c.now, sleep: c.sleep, fetch: async () => { throw new ApiError('problem', 404, { code: 'order_not_found' }); } }, { stopped: () => false, onUpdate: () => {} });
    expect(r.error).toBeInstanceOf(ApiError);
  });
  it('reports trouble after repeated network failures but keeps trying', async () => {
    const c = clock();
    let n = 0;
    let trouble = 0;
    const r = await followStatus({ now: c.now, sleep: c.sleep, fetch: async () => { if (++n < 5) throw new ApiError('network', 0); return { status: 'paid' }; } }, {
      stopped: () => false, onUpdate: () => {}, onTrouble: () => trouble++,
    });
    expect(r.final?.status).toBe('paid');
    expect(trouble).toBe(2);
  });
});
