import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../../../shared/contract/tickets';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { ContactPicker } from '../records/pickers/ContactPicker';
import { MemberSelect } from '../records/pickers/MemberSelect';
import type { Picked } from '../records/pickers/RemotePicker';

function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

/** Log a new request; without an assignee the assignment rules pick one. */
export function NewTicketForm({ onDone, contact }: { onDone: (id: string) => void; contact?: Picked | null }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [picked, setPicked] = useState<Picked | null>(contact ?? null);
  const [channel, setChannel] = useState<string>('email');
  const [priority, setPriority] = useState<string>('normal');
  const [category, setCategory] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const created = await unwrap(
        api.tickets.create({
          subject,
          description: description || null,
          contactId: picked?.id ?? null,
          channel: channel as (typeof TICKET_CHANNELS)[number],
          priority: priority as (typeof TICKET_PRIORITIES)[number],
          category: category || null,
          ...(assigneeId ? { assigneeId } : {}),
        }),
      );
      notifySuccess(t('tickets.created'), t(`tickets.auto_reply.${created.autoReply}`));
      onDone(created.ticket.id);
    } catch (error) {
      setErrors(fieldErrors(error));
      notifyError(t('tickets.not_saved'), errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('tickets.field.subject')}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={errors.subject}
        required
        data-autofocus
        data-testid="ticket-subject"
      />
      <Textarea
        label={t('tickets.field.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={3}
        error={errors.description}
      />
      <ContactPicker label={t('tickets.field.contact')} value={picked} onChange={setPicked} testId="ticket-contact" />
      <Group grow>
        <Select
          label={t('tickets.field.channel')}
          data={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channel.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v)}
          allowDeselect={false}
        />
        <Select
          label={t('tickets.field.priority')}
          data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priority.${p}`) }))}
          value={priority}
          onChange={(v) => v && setPriority(v)}
          allowDeselect={false}
          data-testid="ticket-priority"
        />
      </Group>
      <Group grow>
        <TextInput
          label={t('tickets.field.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
          error={errors.category}
        />
        <MemberSelect
          label={t('tickets.field.assignee')}
          placeholder={t('tickets.auto_assign')}
          value={assigneeId}
          onChange={setAssigneeId}
        />
      </Group>
      <Group justify="flex-end">
        <Button onClick={save} loading={saving} data-testid="ticket-create">
          {t('tickets.create')}
        </Button>
      </Group>
    </Stack>
  );
}
