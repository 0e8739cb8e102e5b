/** i18next's `t` for keys built at run time (`sync.reason.<code>`), which its typed keys cannot name. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function dynamic(t: unknown): Translate {
  return t as Translate;
}
