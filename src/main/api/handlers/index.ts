import type { MethodName } from '../../../shared/contract';
import type { HandlerMap } from '../context';
import { activitiesHandlers } from './activities';
import { automationsHandlers } from './automations';
import { calendarHandlers } from './calendar';
import { emailHandlers } from './email';
import { templatesHandlers } from './templates';
import { dealsHandlers } from './deals';
import { pipelinesHandlers } from './pipelines';
import { appHandlers } from './app';
import { bulkHandlers } from './bulk';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';
import { customFieldsHandlers } from './custom-fields';
import { duplicatesHandlers } from './duplicates';
import { membersHandlers } from './members';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { syncHandlers } from './sync';
import { tagsHandlers } from './tags';
import { timelineHandlers } from './timeline';
import { viewsHandlers } from './views';
import { productsHandlers } from './products';
import { quotesHandlers } from './quotes';
import { invoicesHandlers } from './invoices';
import { importHandlers } from './import';
import { exportHandlers } from './export';
import { backupHandlers } from './backup';
import { analyticsHandlers } from './analytics';
import { ticketsHandlers } from './tickets';
import { knowledgeBaseHandlers } from './knowledge-base';
import { campaignsHandlers } from './campaigns';
import { channelsHandlers } from './channels';

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
  ...calendarHandlers,
  ...templatesHandlers,
  ...emailHandlers,
  ...automationsHandlers,
  ...pipelinesHandlers,
  ...dealsHandlers,
  ...settingsHandlers,
  ...bulkHandlers,
  ...syncHandlers,
  ...productsHandlers,
  ...quotesHandlers,
  ...invoicesHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...analyticsHandlers,
  ...ticketsHandlers,
  ...knowledgeBaseHandlers,
  ...campaignsHandlers,
  ...channelsHandlers,
};
