import type { Company, Contact, FieldInfo, Result } from '../../../shared/contract';
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
  list(input: PageInput): Promise<Result<{ items: (Contact | Company)[]; nextCursor: string | null }>>;
  count(input: Omit<ListFilterInput, 'sort'>): Promise<Result<{ count: number }>>;
  fields(): Promise<Result<{ items: FieldInfo[] }>>;
  update(id: string, patch: BulkPatch): Promise<Result<unknown>>;
  remove(id: string): Promise<Result<unknown>>;
  restore(id: string): Promise<Result<unknown>>;
}

/** One door per list entity, so the table, filters and bulk actions are written once. */
export const ENTITY_API: Record<RecordEntity, EntityApi> = {
  contacts: {
    list: (input) => api.contacts.list(input),
    count: (input) => api.contacts.count(input),
    fields: () => api.contacts.fields({}),
    update: (id, patch) => api.contacts.update({ id, ...patch }),
    remove: (id) => api.contacts.delete({ id }),
    restore: (id) => api.contacts.restore({ id }),
  },
  companies: {
    list: (input) => api.companies.list(input),
    count: (input) => api.companies.count(input),
    fields: () => api.companies.fields({}),
    update: (id, patch) => api.companies.update({ id, ...patch }),
    remove: (id) => api.companies.delete({ id }),
    restore: (id) => api.companies.restore({ id }),
  },
};
