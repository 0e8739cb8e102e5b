import type { activitiesMessagesEn } from './activities.en';

/** Back-end messages of activities, calendar, templates, email and automations (Spanish). */
export const activitiesMessagesEs: Record<keyof typeof activitiesMessagesEn, string> = {
  'validation.range_order': 'El final debe ser posterior al inicio.',
  'validation.range_too_long': 'Elige un periodo más corto: como mucho 400 días.',
  'validation.recurrence_invalid': 'La regla de repetición no es válida ({{reason}}).',
  'validation.end_before_start': 'El final no puede ser anterior al inicio.',
  'activity.untitled': '(sin título)',
  'validation.not_an_occurrence':
    'Esta hora no es una repetición de la serie: recarga el calendario e inténtalo de nuevo.',
  'errors.series_only': 'Solo una reunión o tarea periódica tiene repeticiones que se puedan mover de una en una.',
  'errors.task_only': 'Solo las tareas se pueden completar o posponer.',
  'errors.template_unknown_field':
    'Campo de combinación desconocido {{field}}. Usa un campo de la lista, como {{example}}.',
  'errors.template_needs_target': 'Esta plantilla usa {{field}}: elige un registro con el que combinarla.',
  'errors.template_missing_value': 'El registro no tiene valor para {{field}}.',
  'errors.email_no_account': 'Configura tu cuenta SMTP en Ajustes antes de enviar correo.',
  'errors.email_passphrase_required':
    'Elige una frase de paso: en el navegador la contraseña SMTP se guarda cifrada con ella.',
  'errors.email_passphrase_wrong': 'Esa frase de paso no abre la contraseña SMTP guardada.',
  'errors.email_locked': 'Escribe tu frase de paso SMTP para enviar el correo que espera en la bandeja de salida.',
  'errors.email_no_body': 'Escribe un asunto y un mensaje, o elige una plantilla.',
  'errors.email_not_cancellable': 'Este correo ya se envió.',
  'errors.ics_empty': 'El archivo no tiene eventos de calendario.',
  'errors.ics_unreadable': 'No es un archivo iCalendar (.ics): {{reason}}',
  'ics.bad_event': 'Evento omitido: {{reason}}',
  'ics.no_start': 'Evento omitido: no tiene inicio (DTSTART).',
  'ics.bad_date': 'Evento omitido: su inicio o su final no es una fecha válida.',
  'ics.bad_rule': 'Evento importado sin su regla de repetición, que no es válida.',
  'ics.unparsed_lines': 'Las líneas {{lines}} no se pudieron leer y se omitieron.',
  'entity.template': 'Plantilla',
  'entity.automation': 'Automatización',
  'entity.outbox_mail': 'Correo',
  'automation.notify_overdue': 'Tarea vencida: {{subject}}',
  'automation.template_no_email': 'El contacto no tiene dirección de correo.',
  'reminder.at': 'A las {{when}}',
  'reminder.missed': 'Perdido mientras la app estaba cerrada: {{when}}',
  'reminder.overdue': 'Vencida desde {{when}}',
  'cli.ics_exported': 'Se exportaron {{count}} actividades a {{path}}.',
  'cli.ics_imported': 'Se importaron {{imported}} eventos ({{updated}} actualizados); {{issues}} problemas.',
  'cli.ics_format': 'Para actividades solo se admite --format ics.',
};
