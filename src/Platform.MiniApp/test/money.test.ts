import { describe, expect, it } from 'vitest';
import { formatKopecks, formatQuantity, priceToKopecks } from '../src/catalog/money';

const nb = (s: string) => s.replace(/ /g, '\u00a0');

describe('formatKopecks', () => {
  it('formats roubles in Russian with non-breaking group spaces, a decimal comma and ₽ after', () => {
    expect(formatKopecks(123450, 'ru')).toBe(nb('1 234,50 ₽'));
    expect(formatKopecks(123456789, 'ru')).toBe(nb('1 234 567,89 ₽'));
  });
  it('formats roubles in English with ₽ first, comma groups and a decimal point', () => {
    expect(formatKopecks(123450, 'en')).toBe('₽1,234.50');
    expect(formatKopecks(123456789, 'en')).toBe('₽1,234,567.89');
  });
  it('keeps two decimals for whole, small and zero amounts', () => {
    expect(formatKopecks(0, 'ru')).toBe(nb('0,00 ₽'));
    expect(formatKopecks(5, 'en')).toBe('₽0.05');
    expect(formatKopecks(99900, 'ru')).toBe(nb('999,00 ₽'));
    expect(formatKopecks(100000, 'en')).toBe('₽1,000.00');
  });
  it('rounds fractional kopecks and shows a minus sign for negatives', () => {
    expect(formatKopecks(1999.6, 'en')).toBe('₽20.00');
    expect(formatKopecks(-150, 'ru')).toBe(nb('−1,50 ₽'));
  });
});

describe('priceToKopecks', () => {
  it('prefers priceKopecks and falls back to price × 100 without float artefacts', () => {
    expect(priceToKopecks(5990, 59.9)).toBe(5990);
    expect(priceToKopecks(undefined, 59.9)).toBe(5990);
    expect(priceToKopecks(undefined, 0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(priceToKopecks(undefined, undefined)).toBe(0);
  });
});

describe('formatQuantity', () => {
  it('uses a decimal comma in Russian and drops trailing zeros', () => {
    expect(formatQuantity(1.5, 'ru')).toBe('1,5');
    expect(formatQuantity(1.5, 'en')).toBe('1.5');
    expect(formatQuantity(2, 'ru')).toBe('2');
    expect(formatQuantity(0.1 + 0.2, 'ru')).toBe('0,3');
  });
});
