import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { deals, pipelines, stages } from '../../../db/schema';
import type { Pipeline, Stage, StageKind, stageInput } from '../../shared/contract/pipelines';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { stageChangeMutations } from './deal-stage-history';

type StageRow = typeof stages.$inferSelect;
type PipelineRow = typeof pipelines.$inferSelect;
type StageInput = z.output<typeof stageInput>;

/**
 * The default pipeline has fixed ids: two devices that both start a new workspace offline create
 * the same rows, which sync merges field by field instead of leaving two "New business" pipelines.
 */
export const DEFAULT_PIPELINE_ID = '0190a000-0000-7000-8000-000000000001';
const DEFAULT_STAGES: { key: string; probability: number; kind: StageKind; rottingDays: number | null }[] = [
  { key: 'prospecting', probability: 10, kind: 'open', rottingDays: 14 },
  { key: 'qualified', probability: 25, kind: 'open', rottingDays: 14 },
  { key: 'proposal', probability: 50, kind: 'open', rottingDays: 21 },
  { key: 'negotiation', probability: 75, kind: 'open', rottingDays: 30 },
  { key: 'won', probability: 100, kind: 'won', rottingDays: null },
  { key: 'lost', probability: 0, kind: 'lost', rottingDays: null },
];
const defaultStageId = (i: number) => `0190a000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`;

export function toStage(row: StageRow): Stage {
  return { ...row, kind: row.kind as StageKind };
}

function stagesOf(db: CrmDb, pipelineId: string, includeArchived: boolean): StageRow[] {
  return db.orm
    .select()
    .from(stages)
    .where(
      and(
        eq(stages.pipelineId, pipelineId),
        eq(stages.deleted, false),
        ...(includeArchived ? [] : [eq(stages.archived, false)]),
      ),
    )
    .orderBy(asc(stages.position), asc(stages.id))
    .all();
}

function toPipeline(db: CrmDb, row: PipelineRow, includeArchived = true): Pipeline {
  return { ...row, stages: stagesOf(db, row.id, includeArchived).map(toStage) };
}

export function readPipeline(db: CrmDb, id: string): PipelineRow | undefined {
  return db.orm.select().from(pipelines).where(eq(pipelines.id, id)).get();
}

export function readStage(db: CrmDb, id: string): StageRow | undefined {
  return db.orm.select().from(stages).where(eq(stages.id, id)).get();
}

export function getPipeline(db: CrmDb, id: string): Pipeline {
  const row = readPipeline(db, id);
  if (!row || row.deleted) throw notFound('entity.pipeline');
  return toPipeline(db, row);
}

/** Gives a workspace without any pipeline the default one, named in `locale`. */
export function ensureDefaultPipeline(db: CrmDb, locale: Locale = 'en', options: WriteOptions = {}): void {
  const any = db.orm.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.deleted, false)).limit(1).get();
  if (any) return;
  if (readPipeline(db, DEFAULT_PIPELINE_ID)) return; // deleted on purpose: respect that
  const list: Mutation[] = [
    {
      table: 'pipelines',
      op: 'insert',
      id: DEFAULT_PIPELINE_ID,
      values: { name: translate(locale, 'pipeline.default_name'), position: 0, archived: false },
    },
    ...DEFAULT_STAGES.map((s, i): Mutation => ({
      table: 'stages',
      op: 'insert',
      id: defaultStageId(i),
      values: {
        pipelineId: DEFAULT_PIPELINE_ID,
        name: translate(locale, `pipeline.stage.${s.key}`),
        position: i,
        probability: s.probability,
        kind: s.kind,
        rottingDays: s.rottingDays,
        archived: false,
      },
    })),
  ];
  mutate(db, list, options);
}

export function listPipelines(
  db: CrmDb,
  input: { includeArchived?: boolean | undefined },
  locale: Locale = 'en',
  options: WriteOptions = {},
): Pipeline[] {
  ensureDefaultPipeline(db, locale, options);
  const all = input.includeArchived ?? false;
  return db.orm
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.deleted, false), ...(all ? [] : [eq(pipelines.archived, false)])))
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt))
    .all()
    .map((row) => toPipeline(db, row, all));
}

