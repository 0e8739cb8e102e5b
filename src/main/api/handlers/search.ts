import { searchQuery } from '../../services/search';
import type { HandlerMap } from '../context';

export const searchHandlers: HandlerMap<'search.query'> = {
  'search.query': (input, ctx) => ({ hits: searchQuery(ctx.db, input) }),
};
