import { ApiClient, SessionKeeper } from '../api/client';
import type { Buyer, OrderItem, OrderState, Product, Session, SessionRequest } from '../api/contract';
import { ApiError, fieldErrors, humanMessage } from '../api/problems';
import { CatalogIndex, FIRST_PAGE, NEXT_PAGE, SEARCH_THRESHOLD } from '../catalog/listing';
import { formatCount, formatKopecks, formatQuantity, priceToKopecks } from '../catalog/money';
import { stepUp } from '../catalog/quantity';
import { cartTotals, orderItems, pruneCart, type CartQuantities } from '../checkout/cart';
import { cleanContacts, CONTACT_FIELDS, validateContacts, type ContactField } from '../checkout/contacts';
import { checkoutFingerprint, IdempotencyKeys } from '../checkout/idempotency';
import { OrderWaitError, waitForPaymentUrl } from '../checkout/placeOrder';
import { HostBridge } from '../host/bridge';
import { mergePrefill, STANDALONE_INIT, type HostInit } from '../host/initData';
import { interceptExternalLinks, reportHeight } from '../host/layout';
import { chooseLocale, translator, type Locale, type MessageKey, type Translate } from '../i18n';
import { followStatus } from '../result/follow';
import { viewForOrderStatus, type PaymentView } from '../result/status';
import { apiBase } from '../routing';
import {
  button, heading, nextId, shopHeader, spinner, statusCard, stepper, type Stepper,
} from '../ui/components';
import { announce, h } from '../ui/dom';
import { IncrementalList } from '../ui/incremental';
import {
  applyAccent, getShell, markCatalogReady, setFullHeight, setLang, show, type Shell,
} from '../ui/shell';

const INIT_TIMEOUT_MS = 2_000;
/** Search runs when the buyer pauses typing this long (Enter runs it at once). */
const SEARCH_DEBOUNCE_MS = 150;
/** changeQuantity's "add one": the unit's minimum. */
const ADD = -1;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Screen = 'catalog' | 'cart' | 'confirm';

interface Attempt {
  fingerprint: string;
  key: string;
  items: OrderItem[];
  buyer: Buyer;
  orderId?: string;
  number?: number;
}

/** The buyer-facing flow: catalog → cart & contacts → confirmation → order → hand over to Invoicebox. */
export class ShopApp {
  private readonly shell: Shell = getShell();
  private readonly bridge = new HostBridge();
  private readonly api: ApiClient;
  private keeper!: SessionKeeper;
  private readonly keys = new IdempotencyKeys();

  private locale: Locale = 'ru';
  private t: Translate = translator('ru');
  private init: HostInit = STANDALONE_INIT;
  private standalone = false;
  private session: Session | null = null;
  /** The session's catalog indexed for filtering and lookups (a shop may have thousands of products). */
  private index: CatalogIndex = new CatalogIndex([]);

  private category: string | null = null;
  private query = '';
  private cart: CartQuantities = new Map();
  private contacts: Buyer = { name: '', email: '', phone: '' };
  private edited = new Set<ContactField>();
  private contactErrors: Partial<Record<ContactField, string>> = {};
  private lineErrors = new Map<string, string>();
  private formMessage = '';
  private attempt: Attempt | null = null;
  private busy = false;
  private screen: Screen = 'catalog';
  private stopHeight: (() => void) | null = null;
  private followToken = 0;

  constructor(posId: number) {
    this.api = new ApiClient(apiBase(posId), () => this.locale);
  }

  async start(): Promise<void> {
    this.bridge.on({
      dataUpdate: (init) => this.onHostData(init),
      paymentResult: () => this.onPaymentResult(),
    });
    this.bridge.connect();
    interceptExternalLinks(document, (href) => this.bridge.link(href));

    const init = await this.bridge.waitForInit(INIT_TIMEOUT_MS);
    this.standalone = init === null;
    this.adoptInit(init ?? STANDALONE_INIT);
    await this.openSession();
  }

  // ---- host data -------------------------------------------------------------------------------

  private adoptInit(init: HostInit): void {
    this.init = init;
    this.contacts = mergePrefill(this.contacts, this.edited, init.contacts);
    this.setLocale(chooseLocale(init.locale, this.session?.locale));
    setFullHeight(init.fullHeight);
    this.stopHeight?.();
    this.stopHeight = null;
    if (!init.fullHeight && this.bridge.embedded) {
      this.stopHeight = reportHeight(this.shell.app, (px) => this.bridge.height(px));
    }
  }

