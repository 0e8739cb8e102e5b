import { eq } from 'drizzle-orm';
import { savedViews } from '../../../../db/schema';
import type { FilterGroup, SortSpec } from '../../../shared/contract/filters';
import type { CrmDb } from '../../db/open';
import { notFound } from '../../errors';
import type { ListQuery } from '../record-list';

/** The list input a saved view stands for, so "export this view" exports exactly what it shows. */
export function viewQuery(db: CrmDb, id: string): ListQuery {
  const view = db.orm.select().from(savedViews).where(eq(savedViews.id, id)).get();
  if (!view || view.deleted) throw notFound('entity.view');
  const c = view.config as {
    query?: string;
    filter?: FilterGroup;
    sort?: SortSpec[];
    ownerId?: string;
    tagId?: string;
  };
  return {
    ...(c.query ? { query: c.query } : {}),
    ...(c.filter ? { filter: c.filter } : {}),
    ...(c.sort?.length ? { sort: c.sort } : {}),
    ...(c.ownerId ? { ownerId: c.ownerId } : {}),
    ...(c.tagId ? { tagId: c.tagId } : {}),
  };
}
