import { api } from '../../lib/api';
import { useTrashActions, type TrashActionsSpec } from '../records/use-trash-actions';

const spec: TrashActionsSpec = {
  remove: (id: string) => api.contacts.delete({ id }),
  restore: (id: string) => api.contacts.restore({ id }),
  restoredTitle: 'contacts.restored_toast',
  restoredBody: 'contacts.restored_toast_body',
};

/** Delete (to the trash, with Undo in the toast) and restore a contact. */
export function useContactActions() {
  return useTrashActions(spec);
}
