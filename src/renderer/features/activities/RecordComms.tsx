import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconMailForward, IconNote, IconPhoneCall } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { ComposeEmailModal } from '../email/ComposeEmailModal';
import { CallLogger } from './CallLogger';
import { RichNoteEditor } from './RichNoteEditor';

interface Props {
  entityType: 'contacts' | 'companies' | 'deals';
  entityId: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** Other records the call or mail is linked to (the contact's company). */
  alsoLink?: { entityType: 'contacts' | 'companies' | 'deals'; entityId: string }[];
  readOnly?: boolean;
}

/** A record's communication actions: send an email (templates, outbox), log a timed call, write a rich note. */
export function RecordComms({ entityType, entityId, name, email, phone, alsoLink = [], readOnly }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'email' | 'call' | 'note' | null>(null);
  const [note, setNote] = useState('');
  if (readOnly) return null;
  const links = [{ entityType, entityId }, ...alsoLink];

  async function saveNote() {
    try {
      await unwrap(api.notes.create({ entityType, entityId, body: note }));
      notifySuccess(t('note.add'), name);
      setOpen(null);
      setNote('');
    } catch (error) {
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  return (
    <Group gap="xs" data-testid="record-comms">
      <Button
        variant="light"
        leftSection={<IconMailForward size={16} />}
        onClick={() => setOpen('email')}
        data-testid="comms-email"
      >
        {t('email.compose')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconPhoneCall size={16} />}
        onClick={() => setOpen('call')}
        data-testid="comms-call"
      >
        {t('call.log')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconNote size={16} />}
        onClick={() => setOpen('note')}
        data-testid="comms-note"
      >
        {t('note.add')}
      </Button>
      <ComposeEmailModal
        opened={open === 'email'}
        onClose={() => setOpen(null)}
        target={{ entityType, entityId }}
        defaultTo={email}
      />
      <CallLogger opened={open === 'call'} onClose={() => setOpen(null)} number={phone} links={links} name={name} />
      <Modal
        opened={open === 'note'}
        onClose={() => setOpen(null)}
        title={<Text fw={650}>{t('note.add')}</Text>}
        size="lg"
        centered
      >
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('note.mention_hint')}
          </Text>
          <RichNoteEditor onChange={setNote} />
          <Group justify="flex-end">
            <Button
              onClick={() => void saveNote()}
              disabled={!note.replace(/<[^>]+>/g, '').trim()}
              data-testid="note-save"
            >
              {t('act.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
