import type { serviceMessagesEn } from './service-messages.en';

/** Mensajes del back end de tickets, SLA, base de conocimiento y campañas. */
export const serviceMessagesEs: Record<keyof typeof serviceMessagesEn, string> = {
  'entity.ticket': 'Ticket',
  'entity.business_hours': 'Horario laboral',
  'entity.sla_policy': 'Política de SLA',
  'entity.assignment_rule': 'Regla de asignación',
  'entity.kb_category': 'Categoría de la base de conocimiento',
  'entity.kb_article': 'Artículo',
  'entity.campaign': 'Campaña',
  'validation.time_invalid': 'Escribe la hora como HH:MM, por ejemplo 09:00.',
  'validation.timezone_invalid': 'Zona horaria desconocida: usa un nombre como Europe/Madrid o America/New_York.',
  'validation.resolution_before_response':
    'El objetivo de resolución no puede ser más corto que el de primera respuesta.',
  'errors.ticket_no_email': 'Este ticket no tiene un contacto con correo electrónico al que responder.',
  'errors.business_hours_in_use':
    'Este horario lo usan todavía políticas de SLA: {{names}}. Asígnales otro horario (o ninguno) primero.',
  'errors.kb_translation_exists': 'Este artículo ya tiene una versión en ese idioma.',
  'errors.campaign_empty_audience':
    'La audiencia está vacía: elige una vista o un segmento con al menos un contacto al que escribir.',
  'errors.campaign_view_not_contacts': 'Elige una vista guardada de contactos.',
  'errors.campaign_segment_unavailable': 'Este segmento no está disponible.',
  'errors.campaign_no_template': 'Elige la plantilla de correo que envía esta campaña.',
  'errors.campaign_sending_locked':
    'La campaña ya ha empezado a enviarse: su audiencia y su plantilla ya no pueden cambiar.',
  'errors.campaign_finished': 'Esta campaña ha terminado.',
  'errors.campaign_not_active': 'La campaña no se está enviando.',
  'errors.campaign_not_paused': 'La campaña no está en pausa.',
  'errors.campaign_not_member': 'Este contacto no está en la campaña.',
  'errors.campaign_member_no_email': 'Sin dirección de correo.',
  'service.auto_reply_subject': 'Hemos recibido tu solicitud: {{subject}} [#{{ref}}]',
  'service.auto_reply_greeting': 'Hola, {{name}}:',
  'service.auto_reply_body':
    'Gracias por contactar con nosotros. Tu solicitud «{{subject}}» tiene la referencia #{{ref}}; te responderemos lo antes posible.',
};
