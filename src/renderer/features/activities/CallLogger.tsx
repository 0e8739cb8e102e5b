import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPhone, IconPhoneOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useWorkspace } from '../members/workspace-store';

const OUTCOMES = ['connected', 'voicemail', 'no_answer', 'busy'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  number: string | null;
  links: { entityType: 'contacts' | 'companies' | 'deals'; entityId: string }[];
  name: string;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** Click-to-call: dials through `tel:`, times the call, then logs it with its outcome and notes. */
export function CallLogger({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('call.log')}</Text>} centered radius="lg">
      {opened ? <CallForm {...rest} onDone={onClose} /> : null}
    </Modal>
  );
}

function CallForm({ number, links, name, onDone }: Omit<Props, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [running, setRunning] = useState(false);
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [outcome, setOutcome] = useState<string>('connected');
  const [phone, setPhone] = useState(number ?? '');
  const [notes, setNotes] = useState('');

  useEffect(() => {
    if (!running || startedAt == null) return;
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - startedAt) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running, startedAt]);

  function start() {
    setStartedAt(Date.now());
    setSeconds(0);
    setRunning(true);
    if (phone) window.location.href = `tel:${phone.replace(/[^\d+]/g, '')}`;
  }

  async function save() {
    const at = startedAt ?? Date.now();
    try {
      await unwrap(
        api.activities.create({
          type: 'call',
          subject: `${t('act.type_call')} · ${name}`,
          body: notes.trim() || null,
          startAt: at,
          endAt: at + seconds * 1000,
          doneAt: at + seconds * 1000,
          ...(current ? { ownerId: current.id } : {}),
          details: { kind: 'call', direction, durationSeconds: seconds, outcome, ...(phone ? { number: phone } : {}) },
          links,
        }),
      );
      notifySuccess(t('call.logged'), clock(seconds));
      onDone();
    } catch (error) {
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  return (
    <Stack gap="sm" data-testid="call-logger">
      <TextInput label={t('call.number')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
      <Group justify="space-between">
        <Text size="xl" fw={700} ff="monospace" data-testid="call-timer" aria-label={t('call.timer')}>
          {clock(seconds)}
        </Text>
        {running ? (
          <Button
            color="red"
            leftSection={<IconPhoneOff size={16} />}
            onClick={() => setRunning(false)}
            data-testid="call-stop"
          >
            {t('call.stop_timer')}
          </Button>
        ) : (
          <Button color="teal" leftSection={<IconPhone size={16} />} onClick={start} data-testid="call-start">
            {phone ? t('call.dial', { number: phone }) : t('call.start_timer')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        value={direction}
        onChange={(v) => setDirection(v as 'outbound' | 'inbound')}
        data={[
          { value: 'outbound', label: t('call.outbound') },
          { value: 'inbound', label: t('call.inbound') },
        ]}
      />
      <Select
        label={t('call.outcome')}
        value={outcome}
        onChange={(v) => setOutcome(v ?? 'connected')}
        allowDeselect={false}
        data={OUTCOMES.map((o) => ({ value: o, label: t(`call.outcome_${o}`) }))}
      />
      <Textarea
        label={t('call.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Group justify="flex-end">
        <Button onClick={() => void save()} disabled={running} data-testid="call-save">
          {t('call.log')}
        </Button>
      </Group>
    </Stack>
  );
}