/** The pipeline deals go to when none is named: the first live one (the default one in a new workspace). */
export function firstPipeline(db: CrmDb, locale: Locale = 'en', options: WriteOptions = {}): PipelineRow {
  ensureDefaultPipeline(db, locale, options);
  const row = db.orm
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.deleted, false), eq(pipelines.archived, false)))
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt))
    .limit(1)
    .get();
  if (!row) throw notFound('entity.pipeline');
  return row;
}

/** The first live stage of a kind in a pipeline (the first open stage is where new deals start). */
export function firstStageOfKind(db: CrmDb, pipeline: PipelineRow, kind: StageKind, path: string[]): StageRow {
  const found = stagesOf(db, pipeline.id, false).find((s) => s.kind === kind);
  if (found) return found;
  throw invalid([
    kind === 'open'
      ? { path, key: 'validation.no_open_stage', params: { pipeline: pipeline.name } }
      : { path, key: 'validation.no_kind_stage', params: { pipeline: pipeline.name, kind: `stage.kind.${kind}` } },
  ]);
}

function stageValues(pipelineId: string, input: StageInput, position: number) {
  return {
    pipelineId,
    name: input.name,
    position,
    probability: input.probability ?? (input.kind === 'won' ? 100 : 0),
    kind: input.kind ?? 'open',
    rottingDays: input.rottingDays ?? null,
    archived: false,
  };
}

export function createPipeline(
  db: CrmDb,
  input: { name: string; stages?: StageInput[] | undefined },
  locale: Locale = 'en',
  options: WriteOptions = {},
): Pipeline {
  const id = newId();
  const last = db.orm
    .select({ position: pipelines.position })
    .from(pipelines)
    .where(eq(pipelines.deleted, false))
    .orderBy(asc(pipelines.position))
    .all()
    .at(-1);
  const specs: StageInput[] =
    input.stages ??
    DEFAULT_STAGES.map((s) => ({
      name: translate(locale, `pipeline.stage.${s.key}`),
      probability: s.probability,
      kind: s.kind,
      rottingDays: s.rottingDays,
    }));
  mutate(
    db,
    [
      { table: 'pipelines', op: 'insert', id, values: { name: input.name, position: (last?.position ?? -1) + 1 } },
      ...specs.map((s, i): Mutation => ({ table: 'stages', op: 'insert', id: newId(), values: stageValues(id, s, i) })),
    ],
    options,
  );
  return getPipeline(db, id);
}

export function updatePipeline(
  db: CrmDb,
  input: { id: string; name?: string | undefined; archived?: boolean | undefined; position?: number | undefined },
  options: WriteOptions = {},
): Pipeline {
  const { id, ...values } = input;
  getPipeline(db, id);
  mutate(db, { table: 'pipelines', op: 'update', id, values }, options);
  return getPipeline(db, id);
}

function livePipeline(db: CrmDb, id: string): PipelineRow {
  const row = readPipeline(db, id);
  if (!row || row.deleted) throw notFound('entity.pipeline');
  return row;
}

function liveStage(db: CrmDb, id: string): StageRow {
  const row = readStage(db, id);
  if (!row || row.deleted) throw notFound('entity.stage');
  return row;
}

export function addStage(
  db: CrmDb,
  input: StageInput & { pipelineId: string; index?: number | undefined },
  options: WriteOptions = {},
): Pipeline {
  const { pipelineId, index, ...spec } = input;
  livePipeline(db, pipelineId);
  const current = stagesOf(db, pipelineId, false);
  const at = Math.min(index ?? current.length, current.length);
  // Renumber so the new stage sits at `at`: stage lists are short, and whole numbers stay readable.
  const order = [...current.map((s) => s.id)];
  const id = newId();
  order.splice(at, 0, id);
  write(db, () => {
    mutate(db, { table: 'stages', op: 'insert', id, values: stageValues(pipelineId, spec, at) }, options);
    renumber(db, order, options);
  });
  return getPipeline(db, pipelineId);
}

