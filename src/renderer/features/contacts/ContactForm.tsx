import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../shared/domain/contact';
import { notifyError } from '../../components/notify';
import { isApiError } from '../../lib/api-error';
import { errorText, translateKey } from '../../lib/error-text';
import { issuesToErrors, type ContactFormValues, type FieldErrors, type Prepared } from './form-values';
import { EMAIL_LABELS, PHONE_LABELS } from './labels';
import { LabeledValuesField } from './LabeledValuesField';

interface Props {
  initial: ContactFormValues;
  submitLabel: string;
  /** Turns the values into an input (with the row maps for issue paths) and saves it; throws ApiError. */
  prepare: (values: ContactFormValues) => Prepared<unknown>;
  save: (prepared: Prepared<unknown>) => Promise<void>;
  onCancel: () => void;
}

/**
 * The contact form. The contract validates on the back end (one source of truth, including the
 * phone rules that depend on the workspace's country); its issues come back with paths and are
 * shown under the fields they concern. Nothing is saved while any issue remains.
 */
export function ContactForm({ initial, submitLabel, prepare, save, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const clearError = (key: string) =>
    setErrors((current) => {
      const next = { ...current };
      for (const k of Object.keys(next)) if (k === key || k.startsWith(`${key}.`)) delete next[k];
      return next;
    });

  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K], errorKey: string = key) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearError(errorKey);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const prepared = prepare(values);
    try {
      await save(prepared);
    } catch (error) {
      if (isApiError(error) && error.code === 'invalid_input' && error.issues.length) {
        const placed = issuesToErrors(error.issues, prepared, (issue) =>
          translateKey(t, issue.key, issue.params, issue.message),
        );
        setErrors(placed.fields);
        setGeneral(placed.general);
      } else {
        notifyError(t('common.error'), errorText(t, error));
      }
    } finally {
      setSaving(false);
    }
  }

  const text = (key: 'firstName' | 'lastName' | 'jobTitle' | 'department') => ({
    value: values[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(key, e.currentTarget.value),
    error: errors[key],
    'data-testid': `field-${key}`,
  });

  const hasErrors = general.length > 0 || Object.keys(errors).length > 0;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="contact-form">
      <Stack gap="lg">
        {hasErrors ? (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            title={t('errors.invalid_input')}
            data-testid="form-errors"
          >
            {general.length ? general.join(' ') : null}
          </Alert>
        ) : null}
        <Card p="xl">
          <Title order={5} mb="md">
            {t('contacts.section_person')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('contacts.field_first_name')} required autoFocus {...text('firstName')} />
            <TextInput label={t('contacts.field_last_name')} {...text('lastName')} />
          </SimpleGrid>
        </Card>
        <Card p="xl">
          <Title order={5} mb="md">
            {t('contacts.section_reach')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <LabeledValuesField
              kind="emails"
              rows={values.emails}
              labels={EMAIL_LABELS}
              errors={errors}
              onChange={(rows, key) => set('emails', rows, key)}
            />
            <LabeledValuesField
              kind="phones"
              rows={values.phones}
              labels={PHONE_LABELS}
              errors={errors}
              onChange={(rows, key) => set('phones', rows, key)}
            />
          </SimpleGrid>
        </Card>
        <Card p="xl">
          <Title order={5} mb="md">
            {t('contacts.section_work')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('contacts.field_job_title')} {...text('jobTitle')} />
            <TextInput label={t('contacts.field_department')} {...text('department')} />
            <Select
              label={t('contacts.field_stage')}
              placeholder={t('contacts.stage_placeholder')}
              data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
              value={values.lifecycleStage}
              onChange={(value) => set('lifecycleStage', (value as LifecycleStage | null) ?? null)}
              error={errors.lifecycleStage}
              clearable
              data-testid="field-lifecycleStage"
            />
          </SimpleGrid>
        </Card>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="submit-contact">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
