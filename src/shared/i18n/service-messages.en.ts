/** Back-end messages of tickets, SLAs, the knowledge base and campaigns, spread into messages.en. */
export const serviceMessagesEn = {
  'entity.ticket': 'Ticket',
  'entity.business_hours': 'Business hours',
  'entity.sla_policy': 'SLA policy',
  'entity.assignment_rule': 'Assignment rule',
  'entity.kb_category': 'Knowledge-base category',
  'entity.kb_article': 'Article',
  'entity.campaign': 'Campaign',
  'validation.time_invalid': 'Enter a time as HH:MM, like 09:00.',
  'validation.timezone_invalid': 'Unknown time zone: use a name like Europe/Madrid or America/New_York.',
  'validation.resolution_before_response': 'The resolution target cannot be shorter than the first-response target.',
  'errors.ticket_no_email': 'This ticket has no contact with an email address to reply to.',
  'errors.business_hours_in_use':
    'These business hours are still used by SLA policies: {{names}}. Give them other hours (or none) first.',
  'errors.kb_translation_exists': 'This article already has a version in that language.',
  'errors.campaign_empty_audience':
    'The audience is empty: choose a view or segment with at least one contact to mail.',
  'errors.campaign_view_not_contacts': 'Choose a saved view of contacts.',
  'errors.campaign_segment_unavailable': 'This segment is not available.',
  'errors.campaign_no_template': 'Choose the email template this campaign sends.',
  'errors.campaign_sending_locked': 'The campaign has started sending: its audience and template can no longer change.',
  'errors.campaign_finished': 'This campaign is finished.',
  'errors.campaign_not_active': 'The campaign is not sending.',
  'errors.campaign_not_paused': 'The campaign is not paused.',
  'errors.campaign_not_member': 'This contact is not in the campaign.',
  'errors.campaign_member_no_email': 'No email address.',
  'service.auto_reply_subject': 'We received your request: {{subject}} [#{{ref}}]',
  'service.auto_reply_greeting': 'Hello {{name}},',
  'service.auto_reply_body':
    'Thank you for contacting us. Your request "{{subject}}" has the reference #{{ref}}; we will answer you as soon as possible.',
} as const;
