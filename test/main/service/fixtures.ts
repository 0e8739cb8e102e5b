import { afterEach } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { newId } from '../../../src/shared/ids';
import { manualClock, tempDb } from '../db/temp-db';
import { call } from '../accounts/api';
import { TestSmtp } from '../activities/smtp-test-server';

const servers: TestSmtp[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

/** A real SMTP server on loopback and this book's account pointing at it. */
export async function smtpFor(db: CrmDb): Promise<TestSmtp> {
  const port = await TestSmtp.freePort();
  const smtp = new TestSmtp(port);
  servers.push(smtp);
  await smtp.start();
  await call(db, 'email.saveAccount', {
    host: '127.0.0.1',
    port,
    security: 'none',
    user: 'ana',
    password: 's3cret',
    passphrase: 'correct horse',
    fromAddress: 'help@acme.test',
    fromName: 'Acme Help',
  });
  return smtp;
}

/** Monday 2 March 2026, 09:00 UTC (10:00 in Madrid). The clock stands still unless set. */
export const START = Date.UTC(2026, 2, 2, 9);

export async function serviceBook(start = START) {
  const clock = manualClock(start, 0);
  const db = tempDb({ now: clock.now });
  const ana = await call(db, 'members.create', { name: 'Ana Ruiz', email: 'ana@acme.test' });
  const ben = await call(db, 'members.create', { name: 'Ben Ortiz', email: 'ben@acme.test' });
  await call(db, 'members.setCurrent', { id: ana.id });
  const company = await call(db, 'companies.create', { name: 'Globex' });
  const contact = await call(db, 'contacts.create', {
    firstName: 'Lola',
    lastName: 'Flores',
    emails: [{ value: 'lola@example.com' }],
  });
  mutate(db, {
    table: 'contact_companies',
    op: 'insert',
    id: newId(),
    values: { contactId: contact.id, companyId: company.id, isPrimary: true },
  });
  return { db, clock, ana, ben, company, contact };
}
