import type { Buyer } from '../api/contract';
import type { MessageKey } from '../i18n';

export type ContactField = keyof Buyer;
export const CONTACT_FIELDS: readonly ContactField[] = ['name', 'email', 'phone'];

export const MAX_LENGTH: Record<ContactField, number> = { name: 100, email: 254, phone: 32 };

export type ContactErrors = Partial<Record<ContactField, MessageKey>>;

/** Trims what the buyer typed (or what init prefilled) before it is validated or sent. */
export function cleanContacts(c: Buyer): Buyer {
  return { name: c.name.trim().replace(/\s+/g, ' '), email: c.email.trim(), phone: c.phone.trim() };
}

/**
 * Light checks only, so the buyer gets quick feedback: a name, an e-mail or a phone (the receipt goes to one of them,
 * as the server asks), plausible shape, length. The server is the judge (it parses phones with a real library and
 * normalizes e-mails).
 */
export function validateContacts(raw: Buyer): ContactErrors {
  const c = cleanContacts(raw);
  const errors: ContactErrors = {};
  if (!c.name) errors.name = 'contacts.required';
  if (!c.email && !c.phone) errors.email = 'contacts.emailOrPhone';
  for (const f of CONTACT_FIELDS) {
    if (c[f].length > MAX_LENGTH[f]) errors[f] = 'contacts.tooLong';
  }
  // Unicode-aware: Cyrillic local parts and .рф domains are fine.
  if (c.email && !errors.email && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u.test(c.email)) errors.email = 'contacts.emailInvalid';
  if (c.phone && !errors.phone) {
    const digits = c.phone.replace(/\D/g, '');
    const shapeOk = /^\+?[\d\s()\-.]+$/.test(c.phone);
    if (!shapeOk || digits.length < 10 || digits.length > 15) errors.phone = 'contacts.phoneInvalid';
  }
  return errors;
}
