import type { DateFormat, DedupeStrategy, ImportTarget } from '../../../shared/contract/import';
import { minorDigits } from '../../../shared/domain/currencies';
import { foldText } from '../../../shared/domain/text';
import { newId } from '../../../shared/ids';
import type { Mutation } from '../../db/mutation';
import type { CrmDb } from '../../db/open';
import { firstStayMutation } from '../deal-stage-history';
import { baseCurrency } from '../exchange-rates';
import type { ImportPlan, PlanItem } from './plan';
import type { RowProblem } from './prepare';
import { CellError, guessDateFormat, guessDecimal, parseDate, parseNumber, similarNames } from './transform';

/** Products, members (with teams) and deals: imported from their own files, resolved by name. */
export const MORE_ENTITIES = ['products', 'members', 'deals'] as const;
export type MoreEntity = (typeof MORE_ENTITIES)[number];

export function isMoreEntity(entity: string): entity is MoreEntity {
  return (MORE_ENTITIES as readonly string[]).includes(entity);
}

export const MORE_TARGETS: Record<MoreEntity, ImportTarget[]> = {
  products: [
    { key: 'name', kind: 'text' },
    { key: 'sku', kind: 'text' },
    { key: 'category', kind: 'text' },
    { key: 'unitPrice', kind: 'money' },
    { key: 'currency', kind: 'text' },
    { key: 'description', kind: 'text' },
  ],
  members: [
    { key: 'name', kind: 'text' },
    { key: 'email', kind: 'email' },
    { key: 'team', kind: 'relation' },
    { key: 'manager', kind: 'relation' },
    { key: 'region', kind: 'text' },
  ],
  deals: [
    { key: 'title', kind: 'text' },
    { key: 'owner', kind: 'relation' },
    { key: 'product', kind: 'relation' },
    { key: 'company', kind: 'relation' },
    { key: 'pipeline', kind: 'relation' },
    { key: 'stage', kind: 'relation' },
    { key: 'engagedAt', kind: 'date' },
    { key: 'closeDate', kind: 'date' },
    { key: 'amount', kind: 'money' },
    { key: 'currency', kind: 'text' },
    { key: 'source', kind: 'text' },
  ],
};

export const MORE_SYNONYMS: Record<MoreEntity, Record<string, string[]>> = {
  products: {
    name: ['product', 'product name', 'producto', 'nombre', 'articulo', 'item'],
    sku: ['sku', 'code', 'product code', 'codigo', 'referencia', 'ref'],
    category: ['series', 'category', 'product line', 'family', 'serie', 'categoria', 'familia', 'linea'],
    unitPrice: ['price', 'sales price', 'sales_price', 'unit price', 'list price', 'precio', 'precio unitario', 'pvp'],
    currency: ['currency', 'moneda', 'divisa'],
    description: ['description', 'descripcion'],
  },
  members: {
    name: [
      'name',
      'sales agent',
      'sales_agent',
      'agent',
      'member',
      'user',
      'rep',
      'nombre',
      'agente',
      'comercial',
      'usuario',
    ],
    email: ['email', 'e-mail', 'correo', 'correo electronico'],
    team: ['team', 'equipo'],
    manager: ['manager', 'team lead', 'supervisor', 'jefe', 'responsable', 'gerente'],
    region: [
      'regional office',
      'regional_office',
      'office',
      'region',
      'oficina',
      'oficina regional',
      'zona',
      'delegacion',
    ],
  },
  deals: {
    title: [
      'title',
      'deal',
      'deal name',
      'opportunity',
      'opportunity name',
      'opportunity id',
      'opportunity_id',
      'name',
      'oportunidad',
      'nombre',
      'titulo',
      'negocio',
    ],
    owner: [
      'owner',
      'deal owner',
      'sales agent',
      'sales_agent',
      'agent',
      'rep',
      'propietario',
      'responsable',
      'comercial',
      'agente',
    ],
    product: ['product', 'product line', 'producto', 'linea de producto'],
    company: ['account', 'company', 'organization', 'account name', 'cuenta', 'empresa', 'cliente'],
    pipeline: ['pipeline', 'embudo'],
    stage: ['stage', 'deal stage', 'deal_stage', 'status', 'etapa', 'fase', 'estado'],
    engagedAt: [
      'engage date',
      'engage_date',
      'engaged',
      'created date',
      'start date',
      'fecha de inicio',
      'fecha de contacto',
    ],
    closeDate: ['close date', 'close_date', 'expected close', 'closing date', 'fecha de cierre', 'cierre'],
    amount: ['amount', 'value', 'close value', 'close_value', 'deal value', 'importe', 'valor', 'valor de cierre'],
    currency: ['currency', 'moneda', 'divisa'],
    source: ['source', 'lead source', 'origen', 'fuente'],
  },
};

