import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, humanMessage, messageKeyForCode, normalizeFieldPath } from '../src/api/problems';
import { translator } from '../src/i18n';
import { ru, en } from '../src/i18n/messages';

const tRu = translator('ru');
const tEn = translator('en');
const problem = (status: number, code?: string, detail?: string, errors?: Record<string, string[]>) =>
  new ApiError('problem', status, { type: 'about:blank', title: 't', status, code, detail, errors });

describe('error code → localized message', () => {
  it('maps the contract codes to our own sentences in both locales', () => {
    expect(humanMessage(problem(404, 'pos_not_found', 'Point of sale 5 does not exist.'), tRu)).toBe(ru['error.posNotFound']);
    expect(humanMessage(problem(409, 'shop_unavailable'), tEn)).toBe(en['error.shopUnavailable']);
    expect(humanMessage(problem(422, 'validation_failed'), tRu)).toBe(ru['error.validation']);
    expect(humanMessage(problem(422, 'quantity_step', 'Quantity must be a multiple of 0.5.'), tRu)).toBe(ru['error.quantityStep']);
    expect(humanMessage(problem(422, 'quantity_step'), tEn)).toBe(en['error.quantityStep']);
  });
  it('falls back to the server detail for unknown codes', () => {
    expect(humanMessage(problem(400, 'brand_new_code', 'Лимит заказов на сегодня исчерпан.'), tRu)).toBe('Лимит заказов на сегодня исчерпан.');
  });
  it('without code or detail, picks by status', () => {
    expect(humanMessage(new ApiError('http', 502), tRu)).toBe(ru['error.server']);
    expect(humanMessage(new ApiError('http', 429), tEn)).toBe(en['error.rateLimited']);
    expect(humanMessage(new ApiError('http', 400), tEn)).toBe(en['error.generic']);
  });
  it('network and timeout failures get their own sentences; anything else is generic', () => {
    expect(humanMessage(new ApiError('network', 0), tRu)).toBe(ru['error.network']);
    expect(humanMessage(new ApiError('timeout', 0), tEn)).toBe(en['error.timeout']);
    expect(humanMessage(new TypeError('x is undefined'), tRu)).toBe(ru['error.generic']);
  });
  it('every mapped code points at an existing message', () => {
    for (const code of ['pos_not_found', 'shop_unavailable', 'session_expired', 'validation_failed', 'product_unavailable', 'rate_limited', 'idempotency_conflict', 'order_not_found', 'result_token_invalid', 'quantity_step']) {
      const key = messageKeyForCode(code);
      expect(key, code).toBeDefined();
      expect(ru[key!]).toBeTruthy();
    }
    expect(messageKeyForCode(undefined)).toBeUndefined();
  });
  it('knows which failures are worth retrying with the same key', () => {
    expect(new ApiError('network', 0).transient).toBe(true);
    expect(new ApiError('http', 503).transient).toBe(true);
    expect(problem(422, 'validation_failed').transient).toBe(false);
    expect(problem(401, 'session_expired').transient).toBe(false);
  });
});

describe('422 errors → fields', () => {
  it('normalizes the ways ASP.NET spells paths', () => {
    expect(normalizeFieldPath('Buyer.Phone')).toBe('buyer.phone');
    expect(normalizeFieldPath('$.buyer.email')).toBe('buyer.email');
    expect(normalizeFieldPath('Items[2].Quantity')).toBe('items[2].quantity');
  });
  it('splits messages between contact fields, cart lines and the rest', () => {
    const fe = fieldErrors({
      errors: {
        'buyer.phone': ['Неверный номер телефона'],
        'Buyer.Email': ['Неверный адрес', 'Домен не существует'],
        'items[1].quantity': ['Количество от 1 до 5'],
        'items[1].productId': ['Товар снят с продажи'],
        orderContainerId: ['required'],
      },
    });
    expect(fe.contacts).toEqual({ phone: 'Неверный номер телефона', email: 'Неверный адрес Домен не существует' });
    expect(fe.items.get(1)).toBe('Количество от 1 до 5 Товар снят с продажи');
    expect(fe.other).toEqual(['required']);
  });
  it('puts a quantity_step violation under its cart line', () => {
    const fe = fieldErrors({
      status: 422, code: 'quantity_step', detail: '«Картофель» продаётся по 0,5 кг.',
      errors: { 'items[0].quantity': ['«Картофель» продаётся по 0,5 кг.'] },
    });
    expect(fe.items.get(0)).toBe('«Картофель» продаётся по 0,5 кг.');
    expect(fe.contacts).toEqual({});
    expect(fe.other).toEqual([]);
  });
  it('survives a problem without errors or with junk in it', () => {
    expect(fieldErrors(null)).toEqual({ contacts: {}, items: new Map(), other: [] });
    expect(fieldErrors({ errors: { 'buyer.name': 'not an array' as unknown as string[] } }).contacts).toEqual({});
  });
});
