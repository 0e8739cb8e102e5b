import type { ServerContext } from '../context';
import { SyncError } from '../errors';

/**
 * Sign-in throttling kept in the database, so it holds across instances and restarts. Every attempt
 * counts as a failure until the password proves right (then the keys are cleared), so parallel
 * guesses serialise on the row lock and cannot slip through together. After the free attempts, each
 * further one must wait 1 s, 2 s, 4 s … up to the maximum.
 */
export async function admitSigninAttempt(ctx: ServerContext, email: string, ip: string): Promise<void> {
  const now = ctx.now();
  const p = ctx.signin;
  const keys: [string, number][] = [
    [`ip|${ip}|${email}`, p.freeAttempts],
    [`email|${email}`, p.freeAttemptsPerEmail],
  ];
  for (const [key, free] of keys) {
    const rows = await ctx.db.query<{ failures: number }>(
      `INSERT INTO signin_attempts (key, failures, locked_until, updated_at) VALUES ($1, 1, $2, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = signin_attempts.failures + 1,
         locked_until = $2::bigint + CASE WHEN signin_attempts.failures + 1 <= $3::int THEN 0
           ELSE least($5::bigint, ($4::bigint * power(2, least(signin_attempts.failures + 1 - $3::int - 1, 40)))::bigint) END,
         updated_at = $2
       WHERE signin_attempts.locked_until <= $2
       RETURNING failures`,
      [key, now, free, p.baseDelayMs, p.maxDelayMs],
    );
    if (rows.length === 0) {
      const [row] = await ctx.db.query<{ locked_until: string | number }>(
        'SELECT locked_until FROM signin_attempts WHERE key = $1',
        [key],
      );
      const retryAfterMs = Math.max(1, Number(row?.locked_until ?? now) - now);
      ctx.log.warn({ event: 'signin_throttled', email, ip, retryAfterMs }, 'sign-in throttled');
      throw new SyncError('rate_limited', 'Too many sign-in attempts: wait before trying again.', { retryAfterMs });
    }
  }
}

export async function clearSigninAttempts(ctx: ServerContext, email: string, ip: string): Promise<void> {
  await ctx.db.query('DELETE FROM signin_attempts WHERE key = $1 OR key = $2', [`ip|${ip}|${email}`, `email|${email}`]);
}
