import { eq } from 'drizzle-orm';
import { notes } from '../../../db/schema';
import { newId } from '../../shared/ids';
import { notFound } from '../errors';
import { mutate, readRow, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { sanitizeNote } from './notes-html';

function getNote(db: CrmDb, id: string) {
  const row = db.orm.select().from(notes).where(eq(notes.id, id)).get();
  if (!row) throw notFound('entity.note');
  return row;
}

const ENTITY_KEY = { contacts: 'entity.contact', companies: 'entity.company', deals: 'entity.deal' } as const;

export function createNote(
  db: CrmDb,
  input: { entityType: 'contacts' | 'companies' | 'deals'; entityId: string; body: string },
  options: WriteOptions = {},
) {
  const target = readRow(db, input.entityType, input.entityId);
  if (!target || target.deleted) throw notFound(ENTITY_KEY[input.entityType]);
  const id = newId();
  mutate(db, { table: 'notes', op: 'insert', id, values: { ...input, body: sanitizeNote(input.body) } }, options);
  return getNote(db, id);
}

export function updateNote(db: CrmDb, id: string, body: string, options: WriteOptions = {}) {
  getNote(db, id);
  mutate(db, { table: 'notes', op: 'update', id, values: { body: sanitizeNote(body) } }, options);
  return getNote(db, id);
}

export function deleteNote(db: CrmDb, id: string, options: WriteOptions = {}) {
  getNote(db, id);
  mutate(db, { table: 'notes', op: 'delete', id }, options);
  return getNote(db, id);
}
