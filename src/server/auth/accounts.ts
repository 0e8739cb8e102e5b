import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { inviteRequestSchema } from '../../shared/sync/protocol';
import type {
  AcceptRequest,
  Device,
  InviteResponse,
  RefreshRequest,
  Role,
  Session,
  SigninRequest,
  SignupRequest,
} from '../../shared/sync/protocol';
import type { AuthContext, ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { forbidden, invalid, SyncError, unauthorized } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { admitSigninAttempt, clearSigninAttempts } from './rate-limit';
import { hashToken, randomToken } from './secrets';
import { signAccessToken } from './tokens';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
}
interface MembershipRow {
  workspace_id: string;
  name: string;
  role: Role;
}

export async function signup(ctx: ServerContext, req: SignupRequest, ip: string): Promise<Session> {
  const existing = await userByEmail(ctx.db, req.email);
  // An existing user may create another workspace, but only with their own password.
  if (existing) await checkPassword(ctx, existing, req.email, req.password, ip);
  const passwordHash = existing ? null : await hashPassword(req.password);
  const now = ctx.now();
  const created = await ctx.db.transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      userId = uuidv7();
      const inserted = await tx.query(
        'INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id',
        [userId, req.email, req.name ?? null, passwordHash, now],
      );
      if (inserted.length === 0) throw new SyncError('conflict', 'This email was just registered: sign in instead.');
    }
    const workspaceId = uuidv7();
    await tx.query('INSERT INTO workspaces (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [
      workspaceId,
      req.workspaceName,
      uuidv7(),
      now,
    ]);
    await tx.query('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)', [
      workspaceId,
      userId,
      'owner',
      now,
    ]);
    const device = await enrolDevice(tx, workspaceId, userId, req.deviceName, now);
    return { userId, workspaceId, ...device };
  });
  ctx.log.info({ event: 'signup', userId: created.userId, workspaceId: created.workspaceId }, 'workspace created');
  return session(ctx, created.userId, created.workspaceId, created.deviceId, created.refreshToken);
}

export async function signin(ctx: ServerContext, req: SigninRequest, ip: string): Promise<Session> {
  const user = await userByEmail(ctx.db, req.email);
  await checkPassword(ctx, user, req.email, req.password, ip);
  if (!user) throw unauthorized(); // unreachable: checkPassword refused already
  const memberships = await membershipsOf(ctx.db, user.id);
  const chosen = req.workspaceId ? memberships.find((m) => m.workspace_id === req.workspaceId) : memberships[0];
  if (!chosen) throw forbidden('This account is not a member of that workspace.');
  const now = ctx.now();
  const device = await ctx.db.transaction((tx) => enrolDevice(tx, chosen.workspace_id, user.id, req.deviceName, now));
  ctx.log.info({ event: 'signin', userId: user.id, workspaceId: chosen.workspace_id, deviceId: device.deviceId });
  return session(ctx, user.id, chosen.workspace_id, device.deviceId, device.refreshToken);
}

export async function refresh(ctx: ServerContext, req: RefreshRequest): Promise<Session> {
  const [device] = await ctx.db.query<{ id: string; user_id: string; workspace_id: string; revoked_at: string | null }>(
    'SELECT id, user_id, workspace_id, revoked_at FROM devices WHERE refresh_token_hash = $1',
    [hashToken(req.refreshToken)],
  );
  if (!device || device.revoked_at !== null)
    throw unauthorized('This device was signed out or revoked: sign in again.');
  await ctx.db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [device.id, ctx.now()]);
  return session(ctx, device.user_id, device.workspace_id, device.id);
}

export async function signout(ctx: ServerContext, auth: AuthContext): Promise<void> {
  await ctx.db.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
    auth.deviceId,
    ctx.now(),
  ]);
  ctx.log.info({ event: 'signout', deviceId: auth.deviceId, workspaceId: auth.workspaceId });
}

