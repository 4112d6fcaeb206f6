import { DEMO_PASSWORD } from '@app/database';

export const DEMO = {
  admin: 'admin@committee.example',
  expert: 'expert@committee.example',
  coordinator: 'coordinator@nctc.mn.example',
  customs: 'officer@customs.mn.example',
  nec: 'officer@nec.mn.example',
  gasi: 'officer@gasi.mn.example',
  bafa: 'donor@bafa.example',
  exbs: 'donor@exbs.example',
  wco: 'donor@wco.example',
  osce: 'donor@osce.example',
  unoda: 'donor@unoda.example',
  japan: 'donor@japan.example',
} as const;
export type DemoUserKey = keyof typeof DEMO;

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small API client over fetch, as a non-browser client would use the API (bearer token). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  /** Signs in as a demo user (`who` a key of DEMO, e.g. `admin`) or by e-mail. */
  static async as(baseUrl: string, who: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const email = who in DEMO ? DEMO[who as DemoUserKey] : who;
    const client = new ApiClient(baseUrl);
    const res = await client.post('/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    client.token = res.body.token;
    return client;
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (CSV, HTML)
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** A binary answer (a document's content) as bytes. */
  async bytes(url: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${url}`, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  /** The bearer header of this client, for requests made without it (raw uploads). */
  authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  get<T = any>(url: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', url, body);
  }
}
