import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: {
    en: 'Check a database for corruption and report what it holds',
    es: 'Revisa una base de datos y dice lo que contiene',
  },
  usage: 'crm doctor [--db PATH] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs('doctor', argv, {});
    const path = dbPathOption(values.db);
    const db = openCliDatabase({ path });
    try {
      const integrity = db.sqlite.pragma('integrity_check') as { integrity_check: string }[];
      const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      try {
        // FTS5's own consistency check between the index and its stored content.
        db.sqlite.exec("INSERT INTO search_index(search_index) VALUES('integrity-check')");
      } catch (error) {
        problems.push(`search index: ${(error as Error).message}`);
      }
      const count = (sql: string) => (db.sqlite.prepare(sql).pluck().get() as number) ?? 0;
      const report = {
        path,
        ok: problems.length === 0,
        problems,
        schemaVersion: db.schemaVersion,
        journalMode: db.sqlite.pragma('journal_mode', { simple: true }),
        nodeId: db.nodeId,
        counts: {
          contacts: count('SELECT count(*) FROM contacts WHERE deleted = 0'),
          contactsInTrash: count('SELECT count(*) FROM contacts WHERE deleted = 1'),
          companies: count('SELECT count(*) FROM companies WHERE deleted = 0'),
          deals: count('SELECT count(*) FROM deals WHERE deleted = 0'),
          activities: count('SELECT count(*) FROM activities WHERE deleted = 0'),
          pendingSyncChanges: count('SELECT count(*) FROM sync_outbox'),
          searchDocuments: count('SELECT count(*) FROM search_doc'),
        },
      };
      if (io.json) printJson(io, report);
      else if (report.ok) {
        io.out(io.t('cli.doctor_ok', { path, version: report.schemaVersion, contacts: report.counts.contacts }));
      } else {
        io.out(io.t('cli.doctor_bad', { path }));
        for (const p of problems) io.out(`  - ${p}`);
      }
      return report.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};
