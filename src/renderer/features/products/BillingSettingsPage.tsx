import {
  Button,
  FileButton,
  Group,
  Image,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingSettings } from '../../../shared/contract/quotes';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';

/** Branding printed on quotes and invoices (name, address, tax id, logo) and their numbering. */
export function BillingSettingsPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<BillingSettings | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void unwrap(api.billing.getSettings({})).then(setValues);
  }, []);
  if (!values) return <LoadingState />;
  const set = <K extends keyof BillingSettings>(key: K, value: BillingSettings[K]) =>
    setValues((v) => (v ? { ...v, [key]: value } : v));
  const logo = (file: File | null) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => set('companyLogo', String(reader.result));
    reader.readAsDataURL(file);
  };
  const save = async () => {
    setBusy(true);
    try {
      setValues(await unwrap(api.billing.updateSettings(values)));
      notifySuccess(t('billing.saved'), t('billing.settings_title'));
    } catch (e) {
      notifyError(t('billing.not_saved'), e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('billing.settings_title')} subtitle={t('billing.settings_subtitle')} />
      <Paper withBorder radius="lg" p="md" maw={760}>
        <Stack>
          <TextInput
            label={t('billing.company_name')}
            value={values.companyName}
            onChange={(e) => set('companyName', e.currentTarget.value)}
          />
          <Textarea
            label={t('billing.company_address')}
            value={values.companyAddress}
            onChange={(e) => set('companyAddress', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('billing.company_tax_id')}
            value={values.companyTaxId}
            onChange={(e) => set('companyTaxId', e.currentTarget.value)}
          />
          <Group>
            {values.companyLogo ? (
              <Image src={values.companyLogo} h={48} w="auto" fit="contain" alt={t('billing.logo')} />
            ) : null}
            <FileButton onChange={logo} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="default" {...props}>
                  {t('billing.choose_logo')}
                </Button>
              )}
            </FileButton>
            {values.companyLogo ? (
              <Button variant="subtle" color="red" onClick={() => set('companyLogo', '')}>
                {t('billing.remove_logo')}
              </Button>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('billing.quote_prefix')}
              value={values.quotePrefix}
              onChange={(e) => set('quotePrefix', e.currentTarget.value)}
            />
            <TextInput
              label={t('billing.invoice_prefix')}
              value={values.invoicePrefix}
              onChange={(e) => set('invoicePrefix', e.currentTarget.value)}
            />
            <TextInput
              label={t('billing.device_code')}
              description={t('billing.device_code_help')}
              value={values.deviceCode}
              onChange={(e) => set('deviceCode', e.currentTarget.value)}
            />
            <NumberInput
              label={t('billing.quote_validity')}
              value={values.quoteValidityDays}
              onChange={(v) => set('quoteValidityDays', Number(v) || 0)}
              min={0}
            />
            <NumberInput
              label={t('billing.invoice_due')}
              value={values.invoiceDueDays}
              onChange={(v) => set('invoiceDueDays', Number(v) || 0)}
              min={0}
            />
          </SimpleGrid>
          <Textarea
            label={t('billing.default_terms')}
            value={values.defaultTerms}
            onChange={(e) => set('defaultTerms', e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button onClick={save} loading={busy}>
              {t('billing.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
