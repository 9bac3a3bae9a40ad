import { invoiceboxMinapp } from '@invoicebox/minapp-sdk';
import { normalizeInit, type HostInit } from './initData';
import { parseHostMessage } from './messages';
import { viewForPaymentResult, type PaymentView } from '../result/status';

export interface HostHandlers {
  /** `paymentResult` (SDK alpha.22+ / protocol v2). */
  paymentResult?: (view: PaymentView) => void;
  /** `updateData` (protocol v2), or a repeated `init` (v4 treats it as a silent data refresh). */
  dataUpdate?: (init: HostInit) => void;
}

type WindowWithWebView = Window & { ReactNativeWebView?: { postMessage(message: string): void } };

/**
 * The only place that talks to the Invoicebox host. Wraps SDK v4 (alpha.20), whose senders throw
 * when disconnected: every sender here is guarded and reports whether it sent anything. When the
 * page is top-level (a preview, or the result page opened by a redirect) nothing is sent at all.
 */
export class HostBridge {
  readonly channelId: string | null;
  /** In an iframe or a React Native WebView, i.e. there is a host that can hear us. */
  readonly embedded: boolean;
  private handlers: HostHandlers = {};
  private firstInit: ((init: HostInit) => void) | null = null;

  constructor(private readonly win: WindowWithWebView = window) {
    this.channelId = new URL(win.location.href).searchParams.get('id');
    let framed = true;
    try {
      framed = win.parent !== win;
    } catch {
      framed = true;
    }
    this.embedded = framed || typeof win.ReactNativeWebView?.postMessage === 'function';
  }

  /** Connects the SDK (which posts `init`) and our own listener for the messages v4 does not know. */
  connect(): void {
    this.win.addEventListener('message', this.onMessage);
    try {
      if (!invoiceboxMinapp.isConnected()) invoiceboxMinapp.connect();
    } catch {
      // Already connected: nothing to do.
    }
  }

  /**
   * The host's init data, or null when none came within `timeoutMs` (v4 itself waits forever).
   * A page opened top-level without `?id` is a preview: no host will answer, so don't wait at all.
   */
  waitForInit(timeoutMs: number): Promise<HostInit | null> {
    if (!this.embedded && this.channelId === null) return Promise.resolve(null);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (init: HostInit | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.firstInit = null;
        resolve(init);
      };
      const timer = setTimeout(() => finish(null), timeoutMs);
      this.firstInit = (init) => finish(init);
      invoiceboxMinapp.getInitialData().then(
        (data) => {
          const init = normalizeInit(data);
          if (init) finish(init);
        },
        () => undefined,
      );
    });
  }

  on(handlers: HostHandlers): void {
    this.handlers = handlers;
  }

  private readonly onMessage = (event: MessageEvent): void => {
    // The host is our parent (iframe) or ourselves (a WebView injects window.postMessage).
    if (event.source !== null && event.source !== this.win.parent && event.source !== this.win) return;
    const message = parseHostMessage(event.data, this.channelId);
    if (!message) return;
    if (message.action === 'paymentResult') {
      const view = viewForPaymentResult(message.data);
      if (view) this.handlers.paymentResult?.(view);
    } else if (message.action === 'updateData' || message.action === 'init') {
      const init = normalizeInit(message.data);
      if (!init) return;
      // While waiting, the first init wins (ours or the SDK's promise, whichever is first); after that,
      // every init/updateData is a refresh, including an init that comes after we stopped waiting.
      if (this.firstInit) this.firstInit(init);
      else this.handlers.dataUpdate?.(init);
    }
  };

  private send(fn: () => void): boolean {
    if (!this.embedded || !invoiceboxMinapp.isConnected()) return false;
    try {
      fn();
      return true;
    } catch {
      return false;
    }
  }

  height(px: number): boolean {
    return this.send(() => invoiceboxMinapp.onHeightChange(px));
  }

  done(paymentUrl: string): boolean {
    return this.send(() => invoiceboxMinapp.onDone(paymentUrl));
  }

  error(message: string): boolean {
    return this.send(() => invoiceboxMinapp.onError(message));
  }

  link(href: string): boolean {
    return this.send(() => invoiceboxMinapp.onLink(href));
  }

  unavailable(): boolean {
    return this.send(() => invoiceboxMinapp.onUnavailable());
  }
}
