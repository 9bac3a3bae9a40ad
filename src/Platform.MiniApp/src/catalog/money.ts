import type { Locale } from '../i18n';

const NBSP = '\u00a0';

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Integer kopecks → `1 234,50 ₽` (ru, non-breaking spaces) or `₽1,234.50` (en).
 * Done by hand rather than with Intl: old WebViews disagree on the rouble sign and the separators.
 */
export function formatKopecks(kopecks: number, locale: Locale): string {
  const value = Math.round(kopecks);
  const abs = Math.abs(value);
  const roubles = groupDigits(String(Math.floor(abs / 100)), locale === 'ru' ? NBSP : ',');
  const cents = String(abs % 100).padStart(2, '0');
  const sign = value < 0 ? '−' : '';
  return locale === 'ru' ? `${sign}${roubles},${cents}${NBSP}₽` : `${sign}₽${roubles}.${cents}`;
}

/** A count for people: `5 004` (ru, non-breaking space) / `5,004` (en). */
export function formatCount(n: number, locale: Locale): string {
  return groupDigits(String(Math.round(n)), locale === 'ru' ? NBSP : ',');
}

/** The session's `price` is roubles with two decimals; prefer `priceKopecks` when it is present. */
export function priceToKopecks(priceKopecks: unknown, price: unknown): number {
  if (typeof priceKopecks === 'number' && Number.isFinite(priceKopecks)) return Math.round(priceKopecks);
  if (typeof price === 'number' && Number.isFinite(price)) return Math.round(price * 100);
  return 0;
}

/** 1.5 → `1,5` (ru) / `1.5` (en); no trailing zeros, at most 3 decimals. */
export function formatQuantity(quantity: number, locale: Locale): string {
  const text = String(Math.round(quantity * 1000) / 1000);
  return locale === 'ru' ? text.replace('.', ',') : text;
}

/** An ISO timestamp → `12.03.2025, 14:05` (ru) / `12 Mar 2025, 14:05` (en), in the buyer's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
      day: '2-digit', month: locale === 'ru' ? '2-digit' : 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    }).format(d);
  } catch {
    return d.toISOString().slice(0, 16).replace('T', ' ');
  }
}
