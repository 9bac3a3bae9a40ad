import { h } from './dom';
import type { Product } from '../api/contract';
import type { Locale, Translate } from '../i18n';
import { formatKopecks, formatQuantity, formatDateTime } from '../catalog/money';
import {
  canStepUp, exampleQuantity, normalizeQuantity, parseQuantity, stepDown, stepUp,
} from '../catalog/quantity';
import type { PaymentView } from '../result/status';

let uid = 0;
export const nextId = (prefix: string) => `${prefix}-${++uid}`;

export function heading(text: string, level: 'h2' | 'h1' = 'h2'): HTMLElement {
  // tabindex=-1: focus moves here when a screen opens, so keyboard and screen-reader users start at the top.
  return h(level, { class: 'screen-title', tabindex: '-1' }, text);
}

export function button(label: string, onclick: () => void, variant: 'primary' | 'secondary' | 'link' = 'primary', extra: Record<string, unknown> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: `btn btn-${variant}`, onclick, ...extra }, label);
}

export function spinner(): HTMLElement {
  return h('span', { class: 'spinner', 'aria-hidden': 'true' });
}

export interface StepperOptions {
  product: Product;
  quantity: number;
  t: Translate;
  locale: Locale;
  /** The new quantity; 0 means remove. `announce` is a sentence for the live region, if any. */
  onChange(quantity: number, announce?: string): void;
}

export interface Stepper {
  el: HTMLElement;
  set(quantity: number): void;
  focusInput(): void;
}

/**
 * − [quantity] unit + with the unit's step. The field takes typed values ("0,5", "1.25"), snaps
 * them onto the step grid within [min, max] and says so. Arrow keys step too.
 */
export function stepper(o: StepperOptions): Stepper {
  const { product, t, locale } = o;
  const unit = product.unit;
  let quantity = o.quantity;
  const hintId = nextId('qhint');
  const hint = h('span', { class: 'field-error', id: hintId, hidden: true });
  const input = h('input', {
    class: 'qty-input',
    type: 'text',
    inputmode: unit.fractional ? 'decimal' : 'numeric',
    autocomplete: 'off',
    'aria-label': t('cart.quantityOf', { name: product.name, unit: unit.name }),
    'aria-describedby': hintId,
    value: formatQuantity(quantity, locale),
    size: 4,
  });
  const dec = h('button', { type: 'button', class: 'step', 'aria-label': t('cart.decrease', { name: product.name }), 'data-fk': `dec:${product.id}` }, '−');
  const inc = h('button', { type: 'button', class: 'step', 'aria-label': t('cart.increase', { name: product.name }), 'data-fk': `inc:${product.id}` }, '+');

  /** Under the field: an error (the value was refused) or a note (it was changed to fit the unit's step). */
  const showHint = (text: string, kind: 'error' | 'note' = 'error') => {
    hint.textContent = text;
    hint.hidden = !text;
    hint.classList.toggle('note', kind === 'note');
    input.setAttribute('aria-invalid', text && kind === 'error' ? 'true' : 'false');
  };
  const set = (q: number) => {
    quantity = q;
    input.value = formatQuantity(q, locale);
    inc.disabled = !canStepUp(q, unit);
  };
  const commit = () => {
    const parsed = parseQuantity(input.value);
    if (parsed === null) {
      showHint(t('cart.quantityInvalid', { example: formatQuantity(exampleQuantity(unit), locale) }));
      input.value = formatQuantity(quantity, locale);
      return;
    }
    if (parsed === 0) {
      // An explicit 0 removes the line, like the − button at the minimum.
      showHint('');
      o.onChange(0);
      return;
    }
    const { value, adjusted } = normalizeQuantity(parsed, unit);
    const changed = value !== quantity;
    if (!changed && !adjusted) {
      // The same number again — typically the change event as focus leaves after Enter. A note stays put: removing it
      // here would shift the page between the buyer's mousedown and mouseup elsewhere and swallow that click.
      if (input.getAttribute('aria-invalid') === 'true') showHint('');
      return;
    }
    // A typed 0,35 kg sold by 0,1 kg becomes 0,4: said where the buyer looks, not only to a screen reader.
    const note = adjusted
      ? t(adjusted === 'step' ? 'cart.quantityStep' : adjusted === 'min' ? 'cart.quantityMin' : 'cart.quantityMax',
        { quantity: formatQuantity(value, locale), step: formatQuantity(unit.step, locale), unit: unit.name })
      : '';
    showHint(note, 'note');
    set(value);
    o.onChange(value, note || undefined);
  };

  dec.addEventListener('click', () => {
    showHint('');
    o.onChange(stepDown(quantity, unit));
  });
  inc.addEventListener('click', () => {
    showHint('');
    o.onChange(stepUp(quantity, unit));
  });
  input.addEventListener('change', commit);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      o.onChange(e.key === 'ArrowUp' ? stepUp(quantity, unit) : stepDown(quantity, unit));
    }
  });
  set(quantity);
  const el = h('div', { class: 'stepper-wrap' },
    h('div', { class: 'stepper', role: 'group', 'aria-label': product.name }, dec, input, h('span', { class: 'qty-unit', 'aria-hidden': 'true' }, unit.name), inc),
    hint,
  );
  return { el, set, focusInput: () => input.focus() };
}

