import type { z } from 'zod';
import { activitiesMethods } from './activities';
import { dealsMethods } from './deals';
import { pipelinesMethods } from './pipelines';
import { automationsMethods } from './automations';
import { calendarMethods } from './calendar';
import { emailMethods } from './email';
import { templatesMethods } from './templates';
import { appMethods } from './app';
import { bulkMethods } from './bulk';
import { companiesMethods } from './companies';
import { contactsMethods } from './contacts';
import { customFieldsMethods } from './custom-fields';
import { duplicatesMethods } from './duplicates';
import type { Result } from './errors';
import type { EventName, EventPayload } from './events';
import { membersMethods } from './members';
import { searchMethods } from './search';
import { settingsMethods } from './settings';
import { syncMethods } from './sync';
import { tagsMethods } from './tags';
import { timelineMethods } from './timeline';
import { viewsMethods } from './views';
import { productsMethods } from './products';
import { quotesMethods } from './quotes';
import { invoicesMethods } from './invoices';
import { importMethods } from './import';
import { exportMethods } from './export';
import { backupMethods } from './backup';
import { ticketsMethods } from './tickets';
import { knowledgeBaseMethods } from './knowledge-base';
import { campaignsMethods } from './campaigns';
import { channelsMethods } from './channels';
import { reportsMethods } from './reports';
import { dashboardMethods } from './dashboard';
import { segmentsMethods } from './segments';
import { loyaltyMethods } from './loyalty';

export * from './activities';
export * from './import';
export * from './export';
export * from './backup';
export * from './reports';
export * from './dashboard';
export * from './segments';
export * from './loyalty';
export * from './deals';
export * from './pipelines';
export * from './automations';
export * from './calendar';
export * from './email';
export * from './templates';
export * from './app';
export * from './bulk';
export * from './common';
export * from './companies';
export * from './contacts';
export * from './custom-fields';
export * from './duplicates';
export * from './define';
export * from './errors';
export * from './events';
export * from './filters';
export * from './lists';
export * from './members';
export * from './tags';
export * from './timeline';
export * from './views';
export * from './parts';
export * from './search';
export * from './settings';
export * from './sync';
export * from './products';
export * from './quotes';
export * from './invoices';
export * from './tickets';
export * from './knowledge-base';
export * from './campaigns';
export * from './channels';

/** Every operation of the workspace. The IPC handlers, the HTTP routes, the preload and docs/api.md are all built from this. */
export const contract = {
  ...appMethods,
  ...contactsMethods,
  ...companiesMethods,
  ...searchMethods,
  ...membersMethods,
  ...tagsMethods,
  ...customFieldsMethods,
  ...viewsMethods,
  ...duplicatesMethods,
  ...timelineMethods,
  ...activitiesMethods,
  ...pipelinesMethods,
  ...dealsMethods,
  ...calendarMethods,
  ...templatesMethods,
  ...emailMethods,
  ...automationsMethods,
  ...settingsMethods,
  ...bulkMethods,
  ...productsMethods,
  ...quotesMethods,
  ...invoicesMethods,
  ...importMethods,
  ...exportMethods,
  ...backupMethods,
  ...reportsMethods,
  ...dashboardMethods,
  ...segmentsMethods,
  ...loyaltyMethods,
  ...syncMethods,
  ...ticketsMethods,
  ...knowledgeBaseMethods,
  ...campaignsMethods,
  ...channelsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
type VerbOf<M, D extends string> = M extends `${D}.${infer V}` ? V : never;

/** `window.crm` and the renderer's client: `crm.contacts.create(input)` resolves to a result envelope. */
export type CrmApi = {
  [D in DomainOf<MethodName>]: {
    [V in VerbOf<MethodName, D>]: (
      input: MethodInput<`${D}.${V}` & MethodName>,
    ) => Promise<Result<MethodOutput<`${D}.${V}` & MethodName>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Builds the nested `crm.<domain>.<verb>()` object from one generic `call`, for every door. */
export function buildApi(
  call: (method: MethodName, input: unknown) => Promise<Result<unknown>>,
  on: (event: EventName, listener: (payload: unknown) => void) => () => void,
): CrmApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [domain, verb] = name.split('.') as [string, string];
    (api[domain] ??= {})[verb] = (input: unknown) => call(name, input ?? {});
  }
  return Object.assign(api, { on }) as unknown as CrmApi;
}
