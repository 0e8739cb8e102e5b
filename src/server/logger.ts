import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Structured JSON lines on stdout (or `destination`), one per event. */
export function createLogger(level: LevelWithSilent = 'info', destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { service: 'crm-sync-server' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
