import type { syncMessagesEn } from './sync-messages.en';

export const syncMessagesEs: Record<keyof typeof syncMessagesEn, string> = {
  'sync.error_offline': 'No se puede conectar con el servidor de sincronización. Revisa la dirección y la conexión.',
  'sync.error_credentials': 'Correo o contraseña incorrectos, o se cerró la sesión de este dispositivo.',
  'sync.error_rate_limited': 'Demasiados intentos de inicio de sesión. Espera un momento y vuelve a intentarlo.',
  'sync.error_clock_skew':
    'La fecha y la hora de este dispositivo van por delante de las del servidor de sincronización. Corrígelas en los ajustes del sistema y vuelve a sincronizar: tus cambios se conservan y se envían entonces.',
  'sync.error_invitation': 'Este código de invitación ya no es válido. Pide uno nuevo.',
  'sync.error_invalid': 'El servidor de sincronización rechazó la petición: {{message}}',
  'sync.error_server': 'El servidor de sincronización tuvo un problema: {{message}}',
  'sync.error_server_url': 'Escribe la dirección del servidor de sincronización, como https://sync.example.com.',
  'sync.error_signed_out': 'Este libro no tiene sesión iniciada en un servidor de sincronización.',
  'sync.conflict': 'Conflicto',
  'cli.sync_done':
    'Sincronizado con {{server}}: {{pushed}} cambios de campo enviados, {{pulled}} recibidos, {{pending}} pendientes, {{conflicts}} conflictos nuevos.',
  'cli.sync_need_account': 'Sin sesión: indica --server, --email y --password (el dispositivo queda recordado).',
};
