import { jwtVerify, SignJWT } from 'jose';
import { ACCESS_TOKEN_TTL_SECONDS, type Role } from '../../shared/sync/protocol';
import { unauthorized } from '../errors';

const ISSUER = 'crm-sync-server';
const AUDIENCE = 'crm-sync';

export interface AccessClaims {
  userId: string;
  workspaceId: string;
  deviceId: string;
  role: Role;
}

export async function signAccessToken(
  secret: Uint8Array,
  claims: AccessClaims,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ wid: claims.workspaceId, did: claims.deviceId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token, expiresAt: exp * 1000 };
}

export async function verifyAccessToken(secret: Uint8Array, token: string, now: number): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(now),
    });
    const { sub, wid, did, role } = payload;
    if (typeof sub !== 'string' || typeof wid !== 'string' || typeof did !== 'string' || typeof role !== 'string') {
      throw unauthorized();
    }
    return { userId: sub, workspaceId: wid, deviceId: did, role: role as Role };
  } catch {
    throw unauthorized('The access token is missing, invalid or expired: refresh it.');
  }
}
