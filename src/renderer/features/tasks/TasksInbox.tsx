import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconAlarmSnooze, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, TaskBucket } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useMemberName } from '../members/workspace-store';
import { useLive } from '../records/use-live';
import { ActivityModal, type ActivityDraft } from '../activities/ActivityModal';
import { localDayBounds } from '../activities/dates';

const BUCKETS: TaskBucket[] = ['overdue', 'today', 'upcoming', 'nodate', 'done'];
const HOUR = 3_600_000;

/** Overdue, today, upcoming, no date and done: complete in one click, snooze, mine or the team's. */
export function TasksInbox() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const memberName = useMemberName();
  const [bucket, setBucket] = useState<TaskBucket>('overdue');
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const inbox = useLive(
    () => unwrap(api.tasks.inbox({ bucket, scope, ...localDayBounds() })),
    ['activities', 'activity_links'],
    `${bucket}:${scope}`,
  );

  async function complete(task: Activity, done: boolean) {
    try {
      const result = await unwrap(api.activities.complete({ id: task.id, done }));
      if (done)
        notifySuccess(
          t('tasks.done_toast'),
          result.next?.dueAt != null
            ? t('tasks.next_scheduled', { when: fmt.dateTime(result.next.dueAt) })
            : task.subject || t('activity.untitled'),
        );
      void inbox.reload();
    } catch (error) {
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  async function snooze(task: Activity, until: number) {
    try {
      await unwrap(api.activities.snooze({ id: task.id, until }));
      notifySuccess(t('tasks.snooze'), t('tasks.snoozed_toast', { when: fmt.dateTime(until) }));
      void inbox.reload();
    } catch (error) {
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  const counts = inbox.data?.counts;
  const items = inbox.data?.items ?? [];
  const tomorrow9 = () => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9).getTime();
  };
  return (
    <Stack gap="md" data-testid="tasks-inbox">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={bucket}
          onChange={(v) => setBucket(v as TaskBucket)}
          data={BUCKETS.map((b) => ({
            value: b,
            label: `${t(`tasks.bucket_${b}`)}${counts ? ` · ${counts[b] >= 100 ? '99+' : fmt.number(counts[b])}` : ''}`,
          }))}
          data-testid="task-buckets"
        />
        <Group gap="sm">
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as 'mine' | 'team')}
            data={[
              { value: 'mine', label: t('tasks.scope_mine') },
              { value: 'team', label: t('tasks.scope_team') },
            ]}
            data-testid="task-scope"
          />
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDraft({ type: 'task', start: Date.now() + HOUR, end: null, allDay: false })}
            data-testid="new-task"
          >
            {t('act.new_task')}
          </Button>
        </Group>
      </Group>
      {items.length === 0 && !inbox.loading ? (
        <EmptyState icon={IconAlarmSnooze} color="gray" title={t('tasks.empty')} testId="tasks-empty" />
      ) : (
        <Card p={0} withBorder>
          {items.map((task) => {
            const priority = (task.details as { priority?: string }).priority;
            const overdue = task.doneAt == null && task.dueAt != null && task.dueAt < Date.now();
            return (
              <Group
                key={task.id}
                justify="space-between"
                px="md"
                py="sm"
                wrap="nowrap"
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                data-testid="task-row"
              >
                <Group gap="sm" wrap="nowrap">
                  <Checkbox
                    checked={task.doneAt != null}
                    onChange={(e) => void complete(task, e.currentTarget.checked)}
                    aria-label={
                      task.doneAt
                        ? t('tasks.reopen', { subject: task.subject || t('activity.untitled') })
                        : t('tasks.complete', { subject: task.subject || t('activity.untitled') })
                    }
                  />
                  <Stack gap={0}>
                    <Text
                      fw={500}
                      td={task.doneAt ? 'line-through' : undefined}
                      style={{ cursor: 'pointer' }}
                      onClick={() => setEditing(task)}
                    >
                      {task.subject || t('activity.untitled')}
                    </Text>
                    <Group gap="xs">
                      {task.dueAt != null ? (
                        <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
                          {t('tasks.due_label', { when: fmt.dateTime(task.dueAt) })}
                        </Text>
                      ) : null}
                      {scope === 'team' && task.ownerId ? (
                        <Text size="xs" c="dimmed">
                          · {memberName(task.ownerId)}
                        </Text>
                      ) : null}
                    </Group>
                  </Stack>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  {priority && priority !== 'normal' ? (
                    <Badge color={priority === 'high' ? 'red' : 'gray'} variant="light">
                      {t(`act.priority_${priority as 'low' | 'high'}`)}
                    </Badge>
                  ) : null}
                  {task.doneAt == null ? (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Tooltip label={t('tasks.snooze')}>
                          <ActionIcon variant="subtle" aria-label={t('tasks.snooze')}>
                            <IconAlarmSnooze size={18} />
                          </ActionIcon>
                        </Tooltip>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => void snooze(task, Date.now() + HOUR)}>
                          {t('tasks.snooze_hour')}
                        </Menu.Item>
                        <Menu.Item onClick={() => void snooze(task, tomorrow9())}>
                          {t('tasks.snooze_tomorrow')}
                        </Menu.Item>
                        <Menu.Item onClick={() => void snooze(task, tomorrow9() + 6 * 24 * HOUR)}>
                          {t('tasks.snooze_week')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Group>
              </Group>
            );
          })}
        </Card>
      )}
      <ActivityModal draft={draft} existing={editing} onClose={() => (setDraft(null), setEditing(null))} />
    </Stack>
  );
}
