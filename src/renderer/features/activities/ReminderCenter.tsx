import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reminder } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChangesOf } from '../records/use-live';

const key = (r: Reminder) => `${r.activityId}:${r.occurrenceAt}:${r.offsetMinutes}`;

/**
 * Shows reminders the main process fired: a toast in the workspace and, where allowed, a system
 * notification (the browser's Notification API in web mode; the desktop app notifies natively).
 * At start it lists the ones missed while the app was closed.
 */
export function ReminderCenter() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = useRef(new Set<string>());

  const check = useRef<() => Promise<void>>(async () => undefined);
  check.current = async () => {
    const { items } = await unwrap(api.reminders.pending({}));
    const fresh = items.filter((r) => !shown.current.has(key(r)));
    for (const r of fresh) shown.current.add(key(r));
    if (!fresh.length) return;
    const missed = fresh.filter((r) => r.missed);
    const now = fresh.filter((r) => !r.missed);
    const line = (r: Reminder) =>
      r.offsetMinutes < 0
        ? t('rem.overdue', { when: fmt.dateTime(r.occurrenceAt) })
        : t('rem.at', { when: fmt.dateTime(r.occurrenceAt) });
    for (const r of now) {
      notifications.show({
        id: `reminder-${key(r)}`,
        title: r.title || t('activity.untitled'),
        message: line(r),
        icon: <IconBell size={18} />,
        autoClose: false,
        onClose: () => void api.reminders.dismiss({ activityIds: [r.activityId] }),
      });
      // Desktop notifications are native in Electron (main process); in a browser, ask the browser.
      if (!window.crm && 'Notification' in window && Notification.permission === 'granted')
        new Notification(r.title || t('activity.untitled'), { body: line(r) });
    }
    if (missed.length) {
      notifications.show({
        id: 'reminders-missed',
        title: t('rem.missed_title'),
        autoClose: false,
        icon: <IconBell size={18} />,
        message: (
          <Stack gap={4} data-testid="missed-reminders">
            {missed.slice(0, 8).map((r) => (
              <Text key={key(r)} size="sm">
                {r.title || t('activity.untitled')} · {line(r)}
              </Text>
            ))}
            <Group justify="flex-end">
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  void api.reminders.dismiss({ activityIds: missed.map((r) => r.activityId) });
                  notifications.hide('reminders-missed');
                }}
              >
                {t('rem.dismiss_all')}
              </Button>
            </Group>
          </Stack>
        ),
      });
    }
  };

  useEffect(() => {
    if (!window.crm && 'Notification' in window && Notification.permission === 'default')
      void Notification.requestPermission();
    void check.current().catch(() => undefined);
  }, []);
  useChangesOf(['reminders'], () => void check.current().catch(() => undefined));
  return null;
}
