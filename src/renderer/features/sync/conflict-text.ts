import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField, SyncConflictItem } from '../../../shared/contract';
import { CUSTOM_FIELD_ENTITIES, type CustomFieldEntity } from '../../../shared/domain/custom-fields';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { customValueText } from '../custom-fields/CustomFieldValue';
import { textOr } from '../records/dynamic-t';
import { useMoney } from '../records/money';
import { FIELD_LABEL_KEYS, useChangeText } from '../timeline/change-text';

const isCustomEntity = (entity: string): entity is CustomFieldEntity =>
  (CUSTOM_FIELD_ENTITIES as readonly string[]).includes(entity);

/** "job_title" → "Job title": the last resort for a field no catalogue names. */
const humanise = (key: string) => {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};

/**
 * Field names and values of the Conflicts screen as the record pages and the timeline show them:
 * "Job title" rather than `job_title`, emails as addresses, a stage by its name, a custom field
 * under its label with its option names, dates and amounts through Intl.
 */
export function useConflictText(items: readonly SyncConflictItem[] | null) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const [customFields, setCustomFields] = useState<Record<string, CustomField[]>>({});
  const entities = [...new Set((items ?? []).map((c) => c.entity).filter(isCustomEntity))].sort().join(',');

  useEffect(() => {
    let live = true;
    void (async () => {
      const loaded: Record<string, CustomField[]> = {};
      for (const entity of entities ? (entities.split(',') as CustomFieldEntity[]) : []) {
        try {
          loaded[entity] = (await unwrap(api.customFields.list({ entity, includeArchived: true }))).items;
        } catch {
          loaded[entity] = []; // labels fall back to the key; the choice still works
        }
      }
      if (live) setCustomFields(loaded);
    })();
    return () => {
      live = false;
    };
  }, [entities]);

  const { valueText } = useChangeText([]);
  const customDef = (c: SyncConflictItem) =>
    c.fieldKey.startsWith('custom.')
      ? customFields[c.entity]?.find((f) => f.key === c.fieldKey.slice('custom.'.length))
      : undefined;

  const label = (c: SyncConflictItem): string => {
    if (c.fieldKey.startsWith('custom.')) return customDef(c)?.label ?? c.fieldKey.slice('custom.'.length);
    const key = FIELD_LABEL_KEYS[c.fieldKey] ?? `field.${c.fieldKey}`;
    return textOr(t, key, humanise(c.fieldKey));
  };

  const value = (c: SyncConflictItem, v: unknown): string => {
    if (c.fieldKey.startsWith('custom.')) {
      const def = customDef(c);
      if (def)
        return customValueText(def, v, format, money.format, (yes) => (yes ? t('records.yes') : t('records.no')));
    }
    if (typeof v === 'boolean') return v ? t('records.yes') : t('records.no');
    return valueText(c.fieldKey, v);
  };

  return { label, value };
}
