/**
 * Messages produced by the back end (errors, CLI output) in English. Keys are shared with the
 * renderer's i18next resources, so a key translated here reads the same in every door.
 */
export const en = {
  'errors.invalid_input': 'Some fields need fixing.',
  'errors.not_found': '{{entity}} not found.',
  'errors.conflict': 'This record was changed elsewhere. Reload and try again.',
  'errors.forbidden': 'You are not allowed to do this.',
  'errors.unavailable': 'The service is unavailable. Try again in a moment.',
  'errors.internal': 'Something went wrong. The change was not saved.',
  'errors.unknown_method': 'Unknown method "{{method}}".',
  'errors.unauthorized': 'Missing or wrong access token.',
  'errors.bad_json': 'The request body is not valid JSON.',
  'errors.db_newer':
    'This database was written by a newer version of the CRM (schema {{found}}, this app knows {{known}}). Update the app to open it; nothing was changed.',
  'errors.db_not_crm': 'The file {{path}} is not a CRM database.',
  'errors.db_missing': 'No database at {{path}}. Run "crm init --db {{path}}" first.',
  'validation.required': 'This field is required.',
  'validation.too_long': 'Too long: at most {{max}} characters.',
  'validation.email_invalid': 'Enter a valid email address, like name@example.com.',
  'validation.phone_invalid': 'Enter a valid phone number, with the country code if it is not from {{country}}.',
  'validation.url_invalid': 'Enter a full web address starting with https://.',
  'validation.parent_cycle': 'A company cannot be its own parent, directly or through its subsidiaries.',
  'validation.domain_invalid': 'Enter a domain like example.com.',
  'validation.invalid_type': 'Wrong kind of value: expected {{expected}}.',
  'validation.invalid_value': 'This value is not allowed.',
  'validation.invalid_date': 'Enter a date as YYYY-MM-DD.',
  'validation.too_small': 'Too small: at least {{min}}.',
  'validation.too_big': 'Too big: at most {{max}}.',
  'validation.invalid_cursor': 'The page cursor is not valid; start from the first page.',
  'validation.unknown_key': 'Unknown field "{{key}}".',
  'entity.contact': 'Contact',
  'entity.company': 'Company',
  'entity.deal': 'Deal',
  'entity.activity': 'Activity',
  'entity.note': 'Note',
  'cli.usage': 'Usage: crm <command> [options]. Run "crm help" for the list of commands.',
  'cli.unknown_command': 'Unknown command "{{command}}". Run "crm help" for the list of commands.',
  'cli.unknown_option': 'Unknown option "{{option}}" for "crm {{command}}".',
  'cli.option_needs_value': 'Option "{{option}}" needs a value.',
  'cli.option_number': 'Option "{{option}}" needs a whole number, got "{{value}}".',
  'cli.init_done': 'Database ready at {{path}} (schema {{version}}).',
  'cli.doctor_ok': 'Database {{path}} is healthy: integrity ok, schema {{version}}, {{contacts}} contacts.',
  'cli.doctor_bad': 'Database {{path}} has problems:',
  'cli.seed_done':
    'Seeded {{contacts}} contacts, {{companies}} companies, {{deals}} deals and {{activities}} activities in {{seconds}} s.',
  'cli.serve_listening': 'Workspace open at {{url}}',
  'cli.search_none': 'Nothing found for "{{query}}".',
} as const;

export type MessageKey = keyof typeof en;
