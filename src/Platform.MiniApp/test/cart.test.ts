import { describe, expect, it } from 'vitest';
import type { Product } from '../src/api/contract';
import { cartTotals, includedVatKopecks, lineTotalKopecks, orderItems, pruneCart } from '../src/checkout/cart';

function product(id: string, priceKopecks: number, vatRate: number, fractional = false, step = 1): Product {
  return {
    id, categoryId: null, sku: id, name: id, description: '', price: priceKopecks / 100, priceKopecks,
    vatCode: 'X', vatRate, vatLabel: '', imageUrl: null,
    unit: { name: fractional ? 'кг' : 'шт', code: '', fractional, step, min: step, max: 100 },
  };
}

describe('line totals in integer kopecks', () => {
  it('multiplies exactly before rounding once', () => {
    expect(lineTotalKopecks(5990, 1.3, 1)).toBe(7787);
    expect(lineTotalKopecks(123450, 0.3, 1)).toBe(37035);
    expect(lineTotalKopecks(33333, 0.1 + 0.2, 1)).toBe(10000); // 9999.9 → 10000
    expect(lineTotalKopecks(9950, 2, 0)).toBe(19900);
  });
  it('included VAT per line: total × r / (100 + r)', () => {
    expect(includedVatKopecks(12000, 20)).toBe(2000);
    expect(includedVatKopecks(19900, 10)).toBe(1809);
    expect(includedVatKopecks(19900, 0)).toBe(0);
  });
});

describe('cartTotals', () => {
  const products = [product('potato', 5990, 10, true, 0.1), product('milk', 9950, 10), product('delivery', 30000, 20), product('book', 50000, 0)];

  it('sums lines (never computes the total separately) and keeps cart order', () => {
    const cart = new Map([['milk', 2], ['potato', 1.3]]);
    const t = cartTotals(cart, products);
    expect(t.lines.map((l) => l.product.id)).toEqual(['milk', 'potato']);
    expect(t.lines.map((l) => l.totalKopecks)).toEqual([19900, 7787]);
    expect(t.totalKopecks).toBe(27687);
    expect(t.vatKopecks).toBe(1809 + 708);
    expect(t.count).toBe(2);
    expect(t.hasVat).toBe(true);
  });
  it('knows when nothing carries VAT', () => {
    const t = cartTotals(new Map([['book', 1]]), products);
    expect(t).toMatchObject({ totalKopecks: 50000, vatKopecks: 0, hasVat: false });
  });
  it('skips products that left the catalog and zero quantities', () => {
    const t = cartTotals(new Map([['gone', 3], ['milk', 0], ['delivery', 1]]), products);
    expect(t.lines.map((l) => l.product.id)).toEqual(['delivery']);
    expect(pruneCart(new Map([['gone', 3], ['milk', 1]]), products)).toEqual(new Map([['milk', 1]]));
  });
  it('sum of many fractional lines stays an integer', () => {
    const cart = new Map<string, number>();
    let q = 0;
    for (let i = 0; i < 10; i++) q += 0.1;
    cart.set('potato', q);
    const t = cartTotals(cart, products);
    expect(Number.isInteger(t.totalKopecks)).toBe(true);
    expect(t.totalKopecks).toBe(5990);
  });
});

describe('order items on the wire', () => {
  const products = [product('potato', 5990, 10, true, 0.1), product('milk', 9950, 10), product('consult', 150000, 20, true, 0.5)];

  it('sends every quantity as a clean multiple of its step, in cart order', () => {
    let potato = 0;
    for (let i = 0; i < 3; i++) potato += 0.1; // 0.30000000000000004
    const cart = new Map([['consult', 1.5], ['potato', potato], ['milk', 2]]);
    const items = orderItems(cart, products);
    expect(items).toEqual([{ productId: 'consult', quantity: 1.5 }, { productId: 'potato', quantity: 0.3 }, { productId: 'milk', quantity: 2 }]);
    expect(JSON.stringify(items)).toBe('[{"productId":"consult","quantity":1.5},{"productId":"potato","quantity":0.3},{"productId":"milk","quantity":2}]');
  });
  it('snaps a quantity that is off the grid (the unit changed) rather than sending it', () => {
    expect(orderItems(new Map([['consult', 1.25], ['milk', 2.4]]), products)).toEqual([{ productId: 'consult', quantity: 1.5 }, { productId: 'milk', quantity: 2 }]);
  });
  it('a refreshed catalog puts the cart back on the new grid', () => {
    const coarser = [{ ...products[0], unit: { ...products[0].unit, step: 0.5, min: 0.5 } }];
    expect(pruneCart(new Map([['potato', 1.3]]), coarser)).toEqual(new Map([['potato', 1.5]]));
  });
  it('accepts a catalog indexed by id', () => {
    const byId = new Map(products.map((p) => [p.id, p]));
    expect(cartTotals(new Map([['milk', 2]]), byId).totalKopecks).toBe(19900);
    expect(orderItems(new Map([['gone', 1], ['milk', 1]]), byId)).toEqual([{ productId: 'milk', quantity: 1 }]);
  });
});
