/** Back-end messages of imports, exports, vCards and backups (errors, row problems, CLI output), in English. */
export const importMessagesEn = {
  'entity.import': 'Import',
  'entity.backup': 'Backup',
  'import.empty_file': 'The file is empty: there is nothing to import.',
  'import.binary_file': 'This is not a text file (CSV or vCard). Save it from your spreadsheet as CSV and try again.',
  'import.unknown_encoding': 'Unknown text encoding "{{encoding}}".',
  'import.bad_encoding':
    'This value is not valid {{encoding}} text: the file was saved in another encoding. Choose the right encoding (Windows-1252 for Excel in Spanish) and try again.',
  'import.no_rows': 'The file has a header but no rows.',
  'import.nothing_mapped': 'No column is mapped to a field: choose where at least one column goes.',
  'import.ragged_row':
    'This row has {{found}} values where the header has {{expected}} columns (a missing or extra separator).',
  'import.unbalanced_quotes':
    'A quote opened on this row is never closed: the rest of the file would be read as one value.',
  'import.cancelled': 'The import was cancelled. Nothing was changed.',
  'import.bad_date': 'Not a date in the chosen format ({{format}}).',
  'import.date_format.mdy': 'M/D/YYYY',
  'import.date_format.dmy': 'D/M/YYYY',
  'import.date_format.iso': 'YYYY-MM-DD',
  'import.bad_number': 'Not a number.',
  'import.bad_boolean': 'Expected yes or no.',
  'import.bad_country': 'Unknown country: use a name or a two-letter code such as ES or US.',
  'import.unknown_option': '"{{value}}" is not an option of {{field}}.',
  'import.name_missing': 'This row has no name.',
  'import.company_missing':
    'No company "{{name}}" in the workspace. Create missing companies to add it, or fix the name.',
  'import.owner_missing': 'No member "{{name}}" in the workspace. Create missing records to add them, or fix the name.',
  'import.pipeline_missing':
    'No pipeline "{{name}}" in the workspace. Create missing records to add it, or fix the name.',
  'import.stage_missing': 'No stage "{{name}}" in this pipeline. Create missing records to add it, or fix the name.',
  'import.product_missing':
    'No product "{{name}}" (nor one with a close name). Import the products first, or fix the name.',
  'import.no_pipeline':
    'The workspace has no pipeline yet. Create missing records to make one from the stages in the file.',
  'import.upload_missing': 'The uploaded file is gone: upload it again.',
  'import.job_missing': 'No such import job.',
  'import.report.row': 'Row',
  'import.report.column': 'Column',
  'import.report.value': 'Value',
  'import.report.problem': 'Problem',
  'import.vcard_bad_card': 'Card {{card}} (line {{line}}) cannot be read: {{reason}}',
  'import.vcard_no_cards': 'No vCard in this file.',
  'cli.import_checked':
    'Checked {{rows}} rows: {{created}} to create, {{updated}} to update, {{skipped}} duplicates to skip, {{related}} related records to create.',
  'cli.import_done':
    'Imported {{rows}} rows: {{created}} created, {{updated}} updated, {{skipped}} duplicates skipped, {{related}} related records created (import {{id}}).',
  'cli.import_failed': '{{errors}} rows have problems; nothing was imported.',
  'cli.import_report_written': 'Error report written to {{path}}.',
  'cli.import_undone': 'Import {{id}} undone.',
  'cli.import_entity': 'Import what? Use contacts or companies.',
  'cli.export_done': 'Exported {{count}} records to {{path}}.',
  'cli.backup_done': 'Backup written to {{path}} ({{size}} bytes).',
  'cli.restore_done': 'Restored {{path}} from {{from}}; the previous database was kept at {{kept}}.',
  'backup.not_a_backup': 'The file {{path}} is not a readable CRM backup: {{reason}}.',
  'export.file_missing': 'That export is gone (it was read already or is over an hour old): export again.',
  'book.read_only':
    'This book was opened read-only: nothing in it can be changed. To work on its records, merge it into a workspace (Merge the book, or crm book import).',
  'book.view_closed': 'That read-only book is closed: open it again from Import.',
  'cli.book_open_exists': '{{path}} already exists: crm book open makes a new read-only copy, give --out a new file.',
  'book.passphrase_needed': 'This book is encrypted: give its passphrase.',
  'book.wrong_passphrase': 'Wrong passphrase for this book. Nothing was changed.',
  'book.not_a_book': 'This file is not a CRM book or workspace export.',
  'book.clock_ahead':
    "This book's changes are dated as late as {{date}}, ahead of this computer's clock: the computer that exported it (or this one) has the wrong date. Nothing was merged. Correct the date and time, then export the book again.",
  'cli.book_exported': 'Book written to {{path}}: {{records}} records.',
  'cli.book_merged': 'Book merged: {{rows}} records new or changed.',
  'cli.export_needs_out': 'Say where to write the export with --out FILE.',
  'cli.export_format': 'Export as what? Use --format csv or xlsx (vcf for contacts, ics for activities).',
  'cli.export_entity': 'Export what? Use contacts, companies, deals, activities or workspace.',
  'book.passphrase_short': 'Use a passphrase of at least 8 characters.',
  'backup.missing': 'No backup at {{path}}.',
  'errors.db_locked':
    'The workspace {{path}} is encrypted: give its passphrase to open it (in the CLI with --passphrase or CRM_PASSPHRASE).',
  'errors.db_wrong_passphrase': 'Wrong passphrase for the workspace {{path}}. Nothing was changed: try again.',
  'errors.workspace_locked': 'The workspace is locked: enter its passphrase first.',
  'errors.passphrase_current_wrong': 'The current passphrase is not right. The passphrase was not changed.',
  'errors.passphrase_busy': 'Another program has this workspace open (the CLI or a backup): close it and try again.',
  'errors.restore_needs_app':
    'Restoring a backup while the workspace is open needs the app or web mode; in a terminal, use crm restore.',
  'cli.passphrase_set': 'The workspace {{path}} is now encrypted with the new passphrase.',
  'cli.passphrase_removed': 'The workspace {{path}} is no longer encrypted.',
  'backup.restored': 'Backup restored from {{from}}; the previous workspace was kept at {{kept}}.',
  'backup.locked_or_junk':
    'The file {{path}} is encrypted or is not a CRM backup. If it is the backup of an encrypted workspace, give its passphrase (--passphrase or CRM_PASSPHRASE).',
  'errors.busy_importing':
    'An import is being written to this workspace: try again when it has finished (or cancel it).',
} as const;