function renumber(db: CrmDb, ids: string[], options: WriteOptions): void {
  mutate(
    db,
    ids.map((id, position): Mutation => ({ table: 'stages', op: 'update', id, values: { position } })),
    options,
  );
}

export function updateStage(
  db: CrmDb,
  input: Partial<StageInput> & { id: string },
  options: WriteOptions = {},
): Pipeline {
  const { id, ...values } = input;
  const stage = liveStage(db, id);
  // A stage that becomes lost makes its deals lost; each lost deal needs its own reason, so
  // deals without one must leave first (or go with a reason through archiveStage).
  if (values.kind === 'lost' && stage.kind !== 'lost') {
    const count = unreasonedDeals(db, stage.id).length;
    if (count) throw invalid([{ path: ['kind'], key: 'validation.stage_kind_lost_deals', params: { count } }]);
  }
  mutate(db, { table: 'stages', op: 'update', id, values }, options);
  return getPipeline(db, stage.pipelineId);
}

export function reorderStages(
  db: CrmDb,
  input: { pipelineId: string; stageIds: string[] },
  options: WriteOptions = {},
): Pipeline {
  livePipeline(db, input.pipelineId);
  const current = new Set(stagesOf(db, input.pipelineId, false).map((s) => s.id));
  const given = new Set(input.stageIds);
  if (given.size !== input.stageIds.length || given.size !== current.size || ![...given].every((id) => current.has(id)))
    throw invalid([{ path: ['stageIds'], key: 'validation.stage_order' }]);
  renumber(db, input.stageIds, options);
  return getPipeline(db, input.pipelineId);
}

/** Deals in a stage (the trash too) that have no lost reason of their own. */
function unreasonedDeals(db: CrmDb, stageId: string): { id: string }[] {
  return db.orm
    .select({ id: deals.id, lostReason: deals.lostReason })
    .from(deals)
    .where(eq(deals.stageId, stageId))
    .all()
    .filter((d) => !d.lostReason?.trim());
}

/**
 * Archives a stage and moves every deal in it (the trash too) to `moveTo`, in one transaction.
 * Into a lost stage, deals without a reason of their own take `lostReason`; without one the
 * archive is refused, so no deal ends up lost without a reason.
 */
export function archiveStage(
  db: CrmDb,
  input: { id: string; moveTo: string; lostReason?: string | undefined },
  options: WriteOptions = {},
): { pipeline: Pipeline; moved: number } {
  const stage = liveStage(db, input.id);
  const target = readStage(db, input.moveTo);
  if (!target || target.deleted) throw notFound('entity.stage');
  const pipeline = livePipeline(db, stage.pipelineId);
  if (target.id === stage.id) throw invalid([{ path: ['moveTo'], key: 'validation.stage_same' }]);
  if (target.pipelineId !== stage.pipelineId)
    throw invalid([{ path: ['moveTo'], key: 'validation.stage_other_pipeline', params: { pipeline: pipeline.name } }]);
  if (target.archived)
    throw invalid([{ path: ['moveTo'], key: 'validation.stage_archived', params: { stage: target.name } }]);
  const inStage = db.orm
    .select({ id: deals.id, stageId: deals.stageId, pipelineId: deals.pipelineId, lostReason: deals.lostReason })
    .from(deals)
    .where(eq(deals.stageId, stage.id))
    .all();
  const given = input.lostReason?.trim() || null;
  const reasonOf = (deal: { lostReason: string | null }) => (deal.lostReason?.trim() ? deal.lostReason : given);
  if (target.kind === 'lost') {
    const count = inStage.filter((d) => !reasonOf(d)).length;
    if (count)
      throw invalid([{ path: ['lostReason'], key: 'validation.stage_lost_reason_required', params: { count } }]);
  }
  const now = db.now();
  write(db, () => {
    const list: Mutation[] = [{ table: 'stages', op: 'update', id: stage.id, values: { archived: true } }];
    for (const deal of inStage) list.push(...stageChangeMutations(db, deal, target, now, reasonOf(deal)));
    mutate(db, list, options);
  });
  return { pipeline: getPipeline(db, stage.pipelineId), moved: inStage.length };
}
