import { IconTrash } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { notifyWithUndo } from '../records/undo-toast';

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
      notifyWithUndo({
        title: t('contacts.deleted_toast'),
        message: t('contacts.deleted_toast_body', { name: contact.displayName }),
        undoneTitle: t('contacts.restored_toast'),
        undo: () => unwrap(api.contacts.restore({ id: contact.id })),
        icon: <IconTrash size={18} />,
        testId: 'delete-toast',
      });
      return true;
    },
    [t],
  );

  return { remove, restore };
}
