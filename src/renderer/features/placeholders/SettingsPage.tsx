import {
  Card,
  Code,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
} from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract';
import { LOCALES, pickLocale, type Locale } from '../../../shared/i18n/locales';
import { PageHeader } from '../../components/PageHeader';
import { setLanguage } from '../../i18n';
import { api } from '../../lib/api';

type AppInfo = MethodOutput<'app.info'>;

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

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void api.app.info({}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, []);

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
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
            {t('settings.about')}
          </Title>
          {info ? (
            <Stack gap="sm">
              <InfoRow label={t('settings.version')}>{info.version}</InfoRow>
              <InfoRow label={t('settings.schema')}>{info.schemaVersion}</InfoRow>
              <InfoRow label={t('settings.country')}>{info.defaultCountry}</InfoRow>
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
    </Stack>
  );
}
