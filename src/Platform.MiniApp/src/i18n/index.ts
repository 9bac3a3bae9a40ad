import { messages, type MessageKey } from './messages';

export type Locale = 'ru' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** 'ru', 'RU', 'ru-RU', 'en_US' → 'ru' | 'en'; anything else → undefined. */
export function normalizeLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const lang = value.trim().slice(0, 2).toLowerCase();
  return lang === 'ru' || lang === 'en' ? lang : undefined;
}

/** Init locale first, then the shop's default from the session, then Russian. */
export function chooseLocale(...candidates: unknown[]): Locale {
  for (const c of candidates) {
    const l = normalizeLocale(c);
    if (l) return l;
  }
  return 'ru';
}

export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, params) => {
    const text: string = table[key] ?? messages.ru[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
