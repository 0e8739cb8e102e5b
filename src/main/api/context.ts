import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/contract';
import type { Locale } from '../../shared/i18n/locales';
import type { CrmDb } from '../db/open';

/** What a handler knows about the call: the book, who asks, in which language, through which door. */
export interface ApiContext {
  db: CrmDb;
  locale: Locale;
  actor: string | null;
  /** ui (IPC or web mode), cli, ... : recorded in the audit history. */
  origin: string;
}

export type Handler<M extends MethodName> = (
  input: z.output<Contract[M]['input']>,
  ctx: ApiContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerMap<M extends MethodName> = { [K in M]: Handler<K> };

export function writeOptions(ctx: ApiContext) {
  return { actor: ctx.actor, origin: ctx.origin };
}
