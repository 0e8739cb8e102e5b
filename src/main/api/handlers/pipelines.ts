import {
  addStage,
  archiveStage,
  createPipeline,
  getPipeline,
  listPipelines,
  reorderStages,
  updatePipeline,
  updateStage,
} from '../../services/pipelines';
import { writeOptions, type HandlerMap } from '../context';

type PipelineMethods =
  | 'pipelines.list'
  | 'pipelines.get'
  | 'pipelines.create'
  | 'pipelines.update'
  | 'pipelines.addStage'
  | 'pipelines.updateStage'
  | 'pipelines.reorderStages'
  | 'pipelines.archiveStage';

export const pipelinesHandlers: HandlerMap<PipelineMethods> = {
  'pipelines.list': (input, ctx) => ({ items: listPipelines(ctx.db, input, ctx.locale, writeOptions(ctx)) }),
  'pipelines.get': (input, ctx) => getPipeline(ctx.db, input.id),
  'pipelines.create': (input, ctx) => createPipeline(ctx.db, input, ctx.locale, writeOptions(ctx)),
  'pipelines.update': (input, ctx) => updatePipeline(ctx.db, input, writeOptions(ctx)),
  'pipelines.addStage': (input, ctx) => addStage(ctx.db, input, writeOptions(ctx)),
  'pipelines.updateStage': (input, ctx) => updateStage(ctx.db, input, writeOptions(ctx)),
  'pipelines.reorderStages': (input, ctx) => reorderStages(ctx.db, input, writeOptions(ctx)),
  'pipelines.archiveStage': (input, ctx) => archiveStage(ctx.db, input, writeOptions(ctx)),
};