  /** `updateData`, a repeated `init`, or an init that came after we went standalone. */
  private onHostData(init: HostInit): void {
    const modeChanged = init.minappType !== this.init.minappType || init.orderContainerId !== this.init.orderContainerId;
    const wasStandalone = this.standalone;
    const localeBefore = this.locale;
    this.standalone = false;
    this.adoptInit(init);
    if ((modeChanged || wasStandalone) && !this.busy && !this.attempt?.orderId) {
      void this.openSession();
      return;
    }
    if (!this.session) return;
    this.renderChrome();
    // Only the catalog/cart/confirm screens show host data; progress, result and error screens stay.
    if (this.shell.app.dataset.screen !== this.screen) return;
    if (this.locale !== localeBefore || this.screen === 'confirm') this.render();
    else if (this.screen === 'cart') {
      // Patch the prefilled fields in place: re-rendering would move the caret of a field being typed in.
      for (const f of CONTACT_FIELDS) {
        const input = document.getElementById(`contact-${f}`) as HTMLInputElement | null;
        if (input && !this.edited.has(f) && input.value !== this.contacts[f]) input.value = this.contacts[f];
      }
    }
  }

  /**
   * The host's `paymentResult` is a cue to look, never the answer: a page can post anything to us. Without an order of
   * ours on this page it is ignored; with one, the buyer waits on «Ждём подтверждения оплаты…» until our own order
   * status (which only a signed notification or Invoicebox's API moves) says how it ended.
   */
  private onPaymentResult(): void {
    const orderId = this.attempt?.orderId;
    if (!orderId) return;
    this.showPaymentView('pending', this.attempt?.number);
    this.followOrder(orderId);
  }

  private setLocale(locale: Locale): void {
    this.locale = locale;
    this.t = translator(locale);
    setLang(locale);
  }

  // ---- session ---------------------------------------------------------------------------------

  private sessionRequest(): SessionRequest {
    return {
      minappType: this.init.minappType,
      orderContainerId: this.init.minappType === 'suborder' ? this.init.orderContainerId : undefined,
      locale: this.init.locale,
    };
  }

