import * as schema from '../../../../db/schema';
import { foldText } from '../../../shared/domain/text';
import { contactEntity } from './contacts';
import type { EntityDef } from './types';

export type { EntityDef, Row, SearchDocument } from './types';

const byName = (table: EntityDef['table'], extra: Partial<EntityDef> = {}): EntityDef => ({ table, ...extra });

/**
 * Every synced table, by its SQL name. The mutation layer refuses any other; the write guard
 * installs triggers on exactly these.
 */
export const ENTITIES = {
  settings: byName(schema.settings),
  members: byName(schema.members),
  teams: byName(schema.teams),
  companies: byName(schema.companies, {
    localFields: ['nameSort'],
    derive: (row) => ({ nameSort: foldText(String(row.name ?? '')) }),
    searchType: 'company',
    searchDoc: (row) => ({
      title: String(row.name ?? ''),
      subtitle: [row.industry, row.domain].filter(Boolean).join(' · '),
      body: [row.domain, row.industry, row.description].filter(Boolean).join(' '),
    }),
  }),
  contacts: contactEntity,
  contact_companies: byName(schema.contactCompanies),
  pipelines: byName(schema.pipelines),
  stages: byName(schema.stages),
  deals: byName(schema.deals, {
    searchType: 'deal',
    searchDoc: (row) => ({
      title: String(row.title ?? ''),
      subtitle: String(row.nextStep ?? ''),
      body: String(row.source ?? ''),
    }),
  }),
  deal_contacts: byName(schema.dealContacts),
  activities: byName(schema.activities, {
    searchType: 'activity',
    searchDoc: (row) => ({
      title: String(row.subject ?? ''),
      subtitle: String(row.type ?? ''),
      body: String(row.body ?? ''),
    }),
  }),
  activity_links: byName(schema.activityLinks, { localFields: ['at'] }),
  notes: byName(schema.notes, {
    searchType: 'note',
    searchDoc: (row) => ({ title: String(row.body ?? '').slice(0, 80), subtitle: '', body: String(row.body ?? '') }),
  }),
  tags: byName(schema.tags),
  taggings: byName(schema.taggings),
  custom_field_defs: byName(schema.customFieldDefs),
  saved_views: byName(schema.savedViews),
  merge_history: byName(schema.mergeHistory),
} satisfies Record<string, EntityDef>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
