/**
 * A browser-like HTTP client for integration tests: keeps the session cookie and sends the
 * same-origin headers a browser would on state-changing requests.
 */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export class PortalClient {
  readonly baseUrl: string;
  cookie: string | null = null;
  /** Extra headers on every request (e.g. a hostile Origin in a CSRF test). */
  headers: Record<string, string> = {};

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...this.headers, ...headers };
    if (body !== undefined && typeof body !== 'string') h['content-type'] = 'application/json';
    if (typeof body === 'string') h['content-type'] ??= 'application/json';
    if (method !== 'GET' && !('origin' in h) && !('sec-fetch-site' in h)) h.origin = this.baseUrl;
    if (this.cookie && !('cookie' in h)) h.cookie = `session=${this.cookie}`;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
    if (setCookie) {
      const value = setCookie.slice('session='.length).split(';')[0] ?? '';
      this.cookie = value && !/Expires=Thu, 01 Jan 1970/i.test(setCookie) ? value : null;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // HTML or plain text: keep the raw string.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }
  delete<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /** Signs in with the demo password and fails loudly if that does not work. */
  async login(email: string, password = 'demo-portal-2026'): Promise<this> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200)
      throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

/** A signed-in client for a demo account. */
export async function signedIn(baseUrl: string, email: string): Promise<PortalClient> {
  return new PortalClient(baseUrl).login(email);
}
