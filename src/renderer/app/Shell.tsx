import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from 'react-router';
import { ReminderCenter } from '../features/activities/ReminderCenter';
import { ErrorBoundary } from './ErrorBoundary';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/** The workspace frame: top bar with search, sidebar, and the routed screen. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <TopBar navOpened={opened} onToggleNav={toggle} />
      <Sidebar onNavigate={close} />
      <ReminderCenter />
      <AppShell.Main bg="var(--crm-main-bg)">
        {/* Keyed by path: a crash on one screen clears when the user navigates elsewhere. */}
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
