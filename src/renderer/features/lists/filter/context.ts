import type { TFunction } from 'i18next';
import type { CustomField, FieldInfo, Member, Tag } from '../../../../shared/contract';
import type { ListFormat } from '../format';

/** What the filter builder and the chips need to name fields, operators and values. */
export interface FilterEnv {
  t: TFunction;
  format: ListFormat;
  /** Fields that can be filtered on, by field name. */
  fields: Map<string, FieldInfo>;
  customDefs: Map<string, CustomField>;
  members: Member[];
  tags: Tag[];
}
