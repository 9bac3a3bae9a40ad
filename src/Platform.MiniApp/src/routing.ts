export type Route =
  | { kind: 'shop'; posId: number }
  | { kind: 'result'; posId: number; orderId: string; resultToken: string; outcome: 'success' | 'fail' | undefined; lang?: string }
  | { kind: 'unknown' };

/** `/m/{posId}/` → the shop; `/m/{posId}/result/{orderId}?t=…&outcome=…` → the result screen. */
export function parseRoute(pathname: string, search: string): Route {
  const result = /^\/m\/(\d+)\/result\/([^/?#]+)\/?$/.exec(pathname);
  const q = new URLSearchParams(search);
  if (result) {
    const outcome = q.get('outcome');
    return {
      kind: 'result',
      posId: Number(result[1]),
      orderId: decodeURIComponent(result[2]),
      resultToken: q.get('t') ?? '',
      outcome: outcome === 'success' || outcome === 'fail' ? outcome : undefined,
      lang: q.get('lang') ?? undefined,
    };
  }
  const shop = /^\/m\/(\d+)(?:\/|$)/.exec(pathname);
  if (shop) return { kind: 'shop', posId: Number(shop[1]) };
  return { kind: 'unknown' };
}

export function apiBase(posId: number): string {
  return `/m/${posId}/api`;
}
