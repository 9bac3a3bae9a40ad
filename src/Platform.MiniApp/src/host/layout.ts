/** Remembers the last height sent so the host only hears about real changes. */
export class HeightDeduper {
  private last = -1;

  /** The whole-pixel height to send, or null if it is unchanged (or nonsense). */
  next(rawHeight: number): number | null {
    const px = Math.ceil(rawHeight);
    if (!(px > 0) || px === this.last) return null;
    this.last = px;
    return px;
  }
}

/**
 * fullHeight = false: the host sizes the iframe to what we report (it may have scrolling="no"), so
 * watch the app's own box (not the viewport, which would feed back) and report every change.
 */
export function reportHeight(target: HTMLElement, send: (px: number) => void): () => void {
  const dedupe = new HeightDeduper();
  let frame = 0;
  const measure = () => {
    frame = 0;
    const px = dedupe.next(target.getBoundingClientRect().height);
    if (px !== null) send(px);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  measure();
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(schedule);
    ro.observe(target);
    return () => ro.disconnect();
  }
  const interval = setInterval(measure, 500);
  return () => clearInterval(interval);
}

/** http(s) URL on another origin than ours (mailto:, tel: and same-origin links are left alone). */
export function isExternalHref(href: string, ownOrigin: string): boolean {
  try {
    const url = new URL(href, ownOrigin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== ownOrigin;
  } catch {
    return false;
  }
}

/**
 * Clicks on links to other origins go through the host (`onLink`), which opens them like the parent
 * page would. When there is no host to ask, the link opens as usual (our external links carry
 * target=_blank rel=noopener).
 */
export function interceptExternalLinks(doc: Document, openViaHost: (href: string) => boolean): void {
  doc.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!anchor || !isExternalHref(anchor.href, doc.location.origin)) return;
    if (openViaHost(anchor.href)) event.preventDefault();
  });
}
