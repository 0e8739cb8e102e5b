import { Tabs } from '@mantine/core';
import { IconCalendar, IconChecklist, IconMail, IconRobot, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AutomationsPanel } from '../automations/AutomationsPanel';
import { CalendarView } from '../calendar/CalendarView';
import { EmailPanel } from '../email/EmailPanel';
import { TasksInbox } from '../tasks/TasksInbox';
import { TemplatesPanel } from '../templates/TemplatesPanel';

const TABS = ['tasks', 'calendar', 'email', 'templates', 'automations'] as const;
type Tab = (typeof TABS)[number];

/** The daily work: the tasks inbox, the calendar, the email outbox and account, templates and automations. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: param } = useParams();
  const tab: Tab = (TABS as readonly string[]).includes(param ?? '') ? (param as Tab) : 'tasks';
  return (
    <>
      <PageHeader title={t('act.title')} subtitle={t('act.subtitle')} />
      <Tabs value={tab} onChange={(v) => void navigate(`/activities/${v ?? 'tasks'}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="tasks" leftSection={<IconChecklist size={16} />} data-testid="tab-tasks">
            {t('act.tab_tasks')}
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendar size={16} />} data-testid="tab-calendar">
            {t('act.tab_calendar')}
          </Tabs.Tab>
          <Tabs.Tab value="email" leftSection={<IconMail size={16} />} data-testid="tab-email">
            {t('act.tab_email')}
          </Tabs.Tab>
          <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} />} data-testid="tab-templates">
            {t('act.tab_templates')}
          </Tabs.Tab>
          <Tabs.Tab value="automations" leftSection={<IconRobot size={16} />} data-testid="tab-automations">
            {t('act.tab_automations')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tasks">
          <TasksInbox />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarView />
        </Tabs.Panel>
        <Tabs.Panel value="email">
          <EmailPanel />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="automations">
          <AutomationsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
