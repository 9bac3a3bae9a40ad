import type {
  CreateOrderRequest, OrderAccepted, OrderResult, OrderState, Problem, Session, SessionRequest,
} from './contract';
import { ApiError } from './problems';
import type { Locale } from '../i18n';

export interface LongPoll {
  waitMs: number;
  known?: string;
}

interface RequestOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  query?: Record<string, string | number | undefined>;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The buyer API under /m/{posId}/api. No cookies are sent or expected (credentials: 'omit'):
 * third-party iframes in Safari and WebViews drop them; the session token travels as a header.
 */
export class ApiClient {
  private readonly fetchImpl: FetchLike;

  constructor(
    private readonly base: string,
    private readonly locale: () => Locale,
    fetchImpl?: FetchLike,
  ) {
    this.fetchImpl = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  createSession(body: SessionRequest): Promise<Session> {
    return this.request('POST', '/session', { body, timeoutMs: 15_000 });
  }

  createOrder(token: string, idempotencyKey: string, body: CreateOrderRequest): Promise<OrderAccepted> {
    return this.request('POST', '/orders', {
      body, token, headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: 20_000,
    });
  }

  getOrder(token: string, orderId: string, poll?: LongPoll): Promise<OrderState> {
    return this.request('GET', `/orders/${encodeURIComponent(orderId)}`, {
      token, timeoutMs: (poll?.waitMs ?? 0) + 10_000, query: { waitMs: poll?.waitMs, known: poll?.known },
    });
  }

  getResult(orderId: string, resultToken: string, poll?: LongPoll): Promise<OrderResult> {
    return this.request('GET', `/orders/${encodeURIComponent(orderId)}/result`, {
      timeoutMs: (poll?.waitMs ?? 0) + 10_000, query: { t: resultToken, waitMs: poll?.waitMs, known: poll?.known },
    });
  }

  private async request<T>(method: string, path: string, o: RequestOptions): Promise<T> {
    const query = Object.entries(o.query ?? {})
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const url = `${this.base}${path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': this.locale(),
      ...o.headers,
    };
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    if (o.token) headers.Authorization = `Bearer ${o.token}`;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      throw new ApiError(controller.signal.aborted ? 'timeout' : 'network', 0);
    } finally {
      clearTimeout(timer);
    }

    let payload: unknown = null;
    try {
      const textBody = await response.text();
      payload = textBody ? JSON.parse(textBody) : null;
    } catch {
      payload = null;
    }
    if (!response.ok) {
      const problem = payload && typeof payload === 'object' ? (payload as Problem) : null;
      throw new ApiError(problem ? 'problem' : 'http', response.status, problem);
    }
    if (payload === null || typeof payload !== 'object') throw new ApiError('http', response.status);
    return payload as T;
  }
}

/**
 * Holds the session token; a 401 means it expired, so open a new session and retry the call once.
 */
export class SessionKeeper {
  private current: Session | null = null;
  private opening: Promise<Session> | null = null;

  constructor(
    private readonly api: ApiClient,
    private request: SessionRequest,
  ) {}

  get session(): Session | null {
    return this.current;
  }

  /** Opens a session (again, e.g. for a different mode or locale). */
  open(request: SessionRequest = this.request): Promise<Session> {
    this.request = request;
    const p = this.api.createSession(request).then((s) => {
      if (this.opening === p) this.opening = null;
      this.current = s;
      return s;
    }, (e: unknown) => {
      if (this.opening === p) this.opening = null;
      throw e;
    });
    this.opening = p;
    return p;
  }

  async authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
    const session = this.current ?? (await (this.opening ?? this.open()));
    try {
      return await call(session.token);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      const renewed = await this.open();
      return call(renewed.token);
    }
  }
}