  private async openSession(): Promise<void> {
    this.keeper ??= new SessionKeeper(this.api, this.sessionRequest());
    let session: Session;
    try {
      session = await this.keeper.open(this.sessionRequest());
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'shop_unavailable' || e.code === 'pos_not_found' || e.status === 404 || e.status === 409)) {
        this.showUnavailable();
      } else {
        this.fail(humanMessage(e, this.t), () => this.openSession());
      }
      return;
    }
    this.session = session;
    document.title = session.shop.displayName;
    this.index = new CatalogIndex(session.catalog.products);
    this.setLocale(chooseLocale(this.init.locale, session.locale));
    applyAccent(session.shop.brandColor);
    if (!session.catalog.products.length) {
      this.showUnavailable();
      return;
    }
    this.cart = pruneCart(this.cart, this.index.byId);
    if (this.category && !this.index.usedCategories.has(this.category)) this.category = null;
    this.renderChrome();
    this.screen = 'catalog';
    this.render();
    markCatalogReady(this.shell.app);
  }

  // ---- chrome ----------------------------------------------------------------------------------

  private renderChrome(): void {
    const s = this.session!;
    this.shell.top.replaceChildren(
      shopHeader(s.shop.displayName, s.shop.logoUrl),
      this.standalone ? h('p', { class: 'notice', role: 'note' }, this.t('app.standaloneNotice')) : '',
    );
    const links = s.shop.links.filter((l) => /^https?:\/\//i.test(l.url) || l.url.startsWith('/'));
    this.shell.foot.replaceChildren(
      links.length
        ? h('nav', { class: 'shop-links', 'aria-label': this.t('a11y.shopLinks') },
          links.map((l) => h('a', { href: l.url, target: '_blank', rel: 'noopener noreferrer' }, l.title)))
        : '',
    );
  }

  private render(focus = false): void {
    if (!this.session) return;
    if (this.screen !== 'catalog') this.catalogList?.disconnect();
    if (this.screen === 'catalog') this.renderCatalog(focus);
    else if (this.screen === 'cart') this.renderCart(focus);
    else this.renderConfirm(focus);
  }

  private go(screen: Screen): void {
    this.screen = screen;
    this.render(true);
  }

  private totals() {
    return cartTotals(this.cart, this.index.byId);
  }

  private money(kopecks: number): string {
    return formatKopecks(kopecks, this.locale);
  }

  // ---- catalog ---------------------------------------------------------------------------------

  private cardControls = new Map<string, HTMLElement>();
  private cardSteppers = new Map<string, Stepper>();
  private cartBarButton: HTMLButtonElement | null = null;

  private catalogList: IncrementalList<Product> | null = null;
  private catalogEmpty: HTMLElement | null = null;
  private searchStatus: HTMLElement | null = null;
  private searchInput: HTMLInputElement | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The catalog screen: search (big catalogs), category chips and the products of the current
   * category and query, a page at a time (a shop may have thousands: rendering them all took seconds
   * and made the iframe hundreds of thousands of pixels high). Chips and search only swap the list.
   */
  private renderCatalog(focus: boolean): void {
    const { t } = this;
    const { categories, products } = this.session!.catalog;
    const used = categories.filter((c) => this.index.usedCategories.has(c.id));
    this.catalogList?.disconnect();
    clearTimeout(this.searchTimer);

    const chip = (id: string | null, name: string) =>
      h('button', {
        type: 'button', class: 'chip', 'aria-pressed': String(this.category === id), 'data-fk': `cat:${id ?? ''}`,
        onclick: () => this.setCategory(id),
      }, name);

    const list = h('ul', { class: 'products', id: 'products' });
    this.catalogList = new IncrementalList<Product>({
      list,
      render: (p) => this.productCard(p),
      first: FIRST_PAGE,
      next: NEXT_PAGE,
      moreLabel: t('catalog.more'),
      progress: (shown, total) => t('catalog.shown', { shown: formatCount(shown, this.locale), total: formatCount(total, this.locale) }),
      onMore: (shown, total) => announce(t('catalog.shown', { shown: formatCount(shown, this.locale), total: formatCount(total, this.locale) })),
    });
    this.catalogEmpty = h('div', { class: 'empty', hidden: true });
    this.searchInput = null;
    this.searchStatus = null;

    const body = h('div', { class: 'catalog' },
      h('h2', { class: 'screen-title sr-only', tabindex: '-1' }, t('catalog.title')),
      products.length > SEARCH_THRESHOLD ? this.searchField() : null,
      used.length > 1
        ? h('div', { class: 'chips', role: 'group', 'aria-label': t('catalog.categories') }, chip(null, t('catalog.allCategories')), used.map((c) => chip(c.id, c.name)))
        : null,
      this.catalogEmpty,
      this.catalogList.el,
    );
    this.fillProducts();
    this.cartBarButton = h('button', { type: 'button', class: 'btn btn-primary cart-bar', 'data-fk': 'open-cart', onclick: () => this.go('cart') });
    show(this.shell, body, this.cartBarButton, { name: 'catalog', focus });
    this.updateCartBar();
  }

  private searchField(): HTMLElement {
    const { t } = this;
    const input = h('input', {
      id: 'catalog-search', class: 'search-input', type: 'search', value: this.query, placeholder: t('search.placeholder'),
      autocomplete: 'off', autocorrect: 'off', autocapitalize: 'off', spellcheck: 'false', enterkeyhint: 'search',
      maxlength: 100, 'aria-controls': 'products', 'aria-describedby': 'search-status', 'data-fk': 'search',
    });
    input.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.setQuery(input.value), SEARCH_DEBOUNCE_MS);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      clearTimeout(this.searchTimer);
      this.setQuery(input.value);
    });
    this.searchInput = input;
    this.searchStatus = h('p', { class: 'search-status muted small', id: 'search-status', hidden: true });
    return h('div', { class: 'search', role: 'search' },
      h('label', { class: 'sr-only', for: 'catalog-search' }, t('search.label')),
      input,
      this.searchStatus);
  }

  private setCategory(id: string | null): void {
    this.category = id;
    this.shell.view.querySelectorAll<HTMLElement>('.chip').forEach((c) => c.setAttribute('aria-pressed', String(c.dataset.fk === `cat:${id ?? ''}`)));
    this.fillProducts();
    if (this.query.trim()) this.announceFound();
  }

  private setQuery(text: string): void {
    if (text === this.query) return;
    this.query = text;
    this.fillProducts();
    this.announceFound();
  }

  /** The current category and query's products into the list (first page), or why there are none. */
  private fillProducts(): void {
    const { t } = this;
    const list = this.catalogList;
    const empty = this.catalogEmpty;
    if (!list || !empty) return;
    const query = this.query.trim();
    const visible = this.index.filter(this.category, query);
    this.cardControls.clear();
    this.cardSteppers.clear();
    list.reset(visible);

    if (this.searchStatus) {
      this.searchStatus.hidden = !query;
      this.searchStatus.textContent = query ? t('search.found', { count: formatCount(visible.length, this.locale) }) : '';
    }
    empty.hidden = visible.length > 0;
    if (visible.length) {
      empty.replaceChildren();
      return;
    }
    if (!query) {
      empty.replaceChildren(h('p', { class: 'muted' }, t('catalog.empty')));
      return;
    }
    const elsewhere = this.category !== null && this.index.filter(null, query).length > 0;
    empty.replaceChildren(
      h('p', { class: 'muted' }, t('search.nothing', { query })),
      h('div', { class: 'actions' },
        elsewhere ? button(t('search.everywhere'), () => { this.setCategory(null); this.searchInput?.focus(); }, 'secondary', { 'data-fk': 'search-all' }) : null,
        button(t('search.clear'), () => this.clearSearch(), 'secondary', { 'data-fk': 'search-clear' })),
    );
  }

  private clearSearch(): void {
    if (this.searchInput) this.searchInput.value = '';
    this.setQuery('');
    this.searchInput?.focus();
  }

  private announceFound(): void {
    if (!this.catalogList) return;
    announce(this.query.trim()
      ? this.t('search.found', { count: formatCount(this.catalogList.total, this.locale) })
      : this.t('catalog.shown', { shown: formatCount(this.catalogList.count, this.locale), total: formatCount(this.catalogList.total, this.locale) }));
  }

  private productCard(p: Product): HTMLElement {
    const { t } = this;
    const controls = h('div', { class: 'card-controls' });
    this.cardControls.set(p.id, controls);
    this.fillCardControls(p, controls);
    const nameId = nextId('pname');
    // tabindex=-1: «Показать ещё» moves focus to the first card it added.
    return h('li', { class: 'card product', 'aria-labelledby': nameId, tabindex: '-1', 'data-product': p.id },
      h('div', { class: 'thumb' },
        p.imageUrl
          ? h('img', { src: p.imageUrl, alt: '', loading: 'lazy', decoding: 'async', width: 88, height: 88 })
          : h('span', { class: 'thumb-empty', 'aria-hidden': 'true' }, p.name.slice(0, 1))),
      h('div', { class: 'product-info' },
        h('h3', { class: 'product-name', id: nameId }, p.name),
        p.description ? h('p', { class: 'product-desc' }, p.description) : null,
        h('div', { class: 'buy-row' },
          h('p', { class: 'price' },
            h('span', { class: 'price-value' }, this.money(priceToKopecks(p.priceKopecks, p.price))),
            ' ',
            h('span', { class: 'price-unit' }, t('catalog.perUnit', { unit: p.unit.name }))),
          controls),
      ),
    );
  }

  private fillCardControls(p: Product, slot: HTMLElement): void {
    const q = this.cart.get(p.id) ?? 0;
    if (q > 0) {
      const s = stepper({ product: p, quantity: q, t: this.t, locale: this.locale, onChange: (nq, msg) => this.changeQuantity(p, nq, msg, 'catalog') });
      slot.replaceChildren(s.el);
      this.cardSteppers.set(p.id, s);
    } else {
      this.cardSteppers.delete(p.id);
      slot.replaceChildren(button(this.t('catalog.add'), () => this.changeQuantity(p, ADD, undefined, 'catalog'), 'secondary', {
        class: 'btn btn-secondary add', 'aria-label': this.t('catalog.addNamed', { name: p.name }), 'data-fk': `add:${p.id}`,
      }));
    }
  }

  private updateCartBar(): void {
    const b = this.cartBarButton;
    if (!b) return;
    const totals = this.totals();
    b.hidden = totals.count === 0;
    this.shell.bar.hidden = totals.count === 0;
    b.replaceChildren(
      h('span', { class: 'cart-bar-label' }, this.t('cart.openShort'), h('span', { class: 'badge' }, String(totals.count))),
      h('span', { class: 'cart-bar-total' }, this.money(totals.totalKopecks)),
    );
    b.setAttribute('aria-label', this.t('cart.open', { count: totals.count, total: this.money(totals.totalKopecks) }));
  }

  /** `ADD` = add at the unit's minimum; 0 = remove. */
  private changeQuantity(p: Product, quantity: number, message: string | undefined, where: 'catalog' | 'cart'): void {
    const before = this.cart.get(p.id) ?? 0;
    const q = quantity === ADD ? stepUp(0, p.unit) : Math.max(0, quantity);
    if (q > 0) this.cart.set(p.id, q);
    else this.cart.delete(p.id);
    this.lineErrors.delete(p.id);

    if (where === 'catalog') {
      const slot = this.cardControls.get(p.id);
      const existing = this.cardSteppers.get(p.id);
      if (existing && before > 0 && q > 0) existing.set(q);
      else if (slot) {
        this.fillCardControls(p, slot);
        // Keep the keyboard where it was: on "+" after adding, on the add button after removing.
        slot.querySelector<HTMLElement>(q > 0 ? '[data-fk^="inc:"]' : '.add')?.focus();
      }
      this.updateCartBar();
    } else if (before > 0 && q > 0 && this.cartSteppers.has(p.id)) {
      // Update in place: re-rendering here (the field's change event fires as the buyer clicks elsewhere)
      // would replace the element being clicked.
      this.cartSteppers.get(p.id)!.set(q);
      this.refreshCartNumbers();
    } else {
      this.renderCart(false);
    }
    if (where === 'cart') {
      // The buyer changed the line the server complained about: its message is out of date.
      this.shell.view.querySelector(`.line[data-product="${CSS.escape(p.id)}"] .line-error`)?.remove();
      this.cartSteppers.get(p.id)?.el.querySelector('.qty-input')?.setAttribute('aria-invalid', 'false');
    }
    if (message) announce(message);
    else if (before === 0 && q > 0) announce(this.t('catalog.added', { name: p.name }));
    else if (q === 0 && before > 0) announce(this.t('catalog.removed', { name: p.name }));
  }

  // ---- cart & contacts -------------------------------------------------------------------------

  private cartSteppers = new Map<string, Stepper>();
  private cartLineTotals = new Map<string, HTMLElement>();
  private cartTotalsEl: HTMLElement | null = null;

  private refreshCartNumbers(): void {
    const totals = this.totals();
    for (const l of totals.lines) {
      const el = this.cartLineTotals.get(l.product.id);
      if (el) {
        el.textContent = this.money(l.totalKopecks);
        el.setAttribute('aria-label', `${this.t('cart.lineTotal')}: ${this.money(l.totalKopecks)}`);
      }
    }
    const fresh = this.totalsBlock(totals.totalKopecks, totals.vatKopecks, totals.hasVat);
    this.cartTotalsEl?.replaceWith(fresh);
    this.cartTotalsEl = fresh;
  }

  private renderCart(focus: boolean): void {
    const { t } = this;
    const totals = this.totals();
    this.cartSteppers.clear();
    this.cartLineTotals.clear();
    if (!totals.count) {
      show(this.shell, h('div', { class: 'cart' },
        h('div', { class: 'screen-head' }, this.backButton('catalog'), heading(t('cart.title'))),
        h('div', { class: 'card' }, h('p', { class: 'muted' }, t('cart.empty')), button(t('cart.toCatalog'), () => this.go('catalog'), 'secondary', { 'data-fk': 'to-catalog' }))),
      null, { name: 'cart', focus });
      return;
    }
    const lines = h('ul', { class: 'lines' }, totals.lines.map((l) => {
      const p = l.product;
      const s = stepper({ product: p, quantity: l.quantity, t, locale: this.locale, onChange: (nq, msg) => this.changeQuantity(p, nq, msg, 'cart') });
      this.cartSteppers.set(p.id, s);
      const err = this.lineErrors.get(p.id);
      const errId = err ? nextId('lineerr') : '';
      if (err) {
        // The server's message about this line (e.g. quantity_step) is read out with its quantity field.
        const input = s.el.querySelector('.qty-input');
        input?.setAttribute('aria-invalid', 'true');
        input?.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${errId}`.trim());
      }
      const lineTotal = h('span', { class: 'line-total', 'aria-label': `${t('cart.lineTotal')}: ${this.money(l.totalKopecks)}` }, this.money(l.totalKopecks));
      this.cartLineTotals.set(p.id, lineTotal);
      return h('li', { class: 'line', 'data-product': p.id },
        h('div', { class: 'line-head' },
          h('span', { class: 'line-name' }, p.name),
          lineTotal),
        h('div', { class: 'line-meta muted' }, `${this.money(l.unitKopecks)} ${t('catalog.perUnit', { unit: p.unit.name })}`),
        h('div', { class: 'line-controls' },
          s.el,
          h('button', { type: 'button', class: 'btn btn-link remove', 'aria-label': t('cart.removeNamed', { name: p.name }), 'data-fk': `rm:${p.id}`, onclick: () => this.changeQuantity(p, 0, undefined, 'cart') }, t('cart.remove'))),
        err ? h('p', { class: 'field-error line-error', id: errId, role: 'alert' }, err) : null,
      );
    }));

    const body = h('div', { class: 'cart' },
      h('div', { class: 'screen-head' }, this.backButton('catalog'), heading(t('cart.title'))),
      h('section', { class: 'card' }, lines, (this.cartTotalsEl = this.totalsBlock(totals.totalKopecks, totals.vatKopecks, totals.hasVat))),
      this.contactsForm(),
    );
    const bar = button(t('cart.next'), () => this.toConfirm(), 'primary', { class: 'btn btn-primary wide', 'data-fk': 'next' });
    show(this.shell, body, bar, { name: 'cart', focus });
  }

  private totalsBlock(total: number, vat: number, hasVat: boolean): HTMLElement {
    const { t } = this;
    return h('dl', { class: 'totals' },
      h('div', { class: 'total-row' }, h('dt', null, t('cart.total')), h('dd', { class: 'total-value' }, this.money(total))),
      h('div', { class: 'vat-row muted' }, h('dt', null, hasVat ? t('cart.vatIncluded') : t('cart.noVat')), h('dd', null, hasVat ? this.money(vat) : '')),
    );
  }

  private contactsForm(): HTMLElement {
    const { t } = this;
    const field = (f: ContactField, type: string, autocomplete: string, inputmode: string) => {
      const id = `contact-${f}`;
      const errId = `${id}-error`;
      const err = this.contactErrors[f];
      const errEl = h('p', { class: 'field-error', id: errId, hidden: !err }, err ?? '');
      const input = h('input', {
        id, name: f, type, autocomplete, inputmode, value: this.contacts[f], required: f === 'name',
        'aria-invalid': err ? 'true' : 'false', 'aria-describedby': errId, 'data-fk': `field:${f}`,
        maxlength: f === 'email' ? 254 : f === 'phone' ? 32 : 100,
      });
      input.addEventListener('input', () => {
        this.contacts = { ...this.contacts, [f]: input.value };
        this.edited.add(f);
        // An error goes away as soon as the value is fixed, while typing: clearing it on blur would move
        // the "Next" button between mousedown and mouseup and swallow the click.
        // Any field: «e-mail or phone» under the e-mail field is settled by typing a phone.
        const now = validateContacts(this.contacts);
        for (const g of CONTACT_FIELDS) if (this.contactErrors[g] && !now[g]) this.setFieldError(g, undefined);
      });
      input.addEventListener('blur', () => {
        // Only complain about a field the buyer has typed into; empty fields wait until "Next".
        if (!input.value.trim() || this.contactErrors[f]) return;
        const k = validateContacts(this.contacts)[f];
        if (k) this.setFieldError(f, t(k));
      });
      return h('div', { class: 'field' }, h('label', { for: id }, t(`contacts.${f}` as MessageKey)), input, errEl);
    };
    const prefilled = !this.standalone && CONTACT_FIELDS.some((f) => this.init.contacts[f]);
    return h('section', { class: 'card contacts', 'aria-labelledby': 'contacts-title' },
      h('h3', { id: 'contacts-title', class: 'section-title' }, t('contacts.title')),
      prefilled ? h('p', { class: 'muted small' }, t('contacts.prefilled')) : null,
      this.formMessage ? h('p', { class: 'form-error', id: 'form-message', role: 'alert' }, this.formMessage) : null,
      field('name', 'text', 'name', 'text'),
      field('email', 'email', 'email', 'email'),
      field('phone', 'tel', 'tel', 'tel'),
    );
  }

  private setFieldError(f: ContactField, message: string | undefined): void {
    if (message) this.contactErrors[f] = message;
    else delete this.contactErrors[f];
    const input = document.getElementById(`contact-${f}`);
    const errEl = document.getElementById(`contact-${f}-error`);
    input?.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (errEl) {
      errEl.textContent = message ?? '';
      errEl.hidden = !message;
    }
    if (!Object.keys(this.contactErrors).length && this.formMessage === this.t('contacts.fixErrors')) {
      this.formMessage = '';
      document.getElementById('form-message')?.remove();
    }
  }

  private toConfirm(): void {
    const errors = validateContacts(this.contacts);
    this.contactErrors = {};
    for (const f of CONTACT_FIELDS) if (errors[f]) this.contactErrors[f] = this.t(errors[f]!);
    this.formMessage = '';
    if (Object.keys(this.contactErrors).length) {
      this.formMessage = this.t('contacts.fixErrors');
      this.renderCart(false);
      this.focusFirstError();
      return;
    }
    this.contacts = cleanContacts(this.contacts);
    this.go('confirm');
  }

  private focusFirstError(): void {
    const first = CONTACT_FIELDS.find((f) => this.contactErrors[f]);
    const badLine = [...this.shell.view.querySelectorAll<HTMLElement>('.line')].find((l) => l.querySelector('.field-error:not([hidden])'));
    const el = first ? document.getElementById(`contact-${first}`) : badLine?.querySelector<HTMLElement>('.qty-input');
    el?.focus();
    announce(this.formMessage || this.t('contacts.fixErrors'));
  }

  private backButton(to: Screen): HTMLElement {
    return h('button', { type: 'button', class: 'btn btn-link back', 'data-fk': `back:${to}`, onclick: () => this.go(to) },
      h('span', { 'aria-hidden': 'true' }, '← '), this.t('app.back'));
  }

  // ---- confirmation ----------------------------------------------------------------------------

  private renderConfirm(focus: boolean): void {
    const { t } = this;
    const totals = this.totals();
    if (!totals.count) return this.go('cart');
    const suborder = this.init.minappType === 'suborder';
    const body = h('div', { class: 'confirm' },
      h('div', { class: 'screen-head' }, this.backButton('cart'), heading(t('confirm.title'))),
      h('section', { class: 'card' },
        h('ul', { class: 'lines summary' }, totals.lines.map((l) =>
          h('li', { class: 'line' },
            h('div', { class: 'line-head' }, h('span', { class: 'line-name' }, l.product.name), h('span', { class: 'line-total' }, this.money(l.totalKopecks))),
            h('div', { class: 'line-meta muted' }, t('confirm.quantityTimesPrice', {
              quantity: formatQuantity(l.quantity, this.locale), unit: l.product.unit.name, price: this.money(l.unitKopecks),
            })),
          ))),
        this.totalsBlock(totals.totalKopecks, totals.vatKopecks, totals.hasVat),
        h('p', { class: 'muted small' }, t('cart.priceNote')),
      ),
      h('section', { class: 'card buyer' },
        h('div', { class: 'section-head' },
          h('h3', { class: 'section-title' }, t('confirm.buyer')),
          h('button', { type: 'button', class: 'btn btn-link', 'data-fk': 'edit-contacts', onclick: () => { this.go('cart'); document.getElementById('contact-name')?.focus(); } }, t('confirm.edit'))),
        h('p', null, this.contacts.name), h('p', null, this.contacts.email), h('p', null, this.contacts.phone),
      ),
    );
    const bar = button(suborder ? t('confirm.addToInvoice') : t('confirm.pay'), () => void this.checkout(), 'primary', { class: 'btn btn-primary wide', 'data-fk': 'submit' });
    show(this.shell, body, bar, { name: 'confirm', focus });
  }

  // ---- checkout --------------------------------------------------------------------------------

  private async checkout(): Promise<void> {
    if (this.busy) return;
    // Quantities on their unit's grid, ≤ 3 decimals: the server rejects anything else (422 quantity_step).
    const items: OrderItem[] = orderItems(this.cart, this.index.byId);
    const buyer = cleanContacts(this.contacts);
    const fingerprint = checkoutFingerprint(items, buyer);
    if (!this.attempt || this.attempt.fingerprint !== fingerprint) {
      this.attempt = { fingerprint, key: this.keys.keyFor(fingerprint), items, buyer };
    }
    const attempt = this.attempt;
    this.busy = true;
    this.showProgress(attempt.orderId ? 'progress.waitingPayment' : 'progress.creating');
    try {
      if (!attempt.orderId) {
        const accepted = await this.keeper.authorized((token) => this.api.createOrder(token, attempt.key, { items: attempt.items, buyer: attempt.buyer }));
        attempt.orderId = accepted.orderId;
        attempt.number = accepted.number;
      }
      const orderId = attempt.orderId;
      const state = await waitForPaymentUrl({
        getOrder: (id, poll) => this.keeper.authorized((token) => this.api.getOrder(token, id, poll)),
        now: () => Date.now(),
        sleep,
      }, orderId, {
        onStatus: (s) => {
          if (s.status === 'awaiting_payment') this.setProgressText('progress.waitingPayment');
        },
      });
      this.busy = false;
      this.handOver(state);
    } catch (e) {
      this.busy = false;
      this.checkoutFailed(e, attempt);
    }
  }

  private checkoutFailed(e: unknown, attempt: Attempt): void {
    const { t } = this;
    if (e instanceof OrderWaitError) {
      if (e.reason === 'timeout') {
        // The order exists: retry resumes waiting for it, it never creates a second one.
        this.fail(t('error.paymentPageTimeout'), () => this.checkout());
      } else if (e.reason === 'rejected') {
        // Final: sending the same again would be refused the same way (a paid invoice stays paid). The buyer goes
        // back to the cart to change something; what they send from there is a new order with a new key.
        this.attempt = null;
        this.keys.completed();
        const reason = e.state?.failureReason?.trim();
        this.fail(reason ? t('error.orderRejectedReason', { reason }) : t('error.orderRejected'), null, 'cart');
      } else {
        this.attempt = null;
        this.keys.completed();
        this.showPaymentView(viewForOrderStatus(e.state?.status ?? 'expired'), e.state?.number);
      }
      return;
    }
    if (e instanceof ApiError && e.status === 422) {
      const fe = fieldErrors(e.problem);
      this.contactErrors = { ...fe.contacts };
      this.lineErrors = new Map();
      fe.items.forEach((message, index) => {
        const id = attempt.items[index]?.productId;
        if (id) this.lineErrors.set(id, message);
      });
      // The server's own sentence goes next to its field or line; when it named none (only `detail`),
      // it is shown with our summary above the form.
      // «Check the highlighted fields» only when something is highlighted; a sentence about the whole order (its total
      // over the limit) stands alone.
      const placed = fe.items.size > 0 || Object.keys(fe.contacts).length > 0;
      const summary = placed || fe.other.length === 0 ? humanMessage(e, t) : '';
      const detail = e.problem?.detail?.trim();
      this.formMessage = [summary, ...fe.other, !placed && fe.other.length === 0 && detail && detail !== summary ? detail : ''].filter(Boolean).join(' ');
      this.screen = 'cart';
      this.renderCart(false);
      this.focusFirstError();
      return;
    }
    if (e instanceof ApiError && e.code === 'shop_unavailable') {
      this.showUnavailable();
      return;
    }
    this.fail(humanMessage(e, t), () => this.checkout(), 'confirm');
  }

  /** The order is ready to pay: give Invoicebox the payment URL. */
  private handOver(state: OrderState): void {
    const { t } = this;
    this.keys.completed();
    if (state.status === 'paid' || state.status === 'hold') {
      this.showPaymentView(viewForOrderStatus(state.status), state.number);
      return;
    }
    const url = state.paymentUrl!;
    const told = this.bridge.done(url);
    if (this.init.minappType === 'suborder') {
      this.cart = new Map();
      this.attempt = null;
      const body = h('div', { class: 'done' },
        h('section', { class: 'card status-card tone-ok', 'data-status': 'added' },
          h('div', { class: 'status-visual' }, h('span', { class: 'status-icon status-ok', 'aria-hidden': 'true' }, '✓')),
          heading(t('done.addedTitle')),
          h('p', { class: 'muted' }, t('done.addedText', { number: state.number }))));
      const bar = button(t('done.addMore'), () => this.go('catalog'), 'secondary', { class: 'btn btn-secondary wide', 'data-fk': 'add-more' });
      show(this.shell, body, bar, { name: 'added', focus: true });
      announce(t('done.addedTitle'));
      return;
    }
    if (!told) {
      // No host to hand over to (a top-level preview): go to the payment page ourselves.
      window.location.assign(url);
    }
    const body = h('div', { class: 'progress' },
      h('section', { class: 'card status-card', 'data-status': 'redirect' },
        h('div', { class: 'status-visual' }, spinner()),
        heading(t('progress.redirecting')),
        h('p', null, h('a', { href: url, target: '_top', rel: 'noopener' }, t('progress.openPayment')))));
    show(this.shell, body, null, { name: 'redirect', focus: true });
    announce(t('progress.redirecting'));
  }

  /** After `paymentResult`: follow our own order status until it settles. */
  private followOrder(orderId: string): void {
    const token = ++this.followToken;
    void followStatus<OrderState>({
      fetch: (known, waitMs) => this.keeper.authorized((tk) => this.api.getOrder(tk, orderId, { waitMs, known })),
      now: () => Date.now(),
      sleep,
    }, {
      stopped: () => token !== this.followToken,
      onUpdate: (s) => {
        const view = viewForOrderStatus(s.status);
        if (view !== 'pending') this.showPaymentView(view, s.number, s.amount);
      },
    });
  }

  // ---- status screens --------------------------------------------------------------------------

  private progressText: HTMLElement | null = null;

  private showProgress(key: MessageKey): void {
    this.progressText = heading(this.t(key));
    const body = h('div', { class: 'progress' },
      h('section', { class: 'card status-card', 'data-status': 'progress', 'aria-busy': 'true' },
        h('div', { class: 'status-visual' }, spinner()),
        this.progressText));
    show(this.shell, body, null, { name: 'progress', focus: true });
    announce(this.t(key));
  }

  private setProgressText(key: MessageKey): void {
    if (this.progressText && this.progressText.textContent !== this.t(key)) {
      this.progressText.textContent = this.t(key);
      announce(this.t(key));
    }
  }

  private showPaymentView(view: PaymentView, number?: number, amount?: number): void {
    const card = statusCard(view, this.t, this.locale, {
      number,
      amountKopecks: amount !== undefined ? Math.round(amount * 100) : undefined,
    });
    show(this.shell, h('div', { class: 'result' }, card), null, { name: 'payment', focus: true });
    announce(card.querySelector('.screen-title')?.textContent ?? '');
  }

  private showUnavailable(): void {
    this.bridge.unavailable();
    const { t } = this;
    const body = h('section', { class: 'card status-card', 'data-status': 'unavailable' },
      heading(t('unavailable.title')), h('p', { class: 'muted' }, t('unavailable.text')));
    show(this.shell, body, null, { name: 'unavailable', focus: false });
    this.shell.top.replaceChildren();
  }

  /**
   * An in-page error and the same sentence to the host (which shows a toast). With a retry, going back is the
   * secondary action; without one (a final answer), going back is the way on.
   */
  private fail(message: string, retry: (() => unknown) | null, back?: Screen): void {
    this.bridge.error(message);
    if (!this.session) this.shell.top.replaceChildren(); // no shop to show: drop the header skeleton
    const { t } = this;
    const body = h('section', { class: 'card status-card tone-bad', 'data-status': 'error' },
      h('div', { class: 'status-visual' }, h('span', { class: 'status-icon status-bad', 'aria-hidden': 'true' }, '!')),
      heading(t('error.title')),
      h('p', { role: 'alert' }, message));
    const backTo = back && this.session ? back : undefined;
    const bar = h('div', { class: 'bar-actions' },
      backTo && retry ? button(t('app.back'), () => this.go(backTo), 'secondary', { 'data-fk': 'err-back' }) : null,
      backTo && !retry ? button(t('app.backToCart'), () => this.go(backTo), 'primary', { class: 'btn btn-primary wide', 'data-fk': 'err-back' }) : null,
      retry ? button(t('app.retry'), () => void retry(), 'primary', { class: 'btn btn-primary wide', 'data-fk': 'retry' }) : null);
    show(this.shell, body, bar, { name: 'error', focus: true });
  }
}

