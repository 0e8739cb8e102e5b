const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC instant as the value of an `<input type="datetime-local">` in this computer's time zone. */
export function toLocalInput(ms: number | null | undefined): string {
  if (ms == null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The UTC instant of a datetime-local value (read in local time), or null when empty or invalid. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** An all-day date is stored as the UTC midnight of that calendar day. */
export function utcDay(local: Date): number {
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
}

/** The local calendar date ("2026-03-02") of a UTC-midnight all-day value. */
export function allDayString(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Today in this computer's time zone, as UTC instants: what the tasks inbox calls "today". */
export function localDayBounds(now = new Date()): { dayStart: number; dayEnd: number } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { dayStart: start.getTime(), dayEnd: end.getTime() };
}

/** The Intl locale of the UI language. */
export const intlLocale = (lng: string) => (lng.startsWith('es') ? 'es-ES' : 'en-US');
