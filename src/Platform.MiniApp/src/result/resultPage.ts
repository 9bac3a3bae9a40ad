import { ApiClient } from '../api/client';
import type { OrderResult } from '../api/contract';
import { ApiError, humanMessage } from '../api/problems';
import { HostBridge } from '../host/bridge';
import { interceptExternalLinks, reportHeight } from '../host/layout';
import { chooseLocale, translator, type Locale } from '../i18n';
import { apiBase, type Route } from '../routing';
import { button, shopHeader, statusCard } from '../ui/components';
import { announce, h } from '../ui/dom';
import { applyAccent, getShell, setFullHeight, setLang, show } from '../ui/shell';
import { followStatus } from './follow';
import { viewForOrderStatus, type PaymentView } from './status';

type ResultRoute = Extract<Route, { kind: 'result' }>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Our successUrl / failUrl: `/m/{posId}/result/{orderId}?t=…&outcome=success|fail`, opened top-level
 * or in a frame, maybe without `?id`. Shows the order's live status from our API.
 */
export function startResultPage(route: ResultRoute): void {
  const shell = getShell();
  const bridge = new HostBridge();
  let hostLocale: Locale | undefined;
  let locale: Locale = chooseLocale(route.lang);
  let t = translator(locale);
  let last: OrderResult | null = null;
  let slow = false;
  let trouble = '';
  let stopHeight: (() => void) | null = null;
  let run = 0;
  setLang(locale);

  const api = new ApiClient(apiBase(route.posId), () => locale);

  if (bridge.embedded) {
    bridge.connect();
    interceptExternalLinks(document, (href) => bridge.link(href));
    stopHeight = reportHeight(shell.app, (px) => bridge.height(px));
    bridge.on({ dataUpdate: (init) => adoptHost(init.locale, init.fullHeight) });
    void bridge.waitForInit(2_000).then((init) => init && adoptHost(init.locale, init.fullHeight));
  }

  function adoptHost(l: Locale | undefined, fullHeight: boolean): void {
    hostLocale = l;
    setFullHeight(fullHeight);
    if (fullHeight) {
      stopHeight?.();
      stopHeight = null;
    }
    relocale();
    if (last) render(last);
  }

  function relocale(): void {
    locale = chooseLocale(route.lang, hostLocale, last?.locale);
    t = translator(locale);
    setLang(locale);
  }

  function render(r: OrderResult): void {
    const first = last === null;
    const previousView = shell.app.dataset.view;
    last = r;
    if (first) relocale();
    applyAccent(r.shop.brandColor);
    shell.top.replaceChildren(shopHeader(r.shop.displayName, r.shop.logoUrl));
    const view: PaymentView = viewForOrderStatus(r.status, route.outcome);
    const actions: Node[] = [];
    if (view === 'failed' && r.paymentUrl && /^https?:\/\//i.test(r.paymentUrl)) {
      actions.push(h('a', { class: 'btn btn-primary wide', href: r.paymentUrl, target: '_top', rel: 'noopener' }, t('result.tryAgain')));
    }
    if (!bridge.embedded) {
      // Opened top-level (Invoicebox sends the buyer here after paying): a way back to the shop, which then runs on its own.
      actions.push(h('a', { class: 'btn btn-secondary wide', href: `/m/${route.posId}/`, 'data-fk': 'back-to-shop' }, t('result.backToShop')));
    }
    const note = view === 'pending' && slow ? t('result.pendingLong') : trouble || undefined;
    const card = statusCard(view, t, locale, {
      number: r.number, amountKopecks: Math.round(r.amount * 100), paidAt: r.paidAt, note, actions,
      refundedKopecks: r.refunded ? Math.round(r.refunded * 100) : undefined,
    });
    show(shell, h('div', { class: 'result' }, card), null, { name: 'result', focus: false });
    shell.app.dataset.view = view;
    const title = card.querySelector('.screen-title')?.textContent ?? '';
    document.title = `${title} — ${r.shop.displayName}`;
    if (previousView !== view) announce(title);
  }

  function fail(message: string): void {
    if (!last) shell.top.replaceChildren(); // no shop to show: drop the header skeleton
    const body = h('section', { class: 'card status-card tone-bad', 'data-status': 'error' },
      h('div', { class: 'status-visual' }, h('span', { class: 'status-icon status-bad', 'aria-hidden': 'true' }, '!')),
      h('h2', { class: 'screen-title', tabindex: '-1' }, t('error.title')),
      h('p', { role: 'alert' }, message),
      h('div', { class: 'actions' }, button(t('app.retry'), () => void follow(), 'primary', { 'data-fk': 'retry' })));
    show(shell, body, null, { name: 'error', focus: false });
  }

  async function follow(): Promise<void> {
    const mine = ++run;
    trouble = '';
    const outcome = await followStatus<OrderResult>({
      fetch: (known, waitMs) => api.getResult(route.orderId, route.resultToken, waitMs ? { waitMs, known } : undefined),
      now: () => Date.now(),
      sleep,
    }, {
      stopped: () => mine !== run,
      onUpdate: (r) => {
        trouble = '';
        render(r);
      },
      onSlow: () => {
        slow = true;
        if (last) render(last);
      },
      onTrouble: (e) => {
        trouble = humanMessage(e, t);
        if (last) render(last);
        else fail(trouble);
      },
    });
    if (mine !== run) return;
    if (outcome.error) {
      const e = outcome.error;
      const linkBroken = e instanceof ApiError && (e.status === 403 || e.status === 404 || e.status === 401);
      fail(linkBroken && !e.code ? t('error.resultLinkInvalid') : humanMessage(e, t));
    } else if (!outcome.final && last) {
      // Gave up after a long wait: say we don't know rather than spin forever.
      render({ ...last, status: 'unknown' as OrderResult['status'] });
    }
  }

  if (!route.resultToken) {
    fail(t('error.resultLinkInvalid'));
    return;
  }
  void follow();
}

