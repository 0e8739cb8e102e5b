import { api } from '../../lib/api';
import { useTrashActions, type TrashActionsSpec } from '../records/use-trash-actions';

const spec: TrashActionsSpec = {
  remove: (id: string) => api.companies.delete({ id }),
  restore: (id: string) => api.companies.restore({ id }),
  restoredTitle: 'records.company_restored',
  restoredBody: 'records.company_restored_body',
};

/** Delete (to the trash, with Undo in the toast) and restore a company. */
export function useCompanyActions() {
  return useTrashActions(spec);
}
