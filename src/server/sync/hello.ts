import { MAX_CLOCK_SKEW_MS, PROTOCOL_VERSION, type HelloRequest, type HelloResponse } from '../../shared/sync/protocol';
import type { AuthContext, ServerContext } from '../context';
import { forbidden, SyncError } from '../errors';

export async function hello(ctx: ServerContext, auth: AuthContext, req: HelloRequest): Promise<HelloResponse> {
  if (req.deviceId !== auth.deviceId) throw forbidden('The device id does not match the access token.');
  const now = ctx.now();
  const [device] = await ctx.db.query<{ acked_seq: string }>(
    'UPDATE devices SET node_id = $2, schema_version = $3, last_seen_at = $4 WHERE id = $1 RETURNING acked_seq',
    [auth.deviceId, req.nodeId, req.schemaVersion, now],
  );
  if (req.schemaVersion < ctx.minSchemaVersion) {
    throw schemaTooOld(ctx.minSchemaVersion, req.schemaVersion);
  }
  const [ws] = await ctx.db.query<{ epoch: string; head_seq: string }>(
    'SELECT epoch, head_seq FROM workspaces WHERE id = $1',
    [auth.workspaceId],
  );
  if (!ws || !device) throw new SyncError('not_found', 'The workspace no longer exists.');
  return {
    protocolVersion: PROTOCOL_VERSION,
    epoch: ws.epoch,
    minSchemaVersion: ctx.minSchemaVersion,
    serverTime: now,
    clockSkewMs: now - req.clientTime,
    maxClockSkewMs: MAX_CLOCK_SKEW_MS,
    workspace: { id: auth.workspaceId, name: auth.workspaceName },
    userId: auth.userId,
    deviceId: auth.deviceId,
    role: auth.role,
    ackedSeq: Number(device.acked_seq),
    headSeq: Number(ws.head_seq),
  };
}

export function schemaTooOld(minSchemaVersion: number, schemaVersion: number | null): SyncError {
  return new SyncError('schema_too_old', 'This app is too old for the sync server: update it to sync again.', {
    minSchemaVersion,
    schemaVersion,
  });
}
