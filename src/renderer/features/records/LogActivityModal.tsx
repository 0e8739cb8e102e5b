import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconCalendarEvent,
  IconChecklist,
  IconMail,
  IconNote,
  IconPhoneCall,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityType, MethodInput } from '../../../shared/contract';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { toLocalDateTime } from '../custom-fields/custom-values';
import { useWorkspace } from '../members/workspace-store';
import { useRecordForm } from './use-record-form';

export const ACTIVITY_ICONS: Record<ActivityType, Icon> = {
  call: IconPhoneCall,
  meeting: IconCalendarEvent,
  email: IconMail,
  task: IconChecklist,
  note: IconNote,
};

const LOGGABLE: ActivityType[] = ['call', 'meeting', 'email', 'task', 'note'];
const OUTCOMES = ['connected', 'voicemail', 'no_answer', 'busy'] as const;

interface Values {
  type: ActivityType;
  subject: string;
  body: string;
  at: string;
  end: string;
  done: boolean;
  direction: 'outbound' | 'inbound';
  minutes: number | string;
  outcome: string | null;
  location: string;
  priority: 'low' | 'normal' | 'high';
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The record it is logged against. */
  link: { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };
  /** More records to link (a contact's primary company). */
  alsoLink?: { entityType: 'contacts' | 'companies'; entityId: string }[];
  initialType?: ActivityType;
}

const ms = (local: string) => {
  const n = new Date(local).getTime();
  return Number.isNaN(n) ? null : n;
};

/** Logs a call, meeting, email, task or note against a record (activities.create). */
export function LogActivityModal({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{t('records.log_activity')}</Text>}
      size="lg"
      radius="lg"
      centered
    >
      {/* Mounted only while open, so every opening starts from a clean form. */}
      {opened ? <LogActivityForm onDone={onClose} {...rest} /> : null}
    </Modal>
  );
}

function LogActivityForm({
  link,
  alsoLink = [],
  initialType = 'call',
  onDone,
}: Omit<Props, 'opened' | 'onClose'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const now = toLocalDateTime(Date.now());
  const form = useRecordForm<Values>(
    {
      type: initialType,
      subject: '',
      body: '',
      at: now,
      end: '',
      done: initialType !== 'task',
      direction: 'outbound',
      minutes: '',
      outcome: null,
      location: '',
      priority: 'normal',
    },
    (key) => ['subject', 'body', 'startAt', 'endAt', 'dueAt'].includes(key),
  );
  const { values, errors, set } = form;
  const isTask = values.type === 'task';

  function prepare(v: Values) {
    const at = ms(v.at);
    const input: MethodInput<'activities.create'> = {
      type: v.type,
      subject: v.subject,
      links: [link, ...alsoLink],
      ...(v.body.trim() ? { body: v.body.trim() } : {}),
      ...(current ? { ownerId: current.id } : {}),
    };
    if (isTask) {
      input.dueAt = at;
      input.details = { kind: 'task', priority: v.priority };
    } else {
      input.startAt = at;
      if (v.done) input.doneAt = at ?? Date.now();
    }
    if (v.type === 'call') {
      const minutes = typeof v.minutes === 'number' ? v.minutes : null;
      input.details = {
        kind: 'call',
        direction: v.direction,
        ...(minutes !== null ? { durationSeconds: Math.round(minutes * 60) } : {}),
        ...(v.outcome ? { outcome: v.outcome } : {}),
      };
    }
    if (v.type === 'meeting') {
      const end = ms(v.end);
      if (end !== null) input.endAt = end;
      input.details = { kind: 'meeting', ...(v.location.trim() ? { location: v.location.trim() } : {}) };
    }
    if (v.type === 'email') input.details = { kind: 'email', direction: v.direction };
    if (v.type === 'note') input.details = { kind: 'note' };
    return { input, rows: {} };
  }

  async function save(input: MethodInput<'activities.create'>) {
    await unwrap(api.activities.create(input));
    notifySuccess(t('records.activity_logged'), t(`records.activity_type.${input.type}`));
    onDone();
  }

  return (
    <form onSubmit={(e) => void form.submit(e, prepare, save)} noValidate data-testid="log-activity-form">
      <Stack gap="md">
        {form.general.length ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {form.general.join(' ')}
          </Alert>
        ) : null}
        <SegmentedControl
          fullWidth
          value={values.type}
          onChange={(v) => {
            set('type', v as ActivityType);
            set('done', v !== 'task');
          }}
          data={LOGGABLE.map((type) => {
            const Icon = ACTIVITY_ICONS[type];
            return {
              value: type,
              label: (
                <Group gap={6} justify="center" wrap="nowrap">
                  <Icon size={16} />
                  <span>{t(`records.activity_type.${type}`)}</span>
                </Group>
              ),
            };
          })}
          aria-label={t('records.activity_type_label')}
          data-testid="activity-type"
        />
        <TextInput
          label={t('records.activity_subject')}
          placeholder={t(`records.activity_subject_placeholder.${values.type}`)}
          required
          data-autofocus
          value={values.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          error={errors.subject}
          data-testid="activity-subject"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="datetime-local"
            label={isTask ? t('records.activity_due') : t('records.activity_when')}
            value={values.at}
            onChange={(e) => set('at', e.currentTarget.value, isTask ? 'dueAt' : 'startAt')}
            error={isTask ? errors.dueAt : errors.startAt}
          />
          {isTask ? (
            <Select
              label={t('records.task_priority')}
              data={(['low', 'normal', 'high'] as const).map((p) => ({ value: p, label: t(`records.priority.${p}`) }))}
              value={values.priority}
              onChange={(v) => set('priority', (v as Values['priority'] | null) ?? 'normal')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          ) : values.type === 'meeting' ? (
            <TextInput
              type="datetime-local"
              label={t('records.activity_end')}
              value={values.end}
              onChange={(e) => set('end', e.currentTarget.value, 'endAt')}
              error={errors.endAt}
            />
          ) : values.type === 'call' || values.type === 'email' ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('records.direction')}
              </Text>
              <SegmentedControl
                value={values.direction}
                onChange={(v) => set('direction', v as Values['direction'])}
                data={[
                  { value: 'outbound', label: t('records.direction_outbound') },
                  { value: 'inbound', label: t('records.direction_inbound') },
                ]}
              />
            </Stack>
          ) : (
            <div />
          )}
        </SimpleGrid>
        {values.type === 'call' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t('records.call_minutes')}
              min={0}
              value={values.minutes}
              onChange={(v) => set('minutes', v)}
            />
            <Select
              label={t('records.call_outcome')}
              data={OUTCOMES.map((o) => ({ value: o, label: t(`records.outcome.${o}`) }))}
              value={values.outcome}
              onChange={(v) => set('outcome', v)}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        ) : null}
        {values.type === 'meeting' ? (
          <TextInput
            label={t('records.meeting_location')}
            value={values.location}
            onChange={(e) => set('location', e.currentTarget.value)}
          />
        ) : null}
        <Textarea
          label={t('records.activity_body')}
          autosize
          minRows={3}
          maxRows={10}
          value={values.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          error={errors.body}
        />
        {!isTask ? (
          <Switch
            label={t('records.activity_done')}
            checked={values.done}
            onChange={(e) => set('done', e.currentTarget.checked)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={form.saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.saving} data-testid="save-activity">
            {t('records.save_activity')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
