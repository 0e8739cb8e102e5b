import type { CustomField } from '../../../shared/contract';
import type { CustomFieldEntity } from '../../../shared/domain/custom-fields';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useLive, type Live } from '../records/use-live';

/** The custom fields of an entity in form order, kept fresh when they are edited in Settings. */
export function useCustomFields(entity: CustomFieldEntity, includeArchived = false): Live<CustomField[]> {
  return useLive(
    async () => (await unwrap(api.customFields.list({ entity, includeArchived }))).items,
    ['custom_field_defs'],
    `${entity}:${includeArchived}`,
  );
}
