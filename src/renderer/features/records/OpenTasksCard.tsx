import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../shared/contract';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { SectionCard } from './SectionCard';
import { notifyWithUndo } from './undo-toast';
import { useLive } from './use-live';

/** The record's open tasks, soonest first, each completed with one click (with Undo). */
export function OpenTasksCard({ entityId, onAddTask }: { entityId: string; onAddTask?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [completing, setCompleting] = useState<string | null>(null);
  const tasks = useLive(
    async () => {
      const { items } = await unwrap(api.activities.list({ entityId, types: ['task'], openOnly: true, limit: 50 }));
      return [...items].sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
    },
    ['activities', 'activity_links'],
    entityId,
  );

  async function complete(task: Activity) {
    setCompleting(task.id);
    try {
      await unwrap(api.activities.update({ id: task.id, doneAt: Date.now() }));
      notifyWithUndo({
        title: t('records.task_done'),
        message: task.subject || t('activity.untitled'),
        undoneTitle: t('records.task_reopened'),
        undo: () => unwrap(api.activities.update({ id: task.id, doneAt: null })),
      });
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setCompleting(null);
    }
  }

  const items = tasks.data ?? [];
  const now = Date.now();
  return (
    <SectionCard
      title={t('records.open_tasks')}
      count={items.length}
      testId="open-tasks"
      actions={
        onAddTask ? (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={onAddTask}>
            {t('records.add_task')}
          </Button>
        ) : null
      }
    >
      {items.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconChecklist size={16} />
          <Text size="sm">{tasks.loading ? t('common.loading') : t('records.no_open_tasks')}</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {items.map((task) => {
            const overdue = task.dueAt !== null && task.dueAt < now;
            return (
              <Group key={task.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="open-task">
                <Checkbox
                  mt={2}
                  radius="xl"
                  checked={false}
                  disabled={completing === task.id}
                  onChange={() => void complete(task)}
                  aria-label={t('records.complete_task', { subject: task.subject || t('activity.untitled') })}
                />
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={500} lineClamp={2}>
                    {task.subject || t('activity.untitled')}
                  </Text>
                  {task.dueAt !== null ? (
                    <Group gap={6}>
                      <Badge size="xs" variant="light" color={overdue ? 'red' : 'gray'} radius="sm" tt="none">
                        {overdue ? t('records.overdue') : t('records.due')} · {format.dateTime(task.dueAt)}
                      </Badge>
                    </Group>
                  ) : null}
                </Stack>
              </Group>
            );
          })}
        </Stack>
      )}
    </SectionCard>
  );
}