/** Anyone revokes their own devices; owners and admins revoke any device of their workspace. */
export async function revokeDevice(ctx: ServerContext, auth: AuthContext, deviceId: string): Promise<void> {
  const [device] = await ctx.db.query<{ user_id: string }>(
    'SELECT user_id FROM devices WHERE id = $1 AND workspace_id = $2',
    [deviceId, auth.workspaceId],
  );
  if (!device) throw new SyncError('not_found', 'No such device in this workspace.');
  if (device.user_id !== auth.userId && !isManager(auth.role)) {
    throw forbidden('Only owners and admins can revoke the devices of other members.');
  }
  await ctx.db.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [deviceId, ctx.now()]);
  ctx.log.info({ event: 'device_revoked', deviceId, by: auth.userId, workspaceId: auth.workspaceId });
}

/** Owners and admins see every device of the workspace; members see their own. */
export async function listDevices(ctx: ServerContext, auth: AuthContext): Promise<Device[]> {
  const rows = await ctx.db.query<{
    id: string;
    name: string;
    user_id: string;
    email: string;
    node_id: string | null;
    created_at: string;
    last_seen_at: string | null;
    revoked_at: string | null;
    acked_seq: string;
  }>(
    `SELECT d.id, d.name, d.user_id, u.email, d.node_id, d.created_at, d.last_seen_at, d.revoked_at, d.acked_seq
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE d.workspace_id = $1 AND ($2 OR d.user_id = $3)
      ORDER BY d.created_at, d.id`,
    [auth.workspaceId, isManager(auth.role), auth.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    userEmail: r.email,
    nodeId: r.node_id,
    createdAt: Number(r.created_at),
    lastSeenAt: r.last_seen_at === null ? null : Number(r.last_seen_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    ackedSeq: Number(r.acked_seq),
  }));
}

export async function invite(
  ctx: ServerContext,
  auth: AuthContext,
  req: z.output<typeof inviteRequestSchema>,
): Promise<InviteResponse> {
  if (!isManager(auth.role)) throw forbidden('Only owners and admins can invite people.');
  if (req.role === 'owner' && auth.role !== 'owner') throw forbidden('Only an owner can invite another owner.');
  const token = randomToken();
  const id = uuidv7();
  const now = ctx.now();
  const expiresAt = now + INVITATION_TTL_MS;
  await ctx.db.query(
    `INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, auth.workspaceId, req.email, req.role, hashToken(token), auth.userId, now, expiresAt],
  );
  ctx.log.info({ event: 'invitation', invitationId: id, workspaceId: auth.workspaceId, role: req.role });
  return { invitationId: id, token, expiresAt };
}

export async function accept(ctx: ServerContext, req: AcceptRequest, ip: string): Promise<Session> {
  const now = ctx.now();
  const [invitation] = await ctx.db.query<{
    id: string;
    workspace_id: string;
    email: string;
    role: Role;
    expires_at: string;
    accepted_at: string | null;
  }>('SELECT id, workspace_id, email, role, expires_at, accepted_at FROM invitations WHERE token_hash = $1', [
    hashToken(req.token),
  ]);
  if (!invitation || Number(invitation.expires_at) < now) {
    throw new SyncError('not_found', 'This invitation does not exist or has expired.');
  }
  if (invitation.accepted_at !== null) throw new SyncError('conflict', 'This invitation was already used.');
  if (invitation.email !== req.email) throw forbidden('This invitation was sent to another email address.');

  const existing = await userByEmail(ctx.db, req.email);
  if (existing) await checkPassword(ctx, existing, req.email, req.password, ip);
  else if (req.password.length < 8) throw invalid('The password needs at least 8 characters.');
  const passwordHash = existing ? null : await hashPassword(req.password);

  const joined = await ctx.db.transaction(async (tx) => {
    const used = await tx.query(
      'UPDATE invitations SET accepted_at = $2 WHERE id = $1 AND accepted_at IS NULL RETURNING id',
      [invitation.id, now],
    );
    if (used.length === 0) throw new SyncError('conflict', 'This invitation was already used.');
    let userId = existing?.id;
    if (!userId) {
      userId = uuidv7();
      const inserted = await tx.query(
        'INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id',
        [userId, req.email, req.name ?? null, passwordHash, now],
      );
      if (inserted.length === 0) throw new SyncError('conflict', 'This email was just registered: try again.');
    }
    await tx.query('UPDATE invitations SET accepted_by = $2 WHERE id = $1', [invitation.id, userId]);
    await tx.query(
      `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, user_id) DO NOTHING`,
      [invitation.workspace_id, userId, invitation.role, now],
    );
    const device = await enrolDevice(tx, invitation.workspace_id, userId, req.deviceName, now);
    return { userId, ...device };
  });
  ctx.log.info({ event: 'invitation_accepted', invitationId: invitation.id, userId: joined.userId });
  return session(ctx, joined.userId, invitation.workspace_id, joined.deviceId, joined.refreshToken);
}

// ---------------------------------------------------------------------------------------------

function isManager(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

async function userByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [user] = await db.query<UserRow>('SELECT id, email, password_hash FROM users WHERE email = $1', [email]);
  return user;
}

async function membershipsOf(db: Queryable, userId: string): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    `SELECT m.workspace_id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
      WHERE m.user_id = $1 ORDER BY m.created_at, m.workspace_id`,
    [userId],
  );
}

/** Throttled password check: a wrong password (or unknown email) is `unauthorized`, too many is `rate_limited`. */
async function checkPassword(
  ctx: ServerContext,
  user: UserRow | undefined,
  email: string,
  password: string,
  ip: string,
): Promise<void> {
  await admitSigninAttempt(ctx, email, ip);
  if (!(await verifyPassword(user?.password_hash, password))) {
    ctx.log.warn({ event: 'signin_failed', email, ip }, 'wrong email or password');
    throw unauthorized('Wrong email or password.');
  }
  await clearSigninAttempts(ctx, email, ip);
}

async function enrolDevice(
  tx: Queryable,
  workspaceId: string,
  userId: string,
  name: string,
  now: number,
): Promise<{ deviceId: string; refreshToken: string }> {
  const deviceId = uuidv7();
  const refreshToken = randomToken();
  await tx.query(
    `INSERT INTO devices (id, workspace_id, user_id, name, refresh_token_hash, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [deviceId, workspaceId, userId, name, hashToken(refreshToken), now],
  );
  return { deviceId, refreshToken };
}

