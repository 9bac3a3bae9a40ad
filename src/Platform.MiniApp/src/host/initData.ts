import type { Buyer, MinappType } from '../api/contract';
import { normalizeLocale, type Locale } from '../i18n';
import { MAX_LENGTH } from '../checkout/contacts';

/**
 * What the host told us in `init` (or `updateData`), cleaned. All of it is unverified input that
 * any framing page could have posted: it only prefills the form and picks the mode and language.
 */
export interface HostInit {
  minappType: MinappType;
  orderContainerId?: string;
  shopId?: number;
  contacts: Buyer;
  locale?: Locale;
  fullHeight: boolean;
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // Control characters have no business in a name or a phone number.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, max);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Accepts the `public` part (what getInitialData resolves with) or the whole `{public, private}`
 * message data (what our own listener sees for `updateData`). Returns null for anything that is not
 * an object, as the SDK itself ignores such input.
 */
export function normalizeInit(raw: unknown): HostInit | null {
  if (!isObject(raw)) return null;
  const p = isObject(raw.public) ? raw.public : raw;
  const minappType: MinappType = p.minappType === 'suborder' ? 'suborder' : 'order';
  const container = text(p.orderContainerId, 64);
  const shopId = typeof p.shopId === 'number' && Number.isInteger(p.shopId) && p.shopId > 0 ? p.shopId : undefined;
  return {
    minappType,
    orderContainerId: minappType === 'suborder' && /^[A-Za-z0-9-]{1,64}$/.test(container) ? container : undefined,
    shopId,
    contacts: {
      name: text(p.userName, MAX_LENGTH.name),
      email: text(p.userEmail, MAX_LENGTH.email),
      phone: text(p.userPhone, MAX_LENGTH.phone),
    },
    locale: normalizeLocale(p.locale),
    fullHeight: p.fullHeight === true,
  };
}

/** Used when no init arrives in time (page opened top-level for a preview). */
export const STANDALONE_INIT: HostInit = {
  minappType: 'order',
  contacts: { name: '', email: '', phone: '' },
  fullHeight: false,
};

/**
 * Prefill merge for `updateData`: a field the buyer has already edited keeps the buyer's value,
 * the others take the host's new value.
 */
export function mergePrefill(current: Buyer, edited: ReadonlySet<keyof Buyer>, incoming: Buyer): Buyer {
  const next = { ...current };
  for (const f of ['name', 'email', 'phone'] as const) {
    if (!edited.has(f) && incoming[f]) next[f] = incoming[f];
  }
  return next;
}
