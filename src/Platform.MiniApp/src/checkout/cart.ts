import type { Product } from '../api/contract';
import { priceToKopecks } from '../catalog/money';
import { gridOf } from '../catalog/quantity';

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

/** Lines in cart order, skipping products that are no longer in the catalog; sums are sums of lines. */
export function cartTotals(quantities: CartQuantities, products: readonly Product[]): CartTotals {
  const byId = new Map(products.map((p) => [p.id, p]));
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

/** Drops lines whose product vanished from a refreshed catalog. */
export function pruneCart(quantities: CartQuantities, products: readonly Product[]): CartQuantities {
  const ids = new Set(products.map((p) => p.id));
  return new Map([...quantities].filter(([id, q]) => ids.has(id) && q > 0));
}
