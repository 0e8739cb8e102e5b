import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import type { CompanyLinkRow } from './form-values';

/**
 * Brings a contact's company links to what the form shows: links removed are unlinked, new or
 * changed ones (role, primary) are linked. The primary one goes last so it ends up the only one.
 */
export async function syncCompanyLinks(contactId: string, before: CompanyLinkRow[], after: CompanyLinkRow[]) {
  const wanted = after.filter((r) => r.companyId);
  const wantedIds = new Set(wanted.map((r) => r.companyId));
  for (const old of before) {
    if (!wantedIds.has(old.companyId))
      await unwrap(api.contacts.unlinkCompany({ contactId, companyId: old.companyId }));
  }
  const ordered = [...wanted].sort((a, b) => Number(a.isPrimary) - Number(b.isPrimary));
  for (const row of ordered) {
    const old = before.find((b) => b.companyId === row.companyId);
    if (old && old.role.trim() === row.role.trim() && old.isPrimary === row.isPrimary) continue;
    await unwrap(
      api.contacts.linkCompany({
        contactId,
        companyId: row.companyId,
        role: row.role.trim() || null,
        isPrimary: row.isPrimary,
      }),
    );
  }
}
