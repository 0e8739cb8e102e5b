import type { MethodName } from '../../../shared/contract';
import type { HandlerMap } from '../context';
import { activitiesHandlers } from './activities';
import { appHandlers } from './app';
import { bulkHandlers } from './bulk';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';
import { customFieldsHandlers } from './custom-fields';
import { duplicatesHandlers } from './duplicates';
import { membersHandlers } from './members';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { tagsHandlers } from './tags';
import { timelineHandlers } from './timeline';
import { viewsHandlers } from './views';

/** One handler per contract method; the type makes a missing one a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...appHandlers,
  ...contactsHandlers,
  ...companiesHandlers,
  ...searchHandlers,
  ...membersHandlers,
  ...tagsHandlers,
  ...customFieldsHandlers,
  ...viewsHandlers,
  ...duplicatesHandlers,
  ...timelineHandlers,
  ...activitiesHandlers,
  ...settingsHandlers,
  ...bulkHandlers,
};
