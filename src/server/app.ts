import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import {
  acceptRequestSchema,
  conflictsQuerySchema,
  helloRequestSchema,
  inviteRequestSchema,
  LIVE_EVENT_NAME,
  MAX_BATCH_BYTES,
  pullQuerySchema,
  pushRequestSchema,
  refreshRequestSchema,
  revokeDeviceRequestSchema,
  signinRequestSchema,
  signupRequestSchema,
  snapshotQuerySchema,
  bootstrapQuerySchema,
  SYNC_PATHS,
} from '../shared/sync/protocol';
import * as accounts from './auth/accounts';
import { verifyAccessToken } from './auth/tokens';
import type { AuthContext, ServerContext } from './context';
import { invalid, SyncError, unauthorized } from './errors';
import { hello } from './sync/hello';
import { push } from './sync/push';
import { bootstrap, listConflicts, pull, snapshot } from './sync/read';

type Env = { Variables: { auth: AuthContext } };

export interface AppOptions {
  /** How often a live stream re-reads the head (for pushes served by other instances). */
  livePollMs?: number;
  /** Comment lines that keep idle live streams open through proxies. */
  liveHeartbeatMs?: number;
  /** Use X-Forwarded-For for the client address (behind a trusted reverse proxy only). */
  trustProxy?: boolean;
}

/** The HTTP surface of the sync server. Every handler is stateless: all it keeps is in the database. */
export function createApp(ctx: ServerContext, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  const livePollMs = options.livePollMs ?? 2000;
  const heartbeatMs = options.liveHeartbeatMs ?? 15_000;

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    ctx.log.info({
      event: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  app.onError((error, c) => {
    if (error instanceof SyncError) return c.json(error.toBody(), error.status as 400);
    ctx.log.error({ event: 'error', err: error, path: c.req.path }, 'request failed');
    return c.json(new SyncError('internal', 'The sync server failed: try again later.').toBody(), 500);
  });
  app.notFound((c) => c.json(new SyncError('not_found', 'No such endpoint.').toBody(), 404));

  const ip = (c: Context) => {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  const authenticate = async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw unauthorized('Send the access token as "Authorization: Bearer …".');
    const claims = await verifyAccessToken(ctx.secret, token, ctx.now());
    c.set('auth', await accounts.authContextOf(ctx, claims));
    await next();
  };

  app.get(SYNC_PATHS.health, async (c) => {
    await ctx.db.query('SELECT 1');
    return c.json({ ok: true, storage: ctx.db.kind, time: ctx.now() });
  });

  // --- accounts
  app.post(SYNC_PATHS.signup, async (c) =>
    c.json(await accounts.signup(ctx, await body(c, signupRequestSchema), ip(c)), 201),
  );
  app.post(SYNC_PATHS.signin, async (c) =>
    c.json(await accounts.signin(ctx, await body(c, signinRequestSchema), ip(c))),
  );
  app.post(SYNC_PATHS.refresh, async (c) => c.json(await accounts.refresh(ctx, await body(c, refreshRequestSchema))));
  app.post(SYNC_PATHS.accept, async (c) =>
    c.json(await accounts.accept(ctx, await body(c, acceptRequestSchema), ip(c))),
  );
  app.post(SYNC_PATHS.signout, authenticate, async (c) => {
    await accounts.signout(ctx, c.get('auth'));
    return c.json({ ok: true });
  });
  app.get(SYNC_PATHS.devices, authenticate, async (c) =>
    c.json({ devices: await accounts.listDevices(ctx, c.get('auth')) }),
  );
  app.post(SYNC_PATHS.revokeDevice, authenticate, async (c) => {
    const req = await body(c, revokeDeviceRequestSchema);
    await accounts.revokeDevice(ctx, c.get('auth'), req.deviceId);
    return c.json({ ok: true });
  });
  app.post(SYNC_PATHS.invitations, authenticate, async (c) =>
    c.json(await accounts.invite(ctx, c.get('auth'), await body(c, inviteRequestSchema)), 201),
  );

  // --- sync
  app.post(SYNC_PATHS.hello, authenticate, async (c) =>
    c.json(await hello(ctx, c.get('auth'), await body(c, helloRequestSchema))),
  );
  app.post(SYNC_PATHS.push, authenticate, async (c) =>
    c.json(await push(ctx, c.get('auth'), await body(c, pushRequestSchema))),
  );
  // Pages come as JSON text, built and measured against MAX_BATCH_BYTES as they are read.
  const page = (c: Context, text: string) => c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  app.get(SYNC_PATHS.pull, authenticate, async (c) =>
    page(c, await pull(ctx, c.get('auth'), query(c, pullQuerySchema))),
  );
  app.get(SYNC_PATHS.snapshot, authenticate, async (c) =>
    page(c, await snapshot(ctx, c.get('auth'), query(c, snapshotQuerySchema))),
  );
  app.get(SYNC_PATHS.bootstrap, authenticate, async (c) =>
    page(c, await bootstrap(ctx, c.get('auth'), query(c, bootstrapQuerySchema))),
  );
  app.get(SYNC_PATHS.conflicts, authenticate, async (c) =>
    c.json(await listConflicts(ctx, c.get('auth'), query(c, conflictsQuerySchema))),
  );
  app.get(SYNC_PATHS.live, authenticate, (c) => {
    const auth = c.get('auth');
    return streamSSE(c, async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      let sent = -1;
      let sentEpoch = '';
      let lastBeat = Date.now();
      while (!aborted.signal.aborted && !ctx.live.isClosed) {
        const [ws] = await ctx.db.query<{ epoch: string; head_seq: string }>(
          'SELECT epoch, head_seq FROM workspaces WHERE id = $1',
          [auth.workspaceId],
        );
        if (!ws) break;
        const head = Number(ws.head_seq);
        if (head !== sent || ws.epoch !== sentEpoch) {
          await stream.writeSSE({ event: LIVE_EVENT_NAME, data: JSON.stringify({ epoch: ws.epoch, headSeq: head }) });
          sent = head;
          sentEpoch = ws.epoch;
        } else if (Date.now() - lastBeat >= heartbeatMs) {
          await stream.write(': keep-alive\n\n');
          lastBeat = Date.now();
        }
        await ctx.live.wait(auth.workspaceId, Math.min(livePollMs, heartbeatMs), aborted.signal);
      }
    });
  });

  return app;
}

/** Bodies up to this size are read to the end before answering 413, so the client sees the answer. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BATCH_BYTES;

const tooLarge = () =>
  new SyncError('payload_too_large', 'The request is larger than 1 MB: send smaller batches.', {
    maxBytes: MAX_BATCH_BYTES,
  });

/**
 * The body as text, never keeping more than one batch in memory. An oversized body is read to the
 * end (up to a cap) and dropped: answering while the client is still sending would reset the
 * connection, and the client would see a network error instead of `payload_too_large`.
 */
async function readBody(c: Context): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > DRAIN_LIMIT_BYTES) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > DRAIN_LIMIT_BYTES) {
      await reader.cancel();
      break;
    }
    if (total <= MAX_BATCH_BYTES) chunks.push(value);
  }
  if (total > MAX_BATCH_BYTES) throw tooLarge();
  return Buffer.concat(chunks).toString('utf8');
}

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await readBody(c);
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  return parse(schema, raw);
}

function query<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parse(schema, c.req.query());
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw invalid('The request does not match the sync protocol.', {
      issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return result.data;
}
