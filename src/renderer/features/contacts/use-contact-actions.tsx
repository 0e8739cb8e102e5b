import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';

/** Delete (to the trash, with Undo in the toast) and restore, with the same toasts everywhere. */
export function useContactActions() {
  const { t } = useTranslation();

  const restore = useCallback(
    async (contact: Pick<Contact, 'id' | 'displayName'>): Promise<boolean> => {
      try {
        await unwrap(api.contacts.restore({ id: contact.id }));
        notifySuccess(t('contacts.restored_toast'), t('contacts.restored_toast_body', { name: contact.displayName }));
        return true;
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
        return false;
      }
    },
    [t],
  );

  const remove = useCallback(
    async (contact: Pick<Contact, 'id' | 'displayName'>): Promise<boolean> => {
      try {
        await unwrap(api.contacts.delete({ id: contact.id }));
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
        return false;
      }
      const id = `deleted-${contact.id}`;
      notifications.show({
        id,
        title: t('contacts.deleted_toast'),
        color: 'gray',
        icon: <IconTrash size={18} />,
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="delete-toast">
            <Text size="sm">{t('contacts.deleted_toast_body', { name: contact.displayName })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={() => {
                notifications.hide(id);
                void restore(contact);
              }}
              data-testid="undo-delete"
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      });
      return true;
    },
    [t, restore],
  );

  return { remove, restore };
}
