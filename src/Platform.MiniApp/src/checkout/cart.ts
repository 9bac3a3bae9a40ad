import type { OrderItem, Product } from '../api/contract';
import { priceToKopecks } from '../catalog/money';
import { gridOf, wireQuantity } from '../catalog/quantity';

/** The cart: product id → quantity, in the order the buyer added things. Display-only money. */
export type CartQuantities = Map<string, number>;

export interface CartLine {
  product: Product;
  quantity: number;
  unitKopecks: number;
  totalKopecks: number;
  vatKopecks: number;
}

export interface CartTotals {
  lines: CartLine[];
  /** Number of distinct products. */
  count: number;
  totalKopecks: number;
  vatKopecks: number;
  /** True when at least one line carries VAT (otherwise show «Без НДС»). */
  hasVat: boolean;
}

/**
 * Unit price × quantity, rounded to the kopeck. The quantity is turned into integer ticks first
 * (0.3 kg = 3 ticks of 0.1) so the product is exact before the single rounding.
 */
export function lineTotalKopecks(unitKopecks: number, quantity: number, decimals: number): number {
  const scale = 10 ** decimals;
  const ticks = Math.round(quantity * scale);
  return Math.round((unitKopecks * ticks) / scale);
}

/** VAT included in a line total: total × r / (100 + r), rounded to the kopeck. */
export function includedVatKopecks(totalKopecks: number, ratePercent: number): number {
  if (!(ratePercent > 0)) return 0;
  return Math.round((totalKopecks * ratePercent) / (100 + ratePercent));
}

/** The catalog, as an array or already indexed by id (a big catalog is indexed once per session). */
export type ProductLookup = readonly Product[] | ReadonlyMap<string, Product>;

function indexOf(products: ProductLookup): ReadonlyMap<string, Product> {
  return Array.isArray(products) ? new Map(products.map((p) => [p.id, p])) : (products as ReadonlyMap<string, Product>);
}

/** Lines in cart order, skipping products that are no longer in the catalog; sums are sums of lines. */
export function cartTotals(quantities: CartQuantities, products: ProductLookup): CartTotals {
  const byId = indexOf(products);
  const lines: CartLine[] = [];
  for (const [id, quantity] of quantities) {
    const product = byId.get(id);
    if (!product || !(quantity > 0)) continue;
    const unitKopecks = priceToKopecks(product.priceKopecks, product.price);
    const totalKopecks = lineTotalKopecks(unitKopecks, quantity, gridOf(product.unit).decimals);
    lines.push({ product, quantity, unitKopecks, totalKopecks, vatKopecks: includedVatKopecks(totalKopecks, product.vatRate) });
  }
  return {
    lines,
    count: lines.length,
    totalKopecks: lines.reduce((s, l) => s + l.totalKopecks, 0),
    vatKopecks: lines.reduce((s, l) => s + l.vatKopecks, 0),
    hasVat: lines.some((l) => l.product.vatRate > 0),
  };
}

/**
 * Drops lines whose product vanished from a refreshed catalog and puts the rest back on their unit's
 * grid (the step may have changed with the catalog), so what the cart shows is what will be sent.
 */
export function pruneCart(quantities: CartQuantities, products: ProductLookup): CartQuantities {
  const byId = indexOf(products);
  const kept = new Map<string, number>();
  for (const [id, q] of quantities) {
    const p = byId.get(id);
    if (p && q > 0) kept.set(id, wireQuantity(q, p.unit));
  }
  return kept;
}

/**
 * The `items` of the order request, in cart order. Every quantity is snapped onto its unit's grid once
 * more, so the server's step check (a positive multiple of `unit.step`, at most `unit.max`) cannot fail
 * on our side, and goes out with at most 3 decimals ("0.3", never "0.30000000000000004").
 */
export function orderItems(quantities: CartQuantities, products: ProductLookup): OrderItem[] {
  const byId = indexOf(products);
  const items: OrderItem[] = [];
  for (const [productId, q] of quantities) {
    const p = byId.get(productId);
    if (!p || !(q > 0)) continue;
    items.push({ productId, quantity: wireQuantity(q, p.unit) });
  }
  return items;
}
