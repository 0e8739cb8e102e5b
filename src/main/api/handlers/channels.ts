import { listInteractions, logInteraction } from '../../services/channels';
import { writeOptions, type HandlerMap } from '../context';

export const channelsHandlers: HandlerMap<'channels.log' | 'channels.list'> = {
  'channels.log': (input, ctx) => logInteraction(ctx.db, input, writeOptions(ctx)),
  'channels.list': (input, ctx) => ({ items: listInteractions(ctx.db, input) }),
};
