import type { z } from 'zod';
import {
  SYNC_PATHS,
  bootstrapResponseSchema,
  conflictsResponseSchema,
  errorBodySchema,
  helloResponseSchema,
  inviteResponseSchema,
  listDevicesResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  sessionSchema,
  snapshotResponseSchema,
  parseBootstrapRows,
  type AcceptRequest,
  type BootstrapResponse,
  type Cursor,
  type HelloRequest,
  type InviteRequest,
  type PushRequest,
  type Session,
  type SigninRequest,
  type SignupRequest,
  type SyncErrorCode,
} from '../../shared/sync/protocol';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A refusal by the server (a non-2xx answer with the protocol's error body). */
export class SyncRemoteError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SyncRemoteError';
  }
}

/** The server could not be reached (or its answer was lost): the device is offline for now. */
export class SyncOfflineError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SyncOfflineError';
  }
}

/** Typed calls of the sync protocol over HTTP. `fetch` is injectable (tests put a lossy network shim there). */
export class SyncHttp {
  readonly base: string;

  constructor(
    base: string,
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
  ) {
    this.base = normaliseServerUrl(base);
  }

  signup(body: SignupRequest): Promise<Session> {
    return this.call('POST', SYNC_PATHS.signup, sessionSchema, { body });
  }
  signin(body: SigninRequest): Promise<Session> {
    return this.call('POST', SYNC_PATHS.signin, sessionSchema, { body });
  }
  accept(body: AcceptRequest): Promise<Session> {
    return this.call('POST', SYNC_PATHS.accept, sessionSchema, { body });
  }
  refresh(refreshToken: string): Promise<Session> {
    return this.call('POST', SYNC_PATHS.refresh, sessionSchema, { body: { refreshToken } });
  }
  async signout(token: string): Promise<void> {
    await this.call('POST', SYNC_PATHS.signout, null, { body: {}, token });
  }
  /** Every device of the workspace (with whose it is and whether it was revoked). */
  async devices(token: string) {
    return (await this.call('GET', SYNC_PATHS.devices, listDevicesResponseSchema, { token })).devices;
  }
  async revokeDevice(token: string, deviceId: string): Promise<void> {
    await this.call('POST', SYNC_PATHS.revokeDevice, null, { body: { deviceId }, token });
  }
  invite(token: string, body: InviteRequest) {
    return this.call('POST', SYNC_PATHS.invitations, inviteResponseSchema, { body, token });
  }
  hello(token: string, body: HelloRequest) {
    return this.call('POST', SYNC_PATHS.hello, helloResponseSchema, { body, token });
  }
  push(token: string, body: PushRequest) {
    return this.call('POST', SYNC_PATHS.push, pushResponseSchema, { body, token });
  }
  pull(token: string, cursor: Cursor, limit: number) {
    return this.call('GET', SYNC_PATHS.pull, pullResponseSchema, {
      token,
      query: { epoch: cursor.epoch, after: String(cursor.serverSeq), limit: String(limit) },
    });
  }
  snapshot(token: string, page: { after?: string | null; at?: number; limit: number }) {
    const query: Record<string, string> = { limit: String(page.limit) };
    if (page.after) query.after = page.after;
    if (page.at !== undefined) query.at = String(page.at);
    return this.call('GET', SYNC_PATHS.snapshot, snapshotResponseSchema, { token, query });
  }
  /** A page of whole rows for a new device (see GET /v1/bootstrap). */
  async bootstrap(
    token: string,
    page: { after?: string | null; at?: number; epoch?: string; limit: number },
  ): Promise<BootstrapResponse> {
    // Rows stamped once where they can be (protocol 2); a server of protocol 1 ignores the
    // parameter and sends a stamp per cell, which reads the same.
    const query: Record<string, string> = { limit: String(page.limit), stamps: 'row' };
    if (page.after) query.after = page.after;
    if (page.at !== undefined) query.at = String(page.at);
    if (page.epoch !== undefined) query.epoch = page.epoch;
    const body = await this.call('GET', SYNC_PATHS.bootstrap, bootstrapResponseSchema, { token, query });
    const rows = parseBootstrapRows(body.rows);
    if (!rows) throw new SyncRemoteError('invalid', 'The server answered something this app does not understand.', 502);
    return { ...body, rows };
  }
  conflicts(token: string, after: number) {
    return this.call('GET', SYNC_PATHS.conflicts, conflictsResponseSchema, {
      token,
      query: { after: String(after), limit: '1000' },
    });
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S | null,
    options: { body?: unknown; token?: string; query?: Record<string, string> },
  ): Promise<z.output<S>> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchFn(url.toString(), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      text = await response.text();
    } catch (error) {
      throw new SyncOfflineError(error);
    }
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const e = parsed.data.error;
        throw new SyncRemoteError(e.code, e.message, response.status, e.details);
      }
      // A proxy's page or a server that is not ours: unavailable rather than a protocol refusal.
      if (response.status >= 500) throw new SyncOfflineError(`HTTP ${response.status}`);
      throw new SyncRemoteError('internal', `HTTP ${response.status}`, response.status);
    }
    if (schema === null) return undefined as z.output<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new SyncRemoteError('invalid', 'The server answered something this app does not understand.', 502);
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** `sync.example.com` → `https://sync.example.com`, without a trailing slash. */
export function normaliseServerUrl(input: string): string {
  let url = input.trim();
  if (!/^https?:\/\//i.test(url)) url = `${/^(localhost|127\.|\[::1\])/i.test(url) ? 'http' : 'https'}://${url}`;
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}
