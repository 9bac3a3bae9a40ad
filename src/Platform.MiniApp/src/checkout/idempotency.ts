import type { Buyer, OrderItem } from '../api/contract';
import { cleanContacts } from './contacts';

type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const defaultRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/** RFC 4122 version 4. crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function uuidV4(random: RandomBytes = defaultRandom): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What makes two checkout attempts "the same order": the items and the contacts, nothing else. */
export function checkoutFingerprint(items: readonly OrderItem[], buyer: Buyer): string {
  const c = cleanContacts(buyer);
  return JSON.stringify([items.map((i) => [i.productId, i.quantity]), c.name, c.email.toLowerCase(), c.phone]);
}

/**
 * One Idempotency-Key per distinct cart + contacts, kept for the page's life: a retry after a network
 * error (or after going back and forth to the same cart) sends the same key, so the server returns the
 * order it may already have created instead of making a second one. A changed cart or contacts get a
 * new key. `completed()` forgets the keys once an order went through, so a deliberate second order
 * ("add more") is a new order.
 */
export class IdempotencyKeys {
  private readonly keys = new Map<string, string>();

  constructor(private readonly generate: () => string = () => uuidV4()) {}

  keyFor(fingerprint: string): string {
    let key = this.keys.get(fingerprint);
    if (!key) {
      key = this.generate();
      this.keys.set(fingerprint, key);
    }
    return key;
  }

  completed(): void {
    this.keys.clear();
  }
}
