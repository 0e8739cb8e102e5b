import { useSyncExternalStore } from 'react';
import type { CustomField, FieldInfo, Member, Tag } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { ENTITY_API } from './entity-api';
import type { RecordEntity } from './types';

/**
 * A value every list screen reads (members, tags, field catalogue...): loaded once, shared by
 * all components, and re-read when a `changes` event names one of its tables. Failures leave the
 * last good value in place; the lists still work without a label here and there.
 */
function cachedResource<T>(load: () => Promise<T>, tables: string[]) {
  let value: T | undefined;
  let loading: Promise<void> | null = null;
  let stale = true;
  const subscribers = new Set<() => void>();
  let off: (() => void) | null = null;

  function reload(): void {
    stale = false;
    loading ??= load()
      .then((next) => {
        value = next;
        for (const notify of subscribers) notify();
      })
      .catch((error: unknown) => console.warn('list lookup failed', error))
      .finally(() => {
        loading = null;
        if (stale) reload();
      });
  }

  function subscribe(notify: () => void): () => void {
    subscribers.add(notify);
    if (!off) {
      off = api.on('changes', (payload) => {
        if (payload.entity !== '*' && !tables.includes(payload.entity)) return;
        stale = true;
        if (!loading) reload();
      });
    }
    if (value === undefined || stale) reload();
    return () => {
      subscribers.delete(notify);
      if (subscribers.size === 0 && off) {
        off();
        off = null;
        // Changes are not heard while nobody watches: read again on the next visit.
        stale = true;
      }
    };
  }

  return function useResource(): T | undefined {
    return useSyncExternalStore(subscribe, () => value);
  };
}

export const useMembers = cachedResource(
  async (): Promise<Member[]> => (await unwrap(api.members.list({ includeInactive: true }))).items,
  ['members'],
);

export const useTags = cachedResource(async (): Promise<Tag[]> => (await unwrap(api.tags.list({}))).items, ['tags']);

/** The workspace currency for money columns (companies' annual revenue). */
export const useBaseCurrency = cachedResource(
  async (): Promise<string> => (await unwrap(api.settings.get({}))).baseCurrency,
  ['settings'],
);

const FIELD_TABLES = ['custom_field_defs'];

const fieldResources = {
  contacts: cachedResource(async () => (await unwrap(ENTITY_API.contacts.fields())).items, FIELD_TABLES),
  companies: cachedResource(async () => (await unwrap(ENTITY_API.companies.fields())).items, FIELD_TABLES),
  deals: cachedResource(async () => (await unwrap(ENTITY_API.deals.fields())).items, FIELD_TABLES),
};

const customResources = {
  contacts: cachedResource(
    async () => (await unwrap(api.customFields.list({ entity: 'contacts' }))).items,
    FIELD_TABLES,
  ),
  companies: cachedResource(
    async () => (await unwrap(api.customFields.list({ entity: 'companies' }))).items,
    FIELD_TABLES,
  ),
  deals: cachedResource(async () => (await unwrap(api.customFields.list({ entity: 'deals' }))).items, FIELD_TABLES),
};

/** What a list can show, filter and sort on (custom fields included). */
export function useFieldCatalog(entity: RecordEntity): FieldInfo[] | undefined {
  return fieldResources[entity]();
}

/** The custom field definitions: their type and option labels, which the catalogue does not carry. */
export function useCustomFields(entity: RecordEntity): CustomField[] | undefined {
  return customResources[entity]();
}
