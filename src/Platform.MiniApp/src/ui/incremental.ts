import { h } from './dom';

export interface IncrementalOptions<T> {
  /** The list element the rendered items go into (a <ul>). */
  list: HTMLElement;
  render(item: T): HTMLElement;
  first: number;
  next: number;
  /** «Показать ещё» */
  moreLabel: string;
  /** «Показано 30 из 5 004» */
  progress(shown: number, total: number): string;
  /** After items were added by the button (for a live-region announcement). */
  onMore?(shown: number, total: number): void;
}

/**
 * Renders a long list a page at a time: the first page at once, the next one when the buyer scrolls
 * near the end (an IntersectionObserver on a sentinel) or presses the «Показать ещё» button, which
 * is always there while something is left: the keyboard and screen-reader way, and the fallback where
 * the observer is missing or never fires.
 *
 * The sentinel covers the last LOOKAHEAD_PX of the list instead of relying on `rootMargin`: inside a
 * cross-origin iframe the observer measures against the host page's viewport and ignores rootMargin,
 * and with fullHeight = false the host scrolls, not us.
 */
export class IncrementalList<T> {
  /** The list, its sentinel and its footer; put this into the page. */
  readonly el: HTMLElement;
  private items: readonly T[] = [];
  private shown = 0;
  private readonly sentinel: HTMLElement;
  private readonly footer: HTMLElement;
  private readonly status: HTMLElement;
  private readonly button: HTMLButtonElement;
  private observer: IntersectionObserver | null = null;

  constructor(private readonly o: IncrementalOptions<T>) {
    this.sentinel = h('div', { class: 'more-sentinel', 'aria-hidden': 'true' });
    this.status = h('p', { class: 'more-status muted small', id: `${o.list.id || 'list'}-progress` });
    this.button = h('button', {
      type: 'button', class: 'btn btn-secondary wide more', 'data-fk': 'more', 'aria-describedby': this.status.id,
      onclick: () => this.more(true),
    }, o.moreLabel);
    this.footer = h('div', { class: 'more-row' }, this.status, this.button);
    this.el = h('div', { class: 'incremental' }, o.list, this.sentinel, this.footer);
    if (typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && this.el.isConnected) this.more(false);
      });
    }
  }

  get total(): number {
    return this.items.length;
  }

  get count(): number {
    return this.shown;
  }

  /** A new set of items (another category or search): the first page of it, replacing what was shown. */
  reset(items: readonly T[]): void {
    this.items = items;
    this.shown = 0;
    this.o.list.replaceChildren();
    this.append(this.o.first);
  }

  /** The next page; `byButton` moves focus to its first item, so keyboard users carry on from there. */
  more(byButton: boolean): void {
    if (this.shown >= this.items.length) return;
    const firstNew = this.append(this.o.next);
    if (byButton) {
      firstNew?.focus();
      this.o.onMore?.(this.shown, this.items.length);
    }
  }

  /** Stops watching the scroll position (the screen is going away). */
  disconnect(): void {
    this.observer?.disconnect();
  }

  private append(n: number): HTMLElement | null {
    const end = Math.min(this.items.length, this.shown + n);
    const fragment = document.createDocumentFragment();
    let first: HTMLElement | null = null;
    for (let i = this.shown; i < end; i++) {
      const el = this.o.render(this.items[i]);
      first ??= el;
      fragment.appendChild(el);
    }
    this.o.list.appendChild(fragment);
    this.shown = end;
    const left = this.shown < this.items.length;
    this.footer.hidden = !left;
    this.sentinel.hidden = !left;
    this.status.textContent = left ? this.o.progress(this.shown, this.items.length) : '';
    // Observing again delivers the current state: if the sentinel is still in view after this page
    // (a tall viewport), the next page follows, until the viewport is filled.
    if (this.observer) {
      this.observer.unobserve(this.sentinel);
      if (left) this.observer.observe(this.sentinel);
    }
    return first;
  }
}
