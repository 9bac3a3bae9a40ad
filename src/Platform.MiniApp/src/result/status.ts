import type { OrderStatusName } from '../api/contract';

/** What the buyer is shown about a payment. */
export type PaymentView = 'pending' | 'paid' | 'hold' | 'failed' | 'expired' | 'canceled' | 'rejected' | 'unknown';

export type Outcome = 'success' | 'fail' | undefined;

/**
 * Our order status (+ which of our URLs Invoicebox sent the buyer to) → the screen.
 * A buyer sent to failUrl while the order still awaits payment failed this attempt; the page keeps
 * polling in case the status moves on (a retry on the payment page, or expiry).
 */
export function viewForOrderStatus(status: OrderStatusName | string, outcome: Outcome = undefined): PaymentView {
  switch (status) {
    case 'paid':
      return 'paid';
    case 'hold':
      return 'hold';
    case 'expired':
      return 'expired';
    case 'canceled':
      return 'canceled';
    case 'rejected':
      return 'rejected';
    case 'accepted':
    case 'awaiting_payment':
      return outcome === 'fail' ? 'failed' : 'pending';
    default:
      return 'unknown';
  }
}

/**
 * The host's `paymentResult` (SDK alpha.22+ / protocol v2) → the screen; null for values we do not
 * know, which are ignored. `paid` is the alpha.22–26 spelling of `completed`.
 */
export function viewForPaymentResult(data: unknown): PaymentView | null {
  switch (data) {
    case 'completed':
    case 'paid':
      return 'paid';
    case 'hold':
      return 'hold';
    case 'canceled':
      return 'canceled';
    case 'expired':
      return 'expired';
    case 'pending':
      return 'pending';
    case 'unknown':
      return 'unknown';
    default:
      return null;
  }
}

/** Statuses after which nothing more will happen to the order. */
export function isFinalStatus(status: string): boolean {
  return status === 'paid' || status === 'hold' || status === 'expired' || status === 'canceled' || status === 'rejected';
}
