import { describe, expect, it } from 'vitest';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { tempDb } from '../db/temp-db';

describe('lead conversion', () => {
  it('turns a lead into a customer with a new company and a new deal', async () => {
    const db = tempDb();
    const lead = await call(db, 'contacts.create', {
      firstName: 'Marta',
      lastName: 'Gil',
      lifecycleStage: 'lead',
      leadSource: 'Web',
    });
    const out = await call(db, 'contacts.convertLead', {
      contactId: lead.id,
      companyName: 'Gil Consulting',
      deal: { amount: 5000_00 },
    });
    expect(out.contact.lifecycleStage).toBe('customer');
    expect(out.company).toMatchObject({ name: 'Gil Consulting', lifecycleStage: 'customer' });
    expect(out.deal).toMatchObject({
      title: 'Gil Consulting',
      companyId: out.company!.id,
      amount: 5000_00,
      source: 'Web',
      status: 'open',
    });
    // The deal landed in the default pipeline's first stage, with the contact as decision maker.
    const pipelines = (await call(db, 'pipelines.list', {})).items;
    expect(out.deal.stageId).toBe(pipelines[0]!.stages[0]!.id);
    expect((await call(db, 'deals.contacts', { id: out.deal.id })).items).toEqual([
      expect.objectContaining({ contactId: lead.id, role: 'decision_maker' }),
    ]);
    expect((await call(db, 'contacts.companies', { id: lead.id })).items[0]).toMatchObject({
      companyId: out.company!.id,
      isPrimary: true,
    });
  });

  it('links an existing company and deal', async () => {
    const db = tempDb();
    const company = await call(db, 'companies.create', { name: 'Acme' });
    const deal = await call(db, 'deals.create', { title: 'Acme pilot' });
    const lead = await call(db, 'contacts.create', { firstName: 'Tom', lifecycleStage: 'qualified_lead' });
    const out = await call(db, 'contacts.convertLead', {
      contactId: lead.id,
      companyId: company.id,
      dealId: deal.id,
      role: 'champion',
    });
    expect(out.deal.id).toBe(deal.id);
    expect(out.deal.companyId).toBe(company.id);
    expect((await call(db, 'deals.contacts', { id: deal.id })).items[0]).toMatchObject({
      contactId: lead.id,
      role: 'champion',
    });
    expect((await call(db, 'deals.count', {})).count).toBe(1);
  });

  it('uses the company the lead already works at', async () => {
    const db = tempDb();
    const company = await call(db, 'companies.create', { name: 'Globex' });
    const lead = await call(db, 'contacts.create', { firstName: 'Hank', lifecycleStage: 'lead' });
    await call(db, 'contacts.linkCompany', { contactId: lead.id, companyId: company.id });
    const out = await call(db, 'contacts.convertLead', { contactId: lead.id });
    expect(out.company?.id).toBe(company.id);
    expect(out.deal.title).toBe('Globex');
  });

  it('refuses a customer, an unknown deal or a bad currency and changes nothing', async () => {
    const db = tempDb();
    const customer = await call(db, 'contacts.create', { firstName: 'Old', lifecycleStage: 'customer' });
    const lead = await call(db, 'contacts.create', { firstName: 'New', lifecycleStage: 'lead' });
    await call(db, 'pipelines.list', {});
    await expectNothingWritten(
      db,
      ['contacts', 'companies', 'deals', 'deal_contacts', 'contact_companies', 'sync_outbox'],
      async () => {
        const again = await refuse(db, 'contacts.convertLead', { contactId: customer.id }, 'es');
        expect(again.issues?.[0]?.message).toBe('Este contacto ya es cliente.');
        await refuse(db, 'contacts.convertLead', {
          contactId: lead.id,
          dealId: '0190a000-0000-7000-8000-0000000fffff',
        });
        const cur = await refuse(db, 'contacts.convertLead', {
          contactId: lead.id,
          companyName: 'X',
          deal: { currency: 'ZZZ' },
        });
        expect(cur.issues?.[0]?.key).toBe('validation.currency_unknown');
      },
    );
    expect((await call(db, 'contacts.get', { id: lead.id })).lifecycleStage).toBe('lead');
  });
});