export interface StatusDetails {
  number?: number;
  amountKopecks?: number;
  paidAt?: string;
  /** What the shop returned of the order; shown when above zero. */
  refundedKopecks?: number;
  note?: string;
  actions?: Node[];
}

const STATUS_TEXT: Record<PaymentView, { title: Parameters<Translate>[0]; text?: Parameters<Translate>[0]; tone: string }> = {
  pending: { title: 'result.pending', tone: 'wait' },
  paid: { title: 'result.paid', text: 'result.paidText', tone: 'ok' },
  hold: { title: 'result.hold', text: 'result.holdText', tone: 'ok' },
  failed: { title: 'result.failed', text: 'result.failedText', tone: 'bad' },
  expired: { title: 'result.expired', text: 'result.expiredText', tone: 'bad' },
  canceled: { title: 'result.canceled', text: 'result.canceledText', tone: 'bad' },
  rejected: { title: 'result.rejected', tone: 'bad' },
  unknown: { title: 'result.unknown', text: 'result.unknownText', tone: 'wait' },
};

/** The payment status card shared by the result page and the in-app `paymentResult` screen. */
export function statusCard(view: PaymentView, t: Translate, locale: Locale, d: StatusDetails = {}): HTMLElement {
  const s = STATUS_TEXT[view];
  const icon = view === 'pending'
    ? spinner()
    : h('span', { class: `status-icon status-${s.tone}`, 'aria-hidden': 'true' }, s.tone === 'ok' ? '✓' : s.tone === 'bad' ? '!' : '?');
  return h('section', { class: `card status-card tone-${s.tone}`, 'data-status': view },
    h('div', { class: 'status-visual' }, icon),
    heading(t(s.title)),
    s.text ? h('p', { class: 'muted' }, t(s.text)) : null,
    d.note ? h('p', { class: 'muted note' }, d.note) : null,
    h('dl', { class: 'facts' },
      d.number !== undefined ? [h('dt', null, t('result.number')), h('dd', null, String(d.number))] : null,
      d.amountKopecks !== undefined ? [h('dt', null, t('result.amount')), h('dd', null, formatKopecks(d.amountKopecks, locale))] : null,
      d.paidAt && (view === 'paid' || view === 'hold') ? [h('dt', null, t('result.paidAt')), h('dd', null, formatDateTime(d.paidAt, locale))] : null,
      d.refundedKopecks ? [h('dt', null, t('result.refunded')), h('dd', { 'data-fk': 'refunded' }, formatKopecks(d.refundedKopecks, locale))] : null,
    ),
    d.actions?.length ? h('div', { class: 'actions' }, d.actions) : null,
  );
}

/** The round shop logo with the display name; the logo is decorative next to the name. */
export function shopHeader(displayName: string, logoUrl: string | null, extra?: Node | null): HTMLElement {
  return h('div', { class: 'top-inner' },
    logoUrl ? h('img', { class: 'logo', src: logoUrl, alt: '', width: 32, height: 32, decoding: 'async' }) : h('span', { class: 'logo logo-letter', 'aria-hidden': 'true' }, displayName.slice(0, 1).toUpperCase()),
    h('h1', { class: 'shop-name' }, displayName),
    extra ?? null,
  );
}
