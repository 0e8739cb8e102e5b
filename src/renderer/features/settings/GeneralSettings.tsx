import {
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
} from '@mantine/core';
import { IconCopyCheck, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { LOCALES, pickLocale, type Locale } from '../../../shared/i18n/locales';
import { notifyError, notifySuccess } from '../../components/notify';
import { setLanguage } from '../../i18n';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useWorkspace } from '../members/workspace-store';
import { firstProblem } from '../records/issues';
import { useCountries } from '../records/pickers/regions';

type AppInfo = MethodOutput<'app.info'>;

const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'MXN',
  'ARS',
  'COP',
  'CLP',
  'PEN',
  'BRL',
  'CAD',
  'AUD',
  'CHF',
  'JPY',
  'CNY',
  'INR',
];

function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="lg">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ wordBreak: 'break-all' }} component="div">
        {children}
      </Text>
    </Group>
  );
}

/** Language and theme (this device), workspace defaults (every device), data-quality links, and what this workspace is. */
export function GeneralSettings() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const { settings } = useWorkspace();
  const countries = useCountries();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void api.app.info({}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, [settings?.defaultCountry]);

  const currencyName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'currency' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  async function update(patch: { defaultCountry?: string; baseCurrency?: string }) {
    try {
      await unwrap(api.settings.update(patch));
      notifySuccess(t('settings.saved'), t('settings.saved_body'));
    } catch (error) {
      notifyError(t('common.error'), firstProblem(t, error));
    }
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card p="xl">
        <Title order={5} mb="lg">
          {t('settings.appearance')}
        </Title>
        <Stack gap="xl">
          <Stack gap={6}>
            <Text fw={500} size="sm">
              {t('settings.language')}
            </Text>
            <SegmentedControl
              value={pickLocale(i18n.language)}
              onChange={(value) => setLanguage(value as Locale)}
              data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              aria-label={t('settings.language')}
              data-testid="settings-language"
            />
            <Text size="xs" c="dimmed">
              {t('settings.language_help')}
            </Text>
          </Stack>
          <Stack gap={6}>
            <Text fw={500} size="sm">
              {t('settings.theme')}
            </Text>
            <SegmentedControl
              value={colorScheme}
              onChange={(value) => setColorScheme(value as 'light' | 'dark' | 'auto')}
              data={[
                { value: 'light', label: t('settings.theme_light') },
                { value: 'dark', label: t('settings.theme_dark') },
                { value: 'auto', label: t('settings.theme_auto') },
              ]}
              aria-label={t('settings.theme')}
              data-testid="settings-theme"
            />
            <Text size="xs" c="dimmed">
              {t('settings.theme_help')}
            </Text>
          </Stack>
        </Stack>
      </Card>
      <Card p="xl">
        <Title order={5} mb="lg">
          {t('settings.workspace')}
        </Title>
        <Stack gap="lg">
          <Select
            label={t('settings.country')}
            description={t('settings.country_help')}
            data={countries}
            value={settings?.defaultCountry ?? null}
            onChange={(v) => v && void update({ defaultCountry: v })}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="settings-country"
          />
          <Select
            label={t('settings.currency')}
            description={t('settings.currency_help')}
            data={[...new Set([...(settings ? [settings.baseCurrency] : []), ...CURRENCIES])].map((c) => ({
              value: c,
              label: `${c} · ${currencyName(c)}`,
            }))}
            value={settings?.baseCurrency ?? null}
            onChange={(v) => v && void update({ baseCurrency: v })}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="settings-currency"
          />
        </Stack>
      </Card>
      <Card p="xl">
        <Title order={5} mb="xs">
          {t('settings.data_quality')}
        </Title>
        <Text size="sm" c="dimmed" mb="lg">
          {t('settings.data_quality_help')}
        </Text>
        <Group>
          <Button component={Link} to="/duplicates" variant="default" leftSection={<IconCopyCheck size={16} />}>
            {t('duplicates.title')}
          </Button>
          <Button component={Link} to="/trash" variant="default" leftSection={<IconTrash size={16} />}>
            {t('trash.title')}
          </Button>
        </Group>
      </Card>
      <Card p="xl">
        <Title order={5} mb="lg">
          {t('settings.about')}
        </Title>
        {info ? (
          <Stack gap="sm">
            <InfoRow label={t('settings.version')}>{info.version}</InfoRow>
            <InfoRow label={t('settings.schema')}>{info.schemaVersion}</InfoRow>
            <InfoRow label={t('settings.database')}>
              <Code>{info.dbPath}</Code>
            </InfoRow>
            <InfoRow label={t('settings.node')}>
              <Code>{info.nodeId}</Code>
            </InfoRow>
          </Stack>
        ) : (
          <Stack gap="sm">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={20} />
            ))}
          </Stack>
        )}
      </Card>
    </SimpleGrid>
  );
}
