import { TrashPage as AllTrash } from '../trash/TrashPage';

/** `/contacts/trash`: the one trash, showing deleted contacts first. */
export function TrashPage() {
  return <AllTrash initialFilter="contacts" />;
}
