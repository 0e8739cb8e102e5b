import { and, desc, eq } from 'drizzle-orm';
import { companies, contactCompanies, contacts, deals } from '../../../db/schema';
import type { Company } from '../../shared/contract/companies';
import type { Contact } from '../../shared/contract/contacts';
import type { Deal } from '../../shared/contract/deals';
import { contactDisplayName, type LifecycleStage } from '../../shared/domain/contact';
import type { Locale } from '../../shared/i18n/locales';
import { CrmError, invalid } from '../errors';
import { mutate, write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { createCompany, getCompany } from './companies';
import { linkCompany } from './contact-companies';
import { getContact } from './contacts';
import { createDealMutations, getDeal, linkContactMutations } from './deals';

export interface ConvertLeadInput {
  contactId: string;
  companyId?: string | undefined;
  companyName?: string | undefined;
  dealId?: string | undefined;
  deal?:
    | {
        title?: string | undefined;
        pipelineId?: string | undefined;
        stageId?: string | undefined;
        amount?: number | null | undefined;
        currency?: string | undefined;
        expectedClose?: string | null | undefined;
      }
    | undefined;
  role?: string | null | undefined;
}

/** Lifecycle stages that already mean "customer": converting them again is refused. */
const CUSTOMER_STAGES = new Set<LifecycleStage>(['customer', 'loyal_customer', 'advocate']);

function primaryCompanyId(db: CrmDb, contactId: string): string | null {
  const row = db.orm
    .select({ companyId: contactCompanies.companyId })
    .from(contactCompanies)
    .innerJoin(companies, eq(companies.id, contactCompanies.companyId))
    .where(
      and(eq(contactCompanies.contactId, contactId), eq(contactCompanies.deleted, false), eq(companies.deleted, false)),
    )
    .orderBy(desc(contactCompanies.isPrimary))
    .limit(1)
    .get();
  return row?.companyId ?? null;
}

/**
 * One action that turns a lead into a customer: the contact's lifecycle stage becomes customer,
 * its company is the given one, a new one by name, or the one it already works at (linked as
 * primary), and a deal is linked (the given one) or created in the first open stage, with the
 * contact on it. All in one transaction: a refused part leaves nothing half done.
 */
export function convertLead(
  db: CrmDb,
  input: ConvertLeadInput,
  options: WriteOptions = {},
  locale: Locale = 'en',
): { contact: Contact; company: Company | null; deal: Deal } {
  const contact = db.orm.select().from(contacts).where(eq(contacts.id, input.contactId)).get();
  if (!contact || contact.deleted) throw new CrmError('not_found', 'errors.not_found', { entity: 'entity.contact' });
  if (contact.lifecycleStage && CUSTOMER_STAGES.has(contact.lifecycleStage as LifecycleStage))
    throw invalid([{ path: ['contactId'], key: 'validation.already_customer' }]);
  if (input.companyId) {
    const c = db.orm.select().from(companies).where(eq(companies.id, input.companyId)).get();
    if (!c || c.deleted)
      throw invalid([{ path: ['companyId'], key: 'errors.not_found', params: { entity: 'entity.company' } }]);
  }
  if (input.dealId) {
    const d = db.orm.select().from(deals).where(eq(deals.id, input.dealId)).get();
    if (!d || d.deleted)
      throw invalid([{ path: ['dealId'], key: 'errors.not_found', params: { entity: 'entity.deal' } }]);
  }

  return write(db, () => {
    let companyId = input.companyId ?? null;
    if (!companyId && input.companyName) companyId = createCompany(db, { name: input.companyName }, options).id;
    if (!companyId) companyId = primaryCompanyId(db, contact.id);
    if (companyId) {
      linkCompany(db, { contactId: contact.id, companyId, isPrimary: true }, options);
      const company = getCompany(db, companyId);
      if (!company.lifecycleStage || !CUSTOMER_STAGES.has(company.lifecycleStage)) {
        mutate(
          db,
          { table: 'companies', op: 'update', id: companyId, values: { lifecycleStage: 'customer' } },
          options,
        );
      }
    }
    const role = input.role === undefined ? 'decision_maker' : input.role;

    let dealId = input.dealId;
    if (dealId) {
      const existing = getDeal(db, dealId);
      mutate(
        db,
        [
          ...linkContactMutations(db, dealId, contact.id, role),
          ...(companyId && !existing.companyId
            ? [{ table: 'deals' as const, op: 'update' as const, id: dealId, values: { companyId } }]
            : []),
        ],
        options,
      );
    } else {
      const companyName = companyId ? getCompany(db, companyId).name : null;
      const title = input.deal?.title ?? companyName ?? contactDisplayName(contact);
      const made = createDealMutations(
        db,
        {
          title,
          ...(input.deal?.pipelineId ? { pipelineId: input.deal.pipelineId } : {}),
          ...(input.deal?.stageId ? { stageId: input.deal.stageId } : {}),
          ...(input.deal?.currency ? { currency: input.deal.currency } : {}),
          amount: input.deal?.amount ?? null,
          expectedClose: input.deal?.expectedClose ?? null,
          companyId,
          ownerId: contact.ownerId,
          source: contact.leadSource,
          contacts: [{ contactId: contact.id, role }],
        },
        options,
        { locale },
      );
      mutate(db, made.mutations, options);
      dealId = made.id;
    }
    mutate(db, { table: 'contacts', op: 'update', id: contact.id, values: { lifecycleStage: 'customer' } }, options);
    return {
      contact: getContact(db, contact.id),
      company: companyId ? getCompany(db, companyId) : null,
      deal: getDeal(db, dealId),
    };
  });
}