/** A name in the file matched to a record by a close spelling (or a variant the user gave). */
export interface NameMatch {
  field: string;
  from: string;
  to: string;
  rows: number;
}

interface Context {
  db: CrmDb;
  /** Variants table: a name as written (folded) → the record's name. */
  aliases?: Map<string, string>;
  matches?: Map<string, NameMatch>;
  dedupe: DedupeStrategy;
  createMissing: boolean;
  /** The name of the pipeline made when the book has none yet: the default pipeline's, in the user's language. */
  pipelineName: string;
  problems: RowProblem[];
  columnOf: (target: string) => string | null;
  dateFormats: Map<string, Exclude<DateFormat, 'auto'>>;
  decimals: Map<string, '.' | ','>;
}

export interface FieldRow {
  row: number;
  fields: Record<string, string>;
}

const ids = (db: CrmDb, sql: string) => db.sqlite.prepare(sql).raw().all() as string[][];

function plan(): ImportPlan & {
  add(m: Mutation, action?: PlanItem['action'], before?: Record<string, unknown>): void;
} {
  const out = {
    mutations: [] as Mutation[],
    items: [] as PlanItem[],
    created: 0,
    updated: 0,
    skipped: 0,
    related: 0,
    rowIds: new Map<number, string>(),
    add(m: Mutation, action: PlanItem['action'] = 'created', before?: Record<string, unknown>) {
      out.mutations.push(m);
      out.items.push({ entity: m.table, entityId: m.id, action, ...(before ? { before } : {}) });
    },
  };
  return out;
}

function money(text: string, decimal: '.' | ',', currency: string): number {
  return Math.round(parseNumber(text, decimal) * 10 ** minorDigits(currency));
}

/** Formats resolved per column from the first values, as for contacts. */
export function columnFormats(
  rows: FieldRow[],
  fallback: Exclude<DateFormat, 'auto'>,
  dateFormat?: DateFormat,
  decimal?: string,
) {
  const dateFormats = new Map<string, Exclude<DateFormat, 'auto'>>();
  const decimals = new Map<string, '.' | ','>();
  const keys = new Set(rows.slice(0, 200).flatMap((r) => Object.keys(r.fields)));
  for (const key of keys) {
    const values = rows
      .slice(0, 500)
      .map((r) => r.fields[key] ?? '')
      .filter(Boolean);
    dateFormats.set(key, dateFormat && dateFormat !== 'auto' ? dateFormat : guessDateFormat(values, fallback));
    decimals.set(key, decimal === '.' || decimal === ',' ? decimal : guessDecimal(values));
  }
  return { dateFormats, decimals };
}

function cell<T>(ctx: Context, row: FieldRow, key: string, read: (text: string) => T): T | undefined {
  const text = row.fields[key]?.trim();
  if (!text) return undefined;
  try {
    return read(text);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    ctx.problems.push({ row: row.row, column: ctx.columnOf(key), value: text, key: error.key, params: error.params });
    return undefined;
  }
}

