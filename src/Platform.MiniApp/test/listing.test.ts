import { describe, expect, it } from 'vitest';
import type { Product } from '../src/api/contract';
import { CatalogIndex, searchText } from '../src/catalog/listing';
import { formatCount } from '../src/catalog/money';

function product(id: string, name: string, categoryId: string | null, sku = id.toUpperCase()): Product {
  return {
    id, categoryId, sku, name, description: 'не ищется по описанию', price: 1, priceKopecks: 100, vatCode: 'X', vatRate: 0, vatLabel: '',
    imageUrl: null, unit: { name: 'шт', code: '796', fractional: false, step: 1, min: 1, max: 10 },
  };
}

const products = [
  product('p1', 'Мёд гречишный', 'sweets', 'SW-001'),
  product('p2', 'Молоко 3,2 %, 1 л', 'dairy', 'DAI-001'),
  product('p3', 'Сок яблочный «Заречье»', 'drinks', 'DR-7'),
  product('p4', 'Медовик', 'sweets', 'SW-002'),
  product('p5', 'Без категории', null, 'X-1'),
];

describe('searchText', () => {
  it('folds case, ё and punctuation', () => {
    expect(searchText('  Мёд «Гречишный»,  1 КГ ')).toBe('мед гречишный 1 кг');
    expect(searchText('DAI-001')).toBe('dai 001');
  });
});

describe('CatalogIndex', () => {
  const index = new CatalogIndex(products);

  it('knows which categories have products', () => {
    expect([...index.usedCategories]).toEqual(['sweets', 'dairy', 'drinks']);
    expect(index.byId.get('p3')?.name).toContain('Сок');
  });
  it('filters by category in catalog order; null is everything', () => {
    expect(index.filter('sweets', '').map((p) => p.id)).toEqual(['p1', 'p4']);
    expect(index.filter(null, '')).toBe(products);
    expect(index.filter('nope', '')).toEqual([]);
  });
  it('searches name and SKU, every word, ignoring case, ё and punctuation, not the description', () => {
    expect(index.filter(null, 'мед').map((p) => p.id)).toEqual(['p1', 'p4']);
    expect(index.filter(null, 'МЁД греч').map((p) => p.id)).toEqual(['p1']);
    expect(index.filter(null, 'dai-001').map((p) => p.id)).toEqual(['p2']);
    expect(index.filter(null, 'sw').map((p) => p.id)).toEqual(['p1', 'p4']);
    expect(index.filter(null, '«заречье»').map((p) => p.id)).toEqual(['p3']);
    expect(index.filter(null, 'описанию')).toEqual([]);
  });
  it('combines search with the category', () => {
    expect(index.filter('dairy', 'мед')).toEqual([]);
    expect(index.filter('sweets', 'медовик').map((p) => p.id)).toEqual(['p4']);
  });
  it('is quick on 5,000 products', () => {
    const many = Array.from({ length: 5000 }, (_, i) => product(`g${i}`, `Товар номер ${i} «Заречье»`, `c${i % 12}`, `GEN-${i}`));
    const big = new CatalogIndex(many);
    const t0 = performance.now();
    expect(big.filter(null, 'номер 4999')).toHaveLength(1);
    expect(big.filter('c3', 'заречье')).toHaveLength(417);
    expect(performance.now() - t0).toBeLessThan(200); // generous: shared CI machines; in a browser it is a few ms
  });
});

describe('formatCount', () => {
  it('groups thousands per locale', () => {
    expect(formatCount(5004, 'ru')).toBe('5\u00a0004');
    expect(formatCount(5004, 'en')).toBe('5,004');
    expect(formatCount(30, 'ru')).toBe('30');
  });
});
