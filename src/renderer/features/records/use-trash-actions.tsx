import { IconTrash } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { notifyWithUndo } from './undo-toast';

export interface TrashActionsSpec {
  remove: (id: string) => Promise<Result<unknown>>;
  restore: (id: string) => Promise<Result<unknown>>;
  /** i18n keys of the "restored" toast (its body gets `{{name}}`). */
  restoredTitle: ParseKeys;
  restoredBody: ParseKeys;
}

/**
 * Delete (to the trash, with Undo in the toast) and restore one record, with the same toasts for
 * every kind of record so that a user learns the gesture once.
 */
export function useTrashActions(spec: TrashActionsSpec) {
  const { t } = useTranslation();
  const { remove: del, restore: undelete, restoredTitle, restoredBody } = spec;

  const restore = useCallback(
    async (record: { id: string; name: string }): Promise<boolean> => {
      try {
        await unwrap(undelete(record.id));
        notifySuccess(t(restoredTitle), t(restoredBody, { name: record.name }));
        return true;
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
        return false;
      }
    },
    [t, undelete, restoredTitle, restoredBody],
  );

  const remove = useCallback(
    async (record: { id: string; name: string }): Promise<boolean> => {
      try {
        await unwrap(del(record.id));
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
        return false;
      }
      notifyWithUndo({
        title: t('contacts.deleted_toast'),
        message: t('contacts.deleted_toast_body', { name: record.name }),
        undoneTitle: t(restoredTitle),
        undo: () => unwrap(undelete(record.id)),
        icon: <IconTrash size={18} />,
        testId: 'delete-toast',
      });
      return true;
    },
    [t, del, undelete, restoredTitle],
  );

  return { remove, restore };
}
