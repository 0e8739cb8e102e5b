import {
  countCompanies,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  restoreCompany,
  updateCompany,
} from '../../services/companies';
import { companiesOfContact, contactsOfCompany, linkCompany, unlinkCompany } from '../../services/contact-companies';
import { describeFields } from '../../services/filters';
import { resolveMerged } from '../../services/merge';
import { writeOptions, type HandlerMap } from '../context';

type CompanyMethods =
  | 'companies.create'
  | 'companies.get'
  | 'companies.list'
  | 'companies.count'
  | 'companies.fields'
  | 'companies.update'
  | 'companies.delete'
  | 'companies.restore'
  | 'companies.contacts'
  | 'contacts.companies'
  | 'contacts.linkCompany'
  | 'contacts.unlinkCompany';

export const companiesHandlers: HandlerMap<CompanyMethods> = {
  'companies.create': (input, ctx) => createCompany(ctx.db, input, writeOptions(ctx)),
  // A merged-away record answers with its survivor, so old links and synced references still land.
  'companies.get': (input, ctx) => getCompany(ctx.db, resolveMerged(ctx.db, 'companies', input.id)),
  'companies.list': (input, ctx) => listCompanies(ctx.db, input, ctx.actor),
  'companies.count': (input, ctx) => ({ count: countCompanies(ctx.db, input, ctx.actor) }),
  'companies.fields': (_input, ctx) => ({ items: describeFields(ctx.db, 'companies') }),
  'companies.update': (input, ctx) => updateCompany(ctx.db, input, writeOptions(ctx)),
  'companies.delete': (input, ctx) => deleteCompany(ctx.db, input.id, writeOptions(ctx)),
  'companies.restore': (input, ctx) => restoreCompany(ctx.db, input.id, writeOptions(ctx)),
  'companies.contacts': (input, ctx) => ({ items: contactsOfCompany(ctx.db, input.id) }),
  'contacts.companies': (input, ctx) => ({ items: companiesOfContact(ctx.db, input.id) }),
  'contacts.linkCompany': (input, ctx) => linkCompany(ctx.db, input, writeOptions(ctx)),
  'contacts.unlinkCompany': (input, ctx) => ({
    removed: unlinkCompany(ctx.db, input.contactId, input.companyId, writeOptions(ctx)),
  }),
};
