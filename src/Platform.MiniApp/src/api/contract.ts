// The buyer API under /m/{posId}/api, exactly as agreed with the back end.
import type { Locale } from '../i18n';
import type { UnitRule } from '../catalog/quantity';

export type MinappType = 'order' | 'suborder';

export interface SessionRequest {
  minappType: MinappType;
  orderContainerId?: string;
  locale?: Locale;
}

export interface ShopLink {
  title: string;
  url: string;
}

export interface Shop {
  posId: number;
  name: string;
  displayName: string;
  brandColor: string;
  logoUrl: string | null;
  currency: 'RUB';
  links: ShopLink[];
}

export interface Category {
  id: string;
  name: string;
}

export interface Unit extends UnitRule {
  name: string;
  code: string;
}

export interface Product {
  id: string;
  categoryId: string | null;
  sku: string;
  name: string;
  description: string;
  price: number;
  priceKopecks: number;
  vatCode: string;
  vatRate: number;
  vatLabel: string;
  unit: Unit;
  imageUrl: string | null;
}

export interface Session {
  token: string;
  expiresAt: string;
  locale: Locale;
  shop: Shop;
  catalog: { categories: Category[]; products: Product[] };
}

export interface Buyer {
  name: string;
  email: string;
  phone: string;
}

export interface OrderItem {
  productId: string;
  quantity: number;
}

export interface CreateOrderRequest {
  items: OrderItem[];
  buyer: Buyer;
}

export interface OrderAccepted {
  orderId: string;
  number: number;
  status: 'accepted';
}

export type OrderStatusName =
  | 'accepted'
  | 'awaiting_payment'
  | 'paid'
  | 'hold'
  | 'expired'
  | 'canceled'
  | 'rejected';

export interface OrderLine {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  total: number;
  vat: number;
  unitName: string;
}

export interface OrderState {
  orderId: string;
  number: number;
  status: OrderStatusName;
  paymentUrl?: string;
  amount: number;
  vatAmount: number;
  currency: 'RUB';
  lines: OrderLine[];
  failureReason?: string;
}

export interface OrderResult {
  orderId: string;
  number: number;
  status: OrderStatusName;
  amount: number;
  currency: 'RUB';
  paidAt?: string;
  shop: { displayName: string; brandColor: string; logoUrl: string | null };
  /** The order's locale: the page speaks it unless the URL's `&lang=` (or the host) already said. */
  locale?: string;
  /** While the order can still be paid (awaiting_payment), else null: «Оплатить ещё раз» after a failure. */
  paymentUrl?: string | null;
  /** Roubles the shop has returned of this order (refunds created at Invoicebox); 0 when none. */
  refunded?: number;
}

/** RFC 9457 problem details. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
}
