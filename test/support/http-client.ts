export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The text of the newest email to an address that matches `pattern`: how fixtures follow an emailed link. */
export type Inbox = (recipientEmail: string, pattern: RegExp) => Promise<string | undefined>;

/** A tiny fetch wrapper for e2e tests: real HTTP to the app listening on loopback. */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
    readonly inbox?: Inbox,
  ) {}

  as(token: string | undefined): HttpClient {
    return new HttpClient(this.baseUrl, token, this.inbox);
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.token) (init.headers as Record<string, string>).authorization = `Bearer ${this.token}`;
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