async function session(
  ctx: ServerContext,
  userId: string,
  workspaceId: string,
  deviceId: string,
  refreshToken?: string,
): Promise<Session> {
  const memberships = await membershipsOf(ctx.db, userId);
  const current = memberships.find((m) => m.workspace_id === workspaceId);
  if (!current) throw unauthorized('This account is no longer a member of the workspace.');
  const access = await signAccessToken(ctx.secret, { userId, workspaceId, deviceId, role: current.role }, ctx.now());
  return {
    userId,
    workspaceId,
    workspaceName: current.name,
    deviceId,
    role: current.role,
    accessToken: access.token,
    accessExpiresAt: access.expiresAt,
    ...(refreshToken ? { refreshToken } : {}),
    workspaces: memberships.map((m) => ({ id: m.workspace_id, name: m.name, role: m.role })),
  };
}

/** The caller of a sync request, from the verified token plus the devices table (revocation, role). */
export async function authContextOf(
  ctx: ServerContext,
  claims: { userId: string; workspaceId: string; deviceId: string },
): Promise<AuthContext> {
  const [row] = await ctx.db.query<{
    workspace_id: string;
    user_id: string;
    revoked_at: string | null;
    schema_version: number | null;
    role: Role | null;
    name: string;
  }>(
    `SELECT d.workspace_id, d.user_id, d.revoked_at, d.schema_version, m.role, w.name
       FROM devices d
       JOIN workspaces w ON w.id = d.workspace_id
       LEFT JOIN memberships m ON m.workspace_id = d.workspace_id AND m.user_id = d.user_id
      WHERE d.id = $1`,
    [claims.deviceId],
  );
  if (!row || row.workspace_id !== claims.workspaceId || row.user_id !== claims.userId) throw unauthorized();
  if (row.revoked_at !== null) throw unauthorized('This device was signed out or revoked: sign in again.');
  if (!row.role) throw unauthorized('This account is no longer a member of the workspace.');
  return {
    userId: row.user_id,
    workspaceId: row.workspace_id,
    workspaceName: row.name,
    deviceId: claims.deviceId,
    role: row.role,
    schemaVersion: row.schema_version,
  };
}
