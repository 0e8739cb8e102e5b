/**
 * Crash tests name a point of the sync round in CRM_FAILPOINT; reaching it kills the process on the
 * spot (SIGKILL: no cleanup, no flush), as a power cut or a killed app would.
 */
export type FailpointName = 'after-apply-before-cursor' | 'after-push-before-trim';

export function failpoint(name: FailpointName): void {
  if (process.env.CRM_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
