/** "1990-02-04" as a local date (Date.parse would read it as UTC midnight and shift it a day west of Greenwich). */
export function localDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Whole years since an ISO birthday. */
export function ageOn(iso: string, now = new Date()): number | null {
  const d = localDate(iso);
  if (!d) return null;
  let age = now.getFullYear() - d.getFullYear();
  if (now.getMonth() < d.getMonth() || (now.getMonth() === d.getMonth() && now.getDate() < d.getDate())) age -= 1;
  return age;
}
