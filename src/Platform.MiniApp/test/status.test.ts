import { describe, expect, it } from 'vitest';
import { isFinalStatus, viewForOrderStatus, viewForPaymentResult } from '../src/result/status';
import { parseRoute } from '../src/routing';

describe('order status → result screen', () => {
  it('a loader while accepted / awaiting payment', () => {
    expect(viewForOrderStatus('accepted')).toBe('pending');
    expect(viewForOrderStatus('awaiting_payment', 'success')).toBe('pending');
  });
  it('failUrl with an unpaid order is a failed attempt', () => {
    expect(viewForOrderStatus('awaiting_payment', 'fail')).toBe('failed');
  });
  it('final statuses win over the outcome in the URL', () => {
    expect(viewForOrderStatus('paid', 'fail')).toBe('paid');
    expect(viewForOrderStatus('expired', 'success')).toBe('expired');
    expect(viewForOrderStatus('canceled')).toBe('canceled');
    expect(viewForOrderStatus('hold')).toBe('hold');
    expect(viewForOrderStatus('rejected')).toBe('rejected');
    expect(viewForOrderStatus('something_new')).toBe('unknown');
  });
  it('final statuses end polling', () => {
    expect(['paid', 'hold', 'expired', 'canceled', 'rejected'].every(isFinalStatus)).toBe(true);
    expect(isFinalStatus('awaiting_payment')).toBe(false);
  });
});

describe('paymentResult from the host', () => {
  it('maps the alpha.27+/v5 values and the older "paid"', () => {
    expect(viewForPaymentResult('completed')).toBe('paid');
    expect(viewForPaymentResult('paid')).toBe('paid');
    expect(viewForPaymentResult('pending')).toBe('pending');
    expect(viewForPaymentResult('hold')).toBe('hold');
    expect(viewForPaymentResult('canceled')).toBe('canceled');
    expect(viewForPaymentResult('expired')).toBe('expired');
    expect(viewForPaymentResult('unknown')).toBe('unknown');
  });
  it('ignores anything else', () => {
    for (const v of ['refunded', null, 42, { status: 'completed' }]) expect(viewForPaymentResult(v)).toBeNull();
  });
});

describe('routes', () => {
  it('reads posId from /m/{posId}/', () => {
    expect(parseRoute('/m/1001/', '?id=abc')).toEqual({ kind: 'shop', posId: 1001 });
    expect(parseRoute('/m/1001', '')).toEqual({ kind: 'shop', posId: 1001 });
  });
  it('reads the result route with token and outcome', () => {
    expect(parseRoute('/m/7/result/0b1c-2d', '?t=tok&outcome=fail')).toEqual({
      kind: 'result', posId: 7, orderId: '0b1c-2d', resultToken: 'tok', outcome: 'fail', lang: undefined,
    });
    expect(parseRoute('/m/7/result/x/', '?t=tok&outcome=bogus&lang=en')).toMatchObject({ outcome: undefined, lang: 'en' });
  });
  it('anything else is unknown', () => {
    expect(parseRoute('/m/abc/', '')).toEqual({ kind: 'unknown' });
    expect(parseRoute('/admin', '')).toEqual({ kind: 'unknown' });
  });
});
