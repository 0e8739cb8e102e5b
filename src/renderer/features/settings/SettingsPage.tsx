import { Stack, Tabs } from '@mantine/core';
import {
  IconAdjustments,
  IconCloud,
  IconForms,
  IconMail,
  IconRobot,
  IconTargetArrow,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AutomationsPanel } from '../automations/AutomationsPanel';
import { CustomFieldsManager } from '../custom-fields/CustomFieldsManager';
import { EmailPanel } from '../email/EmailPanel';
import { PipelinesSettings } from '../pipelines/PipelinesSettings';
import { GeneralSettings } from './GeneralSettings';
import { MembersSettings } from './MembersSettings';
import { SyncSettings } from '../sync/SyncSettings';
import { SecuritySettings } from '../security/SecuritySettings';

const TABS = ['general', 'members', 'fields', 'pipelines', 'sync', 'email', 'automations'] as const;
type Tab = (typeof TABS)[number];

/**
 * Settings: general (language, theme, workspace, about), members and teams, custom fields per
 * entity, pipelines, sync, the SMTP account and the automations (the last two also live under
 * Activities, where mail is written; errors about a missing account point here).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: raw } = useParams();
  const tab: Tab = TABS.includes(raw as Tab) ? (raw as Tab) : 'general';
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs
        value={tab}
        onChange={(v) => void navigate(v === 'general' ? '/settings' : `/settings/${v}`)}
        keepMounted={false}
        variant="pills"
        radius="md"
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="general" leftSection={<IconAdjustments size={16} />} data-testid="settings-tab-general">
            {t('settings.tab_general')}
          </Tabs.Tab>
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />} data-testid="settings-tab-members">
            {t('settings.tab_members')}
          </Tabs.Tab>
          <Tabs.Tab value="fields" leftSection={<IconForms size={16} />} data-testid="settings-tab-fields">
            {t('settings.tab_fields')}
          </Tabs.Tab>
          <Tabs.Tab value="sync" leftSection={<IconCloud size={16} />} data-testid="settings-tab-sync">
            {t('settings.tab_sync')}
          </Tabs.Tab>
          <Tabs.Tab value="pipelines" leftSection={<IconTargetArrow size={16} />} data-testid="settings-tab-pipelines">
            {t('pipelines.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="email" leftSection={<IconMail size={16} />} data-testid="settings-tab-email">
            {t('act.tab_email')}
          </Tabs.Tab>
          <Tabs.Tab value="automations" leftSection={<IconRobot size={16} />} data-testid="settings-tab-automations">
            {t('act.tab_automations')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="general">
          <GeneralSettings />
          <SecuritySettings />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersSettings />
        </Tabs.Panel>
        <Tabs.Panel value="fields">
          <CustomFieldsManager />
        </Tabs.Panel>
        <Tabs.Panel value="sync">
          <SyncSettings />
        </Tabs.Panel>
        <Tabs.Panel value="pipelines">
          <PipelinesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="email">
          <EmailPanel />
        </Tabs.Panel>
        <Tabs.Panel value="automations">
          <AutomationsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
