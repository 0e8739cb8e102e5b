import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import i18n from '../../i18n';
import { notifyError } from '../../components/notify';
import { errorText } from '../../lib/error-text';

let counter = 0;

/**
 * A toast for something done that can be taken back: its Undo button runs `undo` and says so.
 * Every destructive action of the record screens reports through here.
 */
export function notifyWithUndo(options: {
  title: string;
  message: ReactNode;
  undo: () => Promise<unknown>;
  undoneTitle: string;
  testId?: string;
  icon?: ReactNode;
}): void {
  const id = `undo-${++counter}`;
  const t = i18n.t.bind(i18n);
  notifications.show({
    id,
    title: options.title,
    color: 'gray',
    icon: options.icon ?? <IconCheck size={18} />,
    autoClose: 8000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm" data-testid={options.testId ?? 'undo-toast'}>
        <Text size="sm">{options.message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconArrowBackUp size={14} />}
          onClick={() => {
            notifications.hide(id);
            options
              .undo()
              .then(() =>
                notifications.show({
                  title: options.undoneTitle,
                  message: null,
                  color: 'teal',
                  icon: <IconCheck size={18} />,
                  autoClose: 4000,
                }),
              )
              .catch((error: unknown) => notifyError(t('common.error'), errorText(t, error)));
          }}
          data-testid="undo-button"
        >
          {t('common.undo')}
        </Button>
      </Group>
    ),
  });
}
