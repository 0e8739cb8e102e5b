import { Button, Group, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_DIRECTIONS, CHANNELS, type Channel } from '../../../shared/contract/channels';
import { FormModal } from '../../components/FormModal';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';

type Linkable = 'contacts' | 'companies' | 'deals';

function InteractionForm({ entity, id, onDone }: { entity: Linkable; id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel>('whatsapp');
  const [direction, setDirection] = useState<string>('inbound');
  const [handle, setHandle] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    try {
      await unwrap(
        api.channels.log({
          channel,
          direction: direction as (typeof CHANNEL_DIRECTIONS)[number],
          body,
          ...(subject.trim() ? { subject: subject.trim() } : {}),
          ...(handle.trim() ? { handle: handle.trim() } : {}),
          links: [{ entityType: entity, entityId: id }],
        }),
      );
      notifySuccess(t('channels.logged'), t(`channels.name.${channel}`));
      onDone();
    } catch (e) {
      setError(errorText(t, e));
      notifyError(t('tickets.not_saved'), errorText(t, e));
    }
  };
  return (
    <Stack gap="sm">
      <Group grow>
        <Select
          label={t('channels.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`channels.name.${c}`) }))}
          value={channel}
          onChange={(v) => v && setChannel(v as Channel)}
          allowDeselect={false}
          data-testid="interaction-channel"
        />
        <TextInput label={t('channels.handle')} value={handle} onChange={(e) => setHandle(e.currentTarget.value)} />
      </Group>
      <SegmentedControl
        value={direction}
        onChange={setDirection}
        data={CHANNEL_DIRECTIONS.map((d) => ({ value: d, label: t(`channels.direction.${d}`) }))}
      />
      <TextInput
        label={t('channels.subject')}
        description={t('channels.subject_hint')}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        data-testid="interaction-subject"
      />
      <Textarea
        label={t('channels.body')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={3}
        error={error}
        data-testid="interaction-body"
      />
      <Group justify="flex-end">
        <Button onClick={save} data-testid="interaction-save">
          {t('channels.log')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Log a conversation" on LinkedIn, X, Facebook, Instagram, WhatsApp or chat for a record; it lands
 * on its timeline as an activity with its channel. Meant for the record pages' quick actions.
 */
export function LogInteractionButton({
  entity,
  id,
  variant = 'default',
  size = 'xs',
}: {
  entity: Linkable;
  id: string;
  /** To match the buttons around it (the record header's quick actions are light, full size). */
  variant?: 'default' | 'light';
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        size={size}
        leftSection={<IconMessages size={size === 'xs' ? 14 : 16} />}
        onClick={() => setOpen(true)}
        data-testid="log-interaction"
      >
        {t('channels.log_title')}
      </Button>
      <FormModal opened={open} onClose={() => setOpen(false)} title={t('channels.log_title')}>
        <InteractionForm entity={entity} id={id} onDone={() => setOpen(false)} />
      </FormModal>
    </>
  );
}
