import { describe, expect, it } from 'vitest';
import { mergePrefill, normalizeInit } from '../src/host/initData';
import { parseHostMessage } from '../src/host/messages';
import { chooseLocale, normalizeLocale } from '../src/i18n';

const base = {
  minappType: 'suborder', orderContainerId: '6c1f7e0a-3d7b-4f7e-9a55-0f1e2d3c4b5a', shopId: 1001,
  userEmail: ' ivan@example.ru ', userName: 'Иван Иванов', userPhone: '+71231234567', locale: 'ru', fullHeight: false,
};

describe('normalizeInit', () => {
  it('reads the public part of a v4 init', () => {
    expect(normalizeInit(base)).toEqual({
      minappType: 'suborder', orderContainerId: base.orderContainerId, shopId: 1001,
      contacts: { name: 'Иван Иванов', email: 'ivan@example.ru', phone: '+71231234567' }, locale: 'ru', fullHeight: false,
    });
  });
  it('also accepts the whole {public, private} data (updateData)', () => {
    expect(normalizeInit({ public: base, private: { metaData: [] } })?.orderContainerId).toBe(base.orderContainerId);
  });
  it('treats anything but "suborder" as order and drops a container id there', () => {
    const i = normalizeInit({ ...base, minappType: 'weird' })!;
    expect(i.minappType).toBe('order');
    expect(i.orderContainerId).toBeUndefined();
  });
  it('does not trust shapes: bad container ids, non-strings, control characters, huge values', () => {
    const i = normalizeInit({ ...base, orderContainerId: '../../etc"><script>', userName: 'A\u0000B', userEmail: 42, userPhone: 'x'.repeat(500), shopId: '7', fullHeight: 'yes' })!;
    expect(i.orderContainerId).toBeUndefined();
    expect(i.contacts).toEqual({ name: 'A B', email: '', phone: 'x'.repeat(32) });
    expect(i.shopId).toBeUndefined();
    expect(i.fullHeight).toBe(false);
  });
  it('normalizes the locale and ignores unknown ones', () => {
    expect(normalizeInit({ ...base, locale: 'en-US' })?.locale).toBe('en');
    expect(normalizeInit({ ...base, locale: 'de' })?.locale).toBeUndefined();
    expect(normalizeInit({ ...base, locale: undefined })?.locale).toBeUndefined();
  });
  it('returns null for non-objects, as the SDK ignores them', () => {
    for (const v of [null, undefined, 'init', 42, []]) expect(normalizeInit(v)).toBeNull();
  });
});

describe('locale choice', () => {
  it('init locale, then the shop default, then ru', () => {
    expect(chooseLocale('en', 'ru')).toBe('en');
    expect(chooseLocale(undefined, 'en')).toBe('en');
    expect(chooseLocale('fr', undefined)).toBe('ru');
    expect(normalizeLocale('RU_ru')).toBe('ru');
  });
});

describe('updateData prefill', () => {
  it('replaces fields the buyer has not edited and keeps the ones they typed', () => {
    const current = { name: 'Сам ввёл', email: 'old@example.ru', phone: '' };
    const next = mergePrefill(current, new Set(['name']), { name: 'Host', email: 'new@example.ru', phone: '+79001234567' });
    expect(next).toEqual({ name: 'Сам ввёл', email: 'new@example.ru', phone: '+79001234567' });
  });
  it('an empty host value never wipes a field', () => {
    expect(mergePrefill({ name: 'A', email: 'a@b.ru', phone: '1' }, new Set(), { name: '', email: '', phone: '' })).toEqual({ name: 'A', email: 'a@b.ru', phone: '1' });
  });
});

describe('host message filter', () => {
  it('accepts only envelopes with our channel id and a string action', () => {
    expect(parseHostMessage({ id: 'abc', action: 'paymentResult', data: 'completed' }, 'abc')).toEqual({ action: 'paymentResult', data: 'completed' });
    expect(parseHostMessage({ id: 'other', action: 'paymentResult', data: 'completed' }, 'abc')).toBeNull();
    expect(parseHostMessage({ id: 'abc', action: 7 }, 'abc')).toBeNull();
    expect(parseHostMessage('{"id":"abc"}', 'abc')).toBeNull();
    expect(parseHostMessage(null, null)).toBeNull();
  });
  it('like SDK v4, a page without ?id matches only id null (not undefined)', () => {
    expect(parseHostMessage({ id: null, action: 'init', data: {} }, null)).not.toBeNull();
    expect(parseHostMessage({ action: 'init', data: {} }, null)).toBeNull();
  });
});
