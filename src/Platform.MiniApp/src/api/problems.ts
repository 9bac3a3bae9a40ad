import type { Problem } from './contract';
import type { MessageKey, Translate } from '../i18n';
import type { ContactField } from '../checkout/contacts';

export type ApiErrorKind = 'problem' | 'http' | 'network' | 'timeout';

/** Every failure of a call to our API ends up as one of these. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly problem: Problem | null = null,
  ) {
    super(problem?.code ?? problem?.title ?? `${kind} ${status}`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Worth retrying as is (same idempotency key): the request may not have reached the server or failed there. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.status >= 500 || this.status === 429;
  }
}

/** Stable problem `code` → our own localized sentence. Unknown codes fall back to the server's `detail`. */
const CODE_MESSAGES: Record<string, MessageKey> = {
  pos_not_found: 'error.posNotFound',
  shop_unavailable: 'error.shopUnavailable',
  session_expired: 'error.sessionExpired',
  invalid_token: 'error.sessionExpired',
  validation_failed: 'error.validation',
  product_unavailable: 'error.productUnavailable',
  product_not_found: 'error.productUnavailable',
  quantity_step: 'error.quantityStep',
  cart_empty: 'error.cartEmpty',
  rate_limited: 'error.rateLimited',
  too_many_requests: 'error.rateLimited',
  idempotency_conflict: 'error.idempotencyConflict',
  order_not_found: 'error.orderNotFound',
  result_token_invalid: 'error.resultLinkInvalid',
};

export function messageKeyForCode(code: string | undefined): MessageKey | undefined {
  return code ? CODE_MESSAGES[code] : undefined;
}

/** A sentence for the buyer, in their language; never a stack trace or a raw status line. */
export function humanMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.kind === 'network') return t('error.network');
  if (error.kind === 'timeout') return t('error.timeout');
  const key = messageKeyForCode(error.code);
  if (key) return t(key);
  const detail = error.problem?.detail?.trim();
  if (detail) return detail.length > 300 ? detail.slice(0, 300) + '…' : detail;
  if (error.status === 429) return t('error.rateLimited');
  if (error.status === 401) return t('error.sessionExpired');
  if (error.status >= 500) return t('error.server');
  return t('error.generic');
}

/**
 * `buyer.phone`, `Buyer.Phone`, `$.buyer.phone`, `items[0].quantity`, `Items[0].Quantity` → the
 * canonical camel-case path. ASP.NET's validation and System.Text.Json spell paths differently.
 */
export function normalizeFieldPath(path: string): string {
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .map((seg) => (seg ? seg[0].toLowerCase() + seg.slice(1) : seg))
    .join('.');
}

export interface FieldErrors {
  contacts: Partial<Record<ContactField, string>>;
  /** Index into the items array that was sent → message. */
  items: Map<number, string>;
  /** Messages that belong to no field we show. */
  other: string[];
}

/** Splits a 422 problem's `errors` into messages for the contact fields, the cart lines and the rest. */
export function fieldErrors(problem: Problem | null): FieldErrors {
  const result: FieldErrors = { contacts: {}, items: new Map(), other: [] };
  const errors = problem?.errors;
  if (!errors || typeof errors !== 'object') return result;
  for (const [rawPath, rawMessages] of Object.entries(errors)) {
    const list = Array.isArray(rawMessages) ? rawMessages.filter((m): m is string => typeof m === 'string') : [];
    const message = list.join(' ');
    if (!message) continue;
    const path = normalizeFieldPath(rawPath);
    const contact = /^buyer\.(name|email|phone)$/.exec(path);
    const item = /^items\[(\d+)\]/.exec(path);
    if (contact) {
      const f = contact[1] as ContactField;
      result.contacts[f] = result.contacts[f] ? `${result.contacts[f]} ${message}` : message;
    } else if (item) {
      const i = Number(item[1]);
      result.items.set(i, result.items.has(i) ? `${result.items.get(i)} ${message}` : message);
    } else {
      result.other.push(message);
    }
  }
  return result;
}
