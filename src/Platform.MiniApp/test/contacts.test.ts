import { describe, expect, it } from 'vitest';
import { validateContacts } from '../src/checkout/contacts';

const ok = { name: 'Иван Иванов', email: 'ivan@example.ru', phone: '+7 (900) 123-45-67' };

describe('light contact validation', () => {
  it('accepts ordinary Russian contacts, Cyrillic domains and trunk-prefix phones', () => {
    expect(validateContacts(ok)).toEqual({});
    expect(validateContacts({ ...ok, email: 'иван@пример.рф' })).toEqual({});
    expect(validateContacts({ ...ok, phone: '8 900 123 45 67' })).toEqual({});
    expect(validateContacts({ ...ok, email: 'a.b+tag@xn--e1afmkfd.xn--p1ai' })).toEqual({});
  });
  it('requires a name and an e-mail or a phone, as the server does', () => {
    expect(validateContacts({ name: ' ', email: '', phone: '' })).toEqual({ name: 'contacts.required', email: 'contacts.emailOrPhone' });
    expect(validateContacts({ ...ok, phone: '' })).toEqual({});
    expect(validateContacts({ ...ok, email: ' ' })).toEqual({});
  });
  it('catches obviously broken e-mails', () => {
    for (const email of ['ivan', 'ivan@', '@example.ru', 'ivan@example', 'iv an@example.ru', 'ivan@@example.ru', 'ivan@example..ru']) {
      expect(validateContacts({ ...ok, email }).email, email).toBe('contacts.emailInvalid');
    }
  });
  it('catches phones with letters or a wrong digit count, and does not truncate', () => {
    for (const phone of ['12345', '+7 900 abc 45 67', '+7 900 123 45 67 89 01 23', 'телефон']) {
      expect(validateContacts({ ...ok, phone }).phone, phone).toBe('contacts.phoneInvalid');
    }
  });
  it('limits lengths', () => {
    expect(validateContacts({ ...ok, name: 'x'.repeat(101) }).name).toBe('contacts.tooLong');
  });
});
