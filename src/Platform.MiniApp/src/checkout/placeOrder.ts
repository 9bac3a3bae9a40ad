import type { LongPoll } from '../api/client';
import type { OrderState } from '../api/contract';
import { ApiError } from '../api/problems';

export interface WaitDeps {
  getOrder(orderId: string, poll: LongPoll): Promise<OrderState>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export type WaitFailure = 'rejected' | 'timeout' | 'closed';

/** The order did not reach "awaiting payment": rejected by the shop, ended, or no answer in time. */
export class OrderWaitError extends Error {
  constructor(
    readonly reason: WaitFailure,
    readonly state: OrderState | null,
  ) {
    super(`order wait: ${reason}`);
    this.name = 'OrderWaitError';
  }
}

export interface WaitOptions {
  /** Give up after this long overall (the buyer gets a retry that resumes waiting for the same order). */
  deadlineMs?: number;
  /** Long-poll window per request. */
  pollMs?: number;
  onStatus?: (state: OrderState) => void;
}

/**
 * Long-polls the order after the 202 until the worker has created the Invoicebox order and stored its
 * payment URL. Transient failures (network, 5xx) are retried within the deadline; other errors surface.
 * An already-paid or held order also resolves (nothing left to pay).
 */
export async function waitForPaymentUrl(deps: WaitDeps, orderId: string, o: WaitOptions = {}): Promise<OrderState> {
  const deadline = deps.now() + (o.deadlineMs ?? 30_000);
  const pollMs = o.pollMs ?? 10_000;
  let known: string | undefined = 'accepted';
  for (;;) {
    const remaining = deadline - deps.now();
    if (remaining <= 0) throw new OrderWaitError('timeout', null);
    const started = deps.now();
    let state: OrderState;
    try {
      state = await deps.getOrder(orderId, { waitMs: Math.min(pollMs, Math.max(0, Math.floor(remaining))), known });
    } catch (e) {
      if (e instanceof ApiError && e.transient) {
        await deps.sleep(Math.min(1_000, Math.max(0, deadline - deps.now())));
        continue;
      }
      throw e;
    }
    o.onStatus?.(state);
    switch (state.status) {
      case 'awaiting_payment':
        if (state.paymentUrl) return state;
        break;
      case 'paid':
      case 'hold':
        return state;
      case 'rejected':
        throw new OrderWaitError('rejected', state);
      case 'expired':
      case 'canceled':
        throw new OrderWaitError('closed', state);
      default:
        break;
    }
    // A server that answers at once with an unchanged status (no long-poll, or no URL yet) must not
    // turn this loop into a busy one.
    if (state.status === known && deps.now() - started < 250) await deps.sleep(500);
    known = state.status;
  }
}