export function planProducts(ctx: Context, rows: FieldRow[]): ImportPlan {
  const out = plan();
  const currency = baseCurrency(ctx.db);
  const byName = new Map(
    ids(ctx.db, 'SELECT name, id FROM products WHERE deleted = 0').map(([n, id]) => [foldText(n!), id!]),
  );
  for (const row of rows) {
    const name = row.fields.name?.trim();
    if (!name) {
      ctx.problems.push({ row: row.row, column: null, value: null, key: 'import.name_missing' });
      continue;
    }
    const cur = (row.fields.currency?.trim() || currency).toUpperCase();
    const price = cell(ctx, row, 'unitPrice', (t) => money(t, ctx.decimals.get('unitPrice') ?? '.', cur));
    const values = {
      name,
      sku: row.fields.sku?.trim() || null,
      category: row.fields.category?.trim() || null,
      description: row.fields.description?.trim() || null,
      unitPrice: price ?? 0,
      currency: cur,
    };
    const existing = ctx.dedupe === 'create' ? undefined : byName.get(foldText(name));
    if (existing && ctx.dedupe === 'skip') {
      out.skipped++;
      continue;
    }
    if (existing) {
      const before = ctx.db.sqlite
        .prepare('SELECT sku, category, description, unit_price AS unitPrice, currency FROM products WHERE id = ?')
        .get(existing) as Record<string, unknown>;
      out.add({ table: 'products', op: 'update', id: existing, values }, 'updated', before);
      out.updated++;
      continue;
    }
    const id = newId();
    byName.set(foldText(name), id);
    out.add({ table: 'products', op: 'insert', id, values: { ...values, taxRate: 0, active: true } });
    out.rowIds.set(row.row, id);
    out.created++;
  }
  return out;
}

/**
 * Members with their teams: a team per manager (named after them, in their regional office), the
 * managers themselves created as members when they are not yet.
 */
export function planMembers(ctx: Context, rows: FieldRow[]): ImportPlan {
  const out = plan();
  const members = new Map(
    ids(ctx.db, 'SELECT name, id FROM members WHERE deleted = 0').map(([n, id]) => [foldText(n!), id!]),
  );
  const teams = new Map(
    ids(ctx.db, 'SELECT name, id FROM teams WHERE deleted = 0').map(([n, id]) => [foldText(n!), id!]),
  );
  const memberTeam = new Map<string, string>();
  const ensureMember = (name: string, values: Record<string, unknown> = {}): { id: string; created: boolean } => {
    const key = foldText(name);
    const found = members.get(key);
    if (found) return { id: found, created: false };
    const id = newId();
    members.set(key, id);
    out.add({ table: 'members', op: 'insert', id, values: { name, role: 'member', active: true, ...values } });
    return { id, created: true };
  };
  const ensureTeam = (name: string, managerId: string | null, region: string | null): string => {
    const key = foldText(name);
    const found = teams.get(key);
    if (found) return found;
    const id = newId();
    teams.set(key, id);
    out.add({ table: 'teams', op: 'insert', id, values: { name, managerId, region } });
    out.related++;
    return id;
  };
  for (const row of rows) {
    const name = row.fields.name?.trim();
    if (!name) {
      ctx.problems.push({ row: row.row, column: null, value: null, key: 'import.name_missing' });
      continue;
    }
    const managerName = row.fields.manager?.trim();
    const region = row.fields.region?.trim() || null;
    let teamId: string | null = null;
    if (managerName) {
      const manager = ensureMember(managerName);
      if (manager.created) out.related++;
      teamId = ensureTeam(row.fields.team?.trim() || managerName, manager.id, region);
      if (!memberTeam.has(manager.id)) memberTeam.set(manager.id, teamId);
    } else if (row.fields.team?.trim()) {
      teamId = ensureTeam(row.fields.team.trim(), null, region);
    }
    const existing = members.get(foldText(name));
    if (existing && ctx.dedupe === 'skip') {
      out.skipped++;
      continue;
    }
    const email = row.fields.email?.trim().toLowerCase() || null;
    if (existing && ctx.dedupe === 'update') {
      const before = ctx.db.sqlite
        .prepare('SELECT email, team_id AS teamId FROM members WHERE id = ?')
        .get(existing) as Record<string, unknown> | undefined;
      if (before) {
        out.add(
          {
            table: 'members',
            op: 'update',
            id: existing,
            values: { ...(email ? { email } : {}), ...(teamId ? { teamId } : {}) },
          },
          'updated',
          before,
        );
        out.updated++;
      } else memberTeam.set(existing, teamId ?? '');
      continue;
    }
    const { id } = existing && ctx.dedupe !== 'create' ? { id: existing } : { id: newId() };
    members.set(foldText(name), id);
    out.add({ table: 'members', op: 'insert', id, values: { name, email, role: 'member', active: true, teamId } });
    out.rowIds.set(row.row, id);
    out.created++;
  }
  // Managers belong to the team they lead, once it exists.
  for (const m of out.mutations) {
    if (m.table === 'members' && m.op === 'insert' && !m.values?.teamId && memberTeam.get(m.id))
      m.values!.teamId = memberTeam.get(m.id);
  }
  return out;
}

