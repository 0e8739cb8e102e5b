import type { Company, Contact, Deal, FieldInfo, Result } from '../../../shared/contract';
import type { LifecycleStage } from '../../../shared/domain/contact';
import { api } from '../../lib/api';
import type { ListFilterInput, RecordEntity } from './types';

export interface PageInput extends ListFilterInput {
  cursor?: string;
  limit?: number;
}

/** The fields every bulk action may change on a record. */
export interface BulkPatch {
  ownerId?: string | null;
  lifecycleStage?: LifecycleStage | null;
}

interface EntityApi {
  list(input: PageInput): Promise<Result<{ items: (Contact | Company | Deal)[]; nextCursor: string | null }>>;
  count(input: Omit<ListFilterInput, 'sort'>): Promise<Result<{ count: number }>>;
  fields(): Promise<Result<{ items: FieldInfo[] }>>;
  /** Bulk actions: one call, one transaction, all records or none. */
  update(ids: string[], patch: BulkPatch): Promise<Result<{ changed: number }>>;
  remove(ids: string[]): Promise<Result<{ changed: number }>>;
  restore(ids: string[]): Promise<Result<{ changed: number }>>;
}

/** One door per list entity, so the table, filters and bulk actions are written once. */
export const ENTITY_API: Record<RecordEntity, EntityApi> = {
  contacts: {
    list: (input) => api.contacts.list(input),
    count: (input) => api.contacts.count(input),
    fields: () => api.contacts.fields({}),
    update: (ids, patch) => api.contacts.bulkUpdate({ ids, patch }),
    remove: (ids) => api.contacts.bulkDelete({ ids }),
    restore: (ids) => api.contacts.bulkRestore({ ids }),
  },
  companies: {
    list: (input) => api.companies.list(input),
    count: (input) => api.companies.count(input),
    fields: () => api.companies.fields({}),
    update: (ids, patch) => api.companies.bulkUpdate({ ids, patch }),
    remove: (ids) => api.companies.bulkDelete({ ids }),
    restore: (ids) => api.companies.bulkRestore({ ids }),
  },
  deals: {
    list: (input) => api.deals.list(input),
    count: (input) => api.deals.count(input),
    fields: () => api.deals.fields({}),
    // Deals have no lifecycle stage: only the owner is set in bulk.
    update: (ids, patch) =>
      patch.ownerId === undefined
        ? Promise.resolve({ ok: true, value: { changed: 0 } })
        : api.deals.bulkUpdate({ ids, patch: { ownerId: patch.ownerId } }),
    remove: (ids) => api.deals.bulkDelete({ ids }),
    restore: (ids) => api.deals.bulkRestore({ ids }),
  },
};
