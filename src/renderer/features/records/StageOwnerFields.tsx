import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/domain/contact';
import { StageBadge } from '../contacts/StageBadge';
import { useMemberName } from '../members/workspace-store';
import { memberEditor, selectEditor } from './editors';
import { InlineField } from './InlineField';

interface Props<T> {
  testId: string;
  value: T;
  readOnly?: boolean;
  save: (value: T) => Promise<void>;
}

/** A record's lifecycle stage, shown as its badge and edited in place. */
export function StageInlineField({ testId, value, readOnly, save }: Props<LifecycleStage | null>) {
  const { t } = useTranslation();
  return (
    <InlineField
      label={t('contacts.field_stage')}
      testId={testId}
      readOnly={readOnly}
      display={value ? <StageBadge stage={value} /> : null}
      initial={() => value as string | null}
      renderEditor={selectEditor(
        t('contacts.field_stage'),
        LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })),
      )}
      save={(v) => save(v as LifecycleStage | null)}
    />
  );
}

/** A record's owner (a workspace member), shown by name and edited in place. */
export function OwnerInlineField({ testId, value, readOnly, save }: Props<string | null>) {
  const { t } = useTranslation();
  const memberName = useMemberName();
  return (
    <InlineField
      label={t('records.field_owner')}
      testId={testId}
      readOnly={readOnly}
      display={memberName(value)}
      initial={() => value}
      renderEditor={memberEditor(t('records.field_owner'))}
      save={save}
    />
  );
}