const WON = new Set(['won', 'closed won', 'ganado', 'ganada', 'cerrado ganado', 'cerrada ganada']);
const LOST = new Set(['lost', 'closed lost', 'perdido', 'perdida', 'cerrado perdido', 'cerrada perdida']);

interface StageRef {
  id: string;
  pipelineId: string;
  name: string;
  kind: string;
}

/**
 * Deals with their owner, company, pipeline and stage resolved by name, the product by name with
 * fuzzy matching ("GTXPro" is "GTX Pro") as a line item, engage and close dates and the value.
 * Deals naming no company are kept without one.
 */
export function planDeals(ctx: Context, rows: FieldRow[]): ImportPlan {
  const out = plan();
  const { db } = ctx;
  const currencyDefault = baseCurrency(db);
  const owners = ids(db, 'SELECT id, name, email FROM members WHERE deleted = 0');
  const companies = new Map<string, string>();
  for (const [id, name] of ids(
    db,
    'SELECT id, name_sort FROM companies WHERE deleted = 0 AND merged_into IS NULL ORDER BY created_at',
  ))
    if (!companies.has(name!)) companies.set(name!, id!);
  const products = ids(db, 'SELECT id, name, unit_price, currency FROM products WHERE deleted = 0');
  const pipelines = ids(db, 'SELECT id, name FROM pipelines WHERE deleted = 0 ORDER BY position');
  const stages: StageRef[] = (
    ids(db, 'SELECT id, pipeline_id, name, kind FROM stages WHERE deleted = 0 AND archived = 0 ORDER BY position') as [
      string,
      string,
      string,
      string,
    ][]
  ).map(([id, pipelineId, name, kind]) => ({ id, pipelineId, name, kind }));
  const titles = new Set(ids(db, 'SELECT title FROM deals WHERE deleted = 0').map(([t]) => foldText(t!)));
  const productAlias = new Map<string, string | null>();
  let defaultPipeline = pipelines[0]?.[0] ?? null;
  const now = db.now();

  const pipelineFor = (name: string | undefined, row: number): string | null => {
    if (name) {
      const found = pipelines.find(([, n]) => foldText(n!) === foldText(name))?.[0];
      if (found) return found;
      if (!ctx.createMissing) {
        ctx.problems.push({
          row,
          column: ctx.columnOf('pipeline'),
          value: name,
          key: 'import.pipeline_missing',
          params: { name },
        });
        return null;
      }
      const id = newId();
      pipelines.push([id, name]);
      out.add({ table: 'pipelines', op: 'insert', id, values: { name, position: pipelines.length, archived: false } });
      out.related++;
      return id;
    }
    if (defaultPipeline) return defaultPipeline;
    if (!ctx.createMissing) {
      ctx.problems.push({ row, column: null, value: null, key: 'import.no_pipeline' });
      return null;
    }
    defaultPipeline = newId();
    pipelines.push([defaultPipeline, ctx.pipelineName]);
    out.add({
      table: 'pipelines',
      op: 'insert',
      id: defaultPipeline,
      values: { name: ctx.pipelineName, position: 0, archived: false },
    });
    out.related++;
    return defaultPipeline;
  };

  const stageFor = (pipelineId: string, name: string | undefined, row: number): StageRef | null => {
    const own = stages.filter((s) => s.pipelineId === pipelineId);
    if (!name) {
      const first = own.find((s) => s.kind === 'open');
      if (first) return first;
    } else {
      const key = foldText(name);
      const exact = own.find((s) => foldText(s.name) === key);
      if (exact) return exact;
      const kind = WON.has(key) ? 'won' : LOST.has(key) ? 'lost' : null;
      const byKind = kind ? own.find((s) => s.kind === kind) : undefined;
      if (byKind) return byKind;
    }
    if (!ctx.createMissing) {
      ctx.problems.push({
        row,
        column: ctx.columnOf('stage'),
        value: name ?? '',
        key: 'import.stage_missing',
        params: { name: name ?? '' },
      });
      return null;
    }
    const key = foldText(name ?? 'open');
    const stage: StageRef = {
      id: newId(),
      pipelineId,
      name: name ?? 'Open',
      kind: WON.has(key) ? 'won' : LOST.has(key) ? 'lost' : 'open',
    };
    const position = own.length;
    stages.push(stage);
    out.add({
      table: 'stages',
      op: 'insert',
      id: stage.id,
      values: {
        pipelineId,
        name: stage.name,
        position,
        kind: stage.kind,
        probability: stage.kind === 'won' ? 100 : 0,
        archived: false,
      },
    });
    out.related++;
    return stage;
  };

  const noteMatch = (field: string, from: string, to: string) => {
    if (foldText(from) === foldText(to) || !ctx.matches) return;
    const key = `${field}|${from}`;
    const seen = ctx.matches.get(key);
    if (seen) seen.rows++;
    else ctx.matches.set(key, { field, from, to, rows: 1 });
  };
  const aliasOf = (name: string) => ctx.aliases?.get(foldText(name)) ?? name;

  const productFor = (name: string, row: number): [string, string, string, string] | null => {
    const key = foldText(name);
    if (!productAlias.has(key)) {
      const wanted = foldText(aliasOf(name));
      const found =
        products.find(([, n]) => foldText(n!) === wanted) ?? products.find(([, n]) => similarNames(n!, name));
      productAlias.set(key, found?.[0] ?? null);
    }
    const id = productAlias.get(key);
    const product = id ? products.find(([pid]) => pid === id) : undefined;
    if (product) {
      noteMatch('product', name, product[1]!);
      return product as [string, string, string, string];
    }
    ctx.problems.push({
      row,
      column: ctx.columnOf('product'),
      value: name,
      key: 'import.product_missing',
      params: { name },
    });
    return null;
  };

  const ownerFor = (text: string, row: number): string | null => {
    const key = text.includes('@') ? text.toLowerCase() : foldText(text);
    const wanted = text.includes('@') ? key : foldText(aliasOf(text));
    const found =
      owners.find(([, n, e]) => foldText(n!) === wanted || e?.toLowerCase() === key) ??
      owners.find(([, n]) => similarNames(n!, text));
    if (found) {
      if (!text.includes('@')) noteMatch('owner', text, found[1]!);
      return found[0]!;
    }
    if (!ctx.createMissing) {
      ctx.problems.push({
        row,
        column: ctx.columnOf('owner'),
        value: text,
        key: 'import.owner_missing',
        params: { name: text },
      });
      return null;
    }
    const id = newId();
    owners.push([id, text, '']);
    out.add({ table: 'members', op: 'insert', id, values: { name: text, role: 'member', active: true } });
    out.related++;
    return id;
  };

  const companyFor = (name: string, row: number): string | null => {
    const key = foldText(name);
    const exact = companies.get(foldText(aliasOf(name)));
    const close = exact ? undefined : [...companies.entries()].find(([k]) => similarNames(k, name));
    if (exact) {
      if (foldText(aliasOf(name)) !== key) noteMatch('company', name, aliasOf(name));
      return exact;
    }
    if (close) {
      noteMatch('company', name, close[0]);
      return close[1];
    }
    if (!ctx.createMissing) {
      ctx.problems.push({
        row,
        column: ctx.columnOf('company'),
        value: name,
        key: 'import.company_missing',
        params: { name },
      });
      return null;
    }
    const id = newId();
    companies.set(key, id);
    out.add({ table: 'companies', op: 'insert', id, values: { name } });
    out.related++;
    return id;
  };

  for (const row of rows) {
    const before = ctx.problems.length;
    const f = row.fields;
    const productName = f.product?.trim();
    const product = productName ? productFor(productName, row.row) : null;
    const title = f.title?.trim() || [productName, f.company?.trim()].filter(Boolean).join(' · ');
    if (!title) {
      ctx.problems.push({ row: row.row, column: null, value: null, key: 'import.name_missing' });
      continue;
    }
    if (ctx.dedupe !== 'create' && titles.has(foldText(title))) {
      out.skipped++;
      continue;
    }
    const ownerId = f.owner?.trim() ? ownerFor(f.owner.trim(), row.row) : null;
    const companyId = f.company?.trim() ? companyFor(f.company.trim(), row.row) : null;
    const pipelineId = pipelineFor(f.pipeline?.trim() || undefined, row.row);
    const stage = pipelineId ? stageFor(pipelineId, f.stage?.trim() || undefined, row.row) : null;
    const currency = (f.currency?.trim() || currencyDefault).toUpperCase();
    const amount = cell(ctx, row, 'amount', (t) => money(t, ctx.decimals.get('amount') ?? '.', currency));
    const dayMs = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
    const engaged = cell(ctx, row, 'engagedAt', (t) => parseDate(t, ctx.dateFormats.get('engagedAt') ?? 'mdy'));
    const close = cell(ctx, row, 'closeDate', (t) => parseDate(t, ctx.dateFormats.get('closeDate') ?? 'mdy'));
    if (ctx.problems.length > before || !stage) continue;
    const closed = stage.kind !== 'open';
    const enteredAt = (closed && close ? dayMs(close) : engaged ? dayMs(engaged) : null) ?? now;
    const id = newId();
    titles.add(foldText(title));
    out.add({
      table: 'deals',
      op: 'insert',
      id,
      values: {
        title,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        amount: amount ?? (product && closed ? null : product ? Number(product[2]) : null),
        currency,
        companyId,
        ownerId,
        source: f.source?.trim() || null,
        engagedAt: engaged ? dayMs(engaged) : null,
        closedAt: closed ? (close ? dayMs(close) : now) : null,
        expectedClose: !closed && close ? close : null,
        stageEnteredAt: enteredAt,
      },
    });
    out.add(firstStayMutation(id, stage, enteredAt));
    if (product) {
      out.add({
        table: 'deal_line_items',
        op: 'insert',
        id: newId(),
        values: {
          dealId: id,
          productId: product[0],
          description: product[1],
          quantity: 1,
          unitPrice: amount ?? Number(product[2]),
          discountRate: 0,
          taxRate: 0,
          position: 0,
        },
      });
    }
    out.rowIds.set(row.row, id);
    out.created++;
  }
  return out;
}

export function planMore(entity: MoreEntity, ctx: Context, rows: FieldRow[]): ImportPlan {
  if (entity === 'products') return planProducts(ctx, rows);
  if (entity === 'members') return planMembers(ctx, rows);
  return planDeals(ctx, rows);
}
