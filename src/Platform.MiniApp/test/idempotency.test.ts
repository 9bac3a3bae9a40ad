import { describe, expect, it } from 'vitest';
import { checkoutFingerprint, IdempotencyKeys, uuidV4 } from '../src/checkout/idempotency';

const buyer = { name: 'Иван', email: 'ivan@example.ru', phone: '+79001234567' };
const items = [{ productId: 'milk', quantity: 2 }];

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('Idempotency-Key rules', () => {
  it('a retry of the same cart + contacts reuses the key (no second order)', () => {
    const keys = new IdempotencyKeys(counter());
    const fp = checkoutFingerprint(items, buyer);
    expect(keys.keyFor(fp)).toBe('key-1');
    expect(keys.keyFor(checkoutFingerprint([{ productId: 'milk', quantity: 2 }], { ...buyer }))).toBe('key-1');
  });
  it('a changed cart or changed contacts get a new key', () => {
    const keys = new IdempotencyKeys(counter());
    const a = keys.keyFor(checkoutFingerprint(items, buyer));
    const b = keys.keyFor(checkoutFingerprint([{ productId: 'milk', quantity: 3 }], buyer));
    const c = keys.keyFor(checkoutFingerprint(items, { ...buyer, phone: '+79001234568' }));
    expect(new Set([a, b, c]).size).toBe(3);
  });
  it('going back to an earlier cart reuses its key (its order may already exist)', () => {
    const keys = new IdempotencyKeys(counter());
    const a = keys.keyFor(checkoutFingerprint(items, buyer));
    keys.keyFor(checkoutFingerprint([{ productId: 'milk', quantity: 3 }], buyer));
    expect(keys.keyFor(checkoutFingerprint(items, buyer))).toBe(a);
  });
  it('whitespace and e-mail case are not a change', () => {
    expect(checkoutFingerprint(items, { name: ' Иван  ', email: 'IVAN@example.ru ', phone: ' +79001234567' })).toBe(checkoutFingerprint(items, buyer));
  });
  it('after a completed order the same cart is a new order with a new key', () => {
    const keys = new IdempotencyKeys(counter());
    const fp = checkoutFingerprint(items, buyer);
    const first = keys.keyFor(fp);
    keys.completed();
    expect(keys.keyFor(fp)).not.toBe(first);
  });
});

describe('uuidV4', () => {
  it('has the version and variant bits and the canonical shape', () => {
    const zeros = uuidV4((b) => b.fill(0));
    expect(zeros).toBe('00000000-0000-4000-8000-000000000000');
    const ones = uuidV4((b) => b.fill(255));
    expect(ones).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
  it('with the real RNG produces distinct valid ids', () => {
    const a = uuidV4();
    const b = uuidV4();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
