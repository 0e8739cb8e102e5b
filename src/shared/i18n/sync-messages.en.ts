/** Back-end messages of sync (errors of the Sync settings, `crm sync` output). */
export const syncMessagesEn = {
  'sync.error_offline': 'The sync server cannot be reached. Check the address and your connection.',
  'sync.error_credentials': 'Wrong email or password, or this device was signed out.',
  'sync.error_rate_limited': 'Too many sign-in attempts. Wait a moment and try again.',
  'sync.error_clock_skew':
    'This device’s date and time are ahead of the sync server’s. Correct them in the system settings and sync again: your changes are kept and sent then.',
  'sync.error_invitation': 'This invitation code is not valid any more. Ask for a new one.',
  'sync.error_invalid': 'The sync server refused the request: {{message}}',
  'sync.error_server': 'The sync server had a problem: {{message}}',
  'sync.error_server_url': 'Enter the sync server address, like https://sync.example.com.',
  'sync.error_signed_out': 'This book is not signed in to a sync server.',
  'sync.conflict': 'Conflict',
  'cli.sync_done':
    'Synced with {{server}}: {{pushed}} field changes sent, {{pulled}} received, {{pending}} pending, {{conflicts}} new conflicts.',
  'cli.sync_need_account': 'Not signed in: pass --server, --email and --password (the device is then remembered).',
} as const;
