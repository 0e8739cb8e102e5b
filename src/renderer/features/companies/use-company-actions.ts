import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { notifyWithUndo } from '../records/undo-toast';

/** Delete (to the trash, with Undo in the toast) and restore a company. */
export function useCompanyActions() {
  const { t } = useTranslation();

  const restore = useCallback(
    async (company: Pick<Company, 'id' | 'name'>): Promise<boolean> => {
      try {
        await unwrap(api.companies.restore({ id: company.id }));
        notifySuccess(t('records.company_restored'), t('records.company_restored_body', { name: company.name }));
        return true;
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
        return false;
      }
    },
    [t],
  );

  const remove = useCallback(
    async (company: Pick<Company, 'id' | 'name'>): Promise<boolean> => {
      try {
        await unwrap(api.companies.delete({ id: company.id }));
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
        return false;
      }
      notifyWithUndo({
        title: t('contacts.deleted_toast'),
        message: t('contacts.deleted_toast_body', { name: company.name }),
        undoneTitle: t('records.company_restored'),
        undo: () => unwrap(api.companies.restore({ id: company.id })),
        testId: 'delete-toast',
      });
      return true;
    },
    [t],
  );

  return { remove, restore };
}
