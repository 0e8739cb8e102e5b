import { mutate } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { newId } from '../../../src/shared/ids';

/** A pipeline with an open, a won and a lost stage, written straight through the mutation layer. */
export function salesPipeline(db: CrmDb) {
  const pipelineId = newId();
  const open = newId();
  const won = newId();
  const lost = newId();
  mutate(db, [
    { table: 'pipelines', op: 'insert', id: pipelineId, values: { name: 'New business', position: 1 } },
    {
      table: 'stages',
      op: 'insert',
      id: open,
      values: { pipelineId, name: 'Proposal', position: 1, kind: 'open', probability: 50 },
    },
    {
      table: 'stages',
      op: 'insert',
      id: won,
      values: { pipelineId, name: 'Won', position: 2, kind: 'won', probability: 100 },
    },
    {
      table: 'stages',
      op: 'insert',
      id: lost,
      values: { pipelineId, name: 'Lost', position: 3, kind: 'lost', probability: 0 },
    },
  ]);
  return { pipelineId, open, won, lost };
}

export function company(db: CrmDb, name: string): string {
  const id = newId();
  mutate(db, { table: 'companies', op: 'insert', id, values: { name } });
  return id;
}

export function deal(
  db: CrmDb,
  p: { pipelineId: string; stageId: string },
  values: { title?: string; companyId?: string | null; currency?: string | null } = {},
): string {
  const id = newId();
  mutate(db, {
    table: 'deals',
    op: 'insert',
    id,
    values: {
      title: values.title ?? 'Deal',
      pipelineId: p.pipelineId,
      stageId: p.stageId,
      companyId: values.companyId ?? null,
      currency: values.currency === undefined ? 'EUR' : values.currency,
      stageEnteredAt: db.now(),
    },
  });
  return id;
}
