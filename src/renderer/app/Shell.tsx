import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from 'react-router';
import { ReminderCenter } from '../features/activities/ReminderCenter';
import { ViewedBookBanner } from '../features/import/ViewedBookBanner';
import { useViewedBook } from '../lib/book-view';
import { ErrorBoundary } from './ErrorBoundary';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/** The workspace frame: top bar with search, sidebar, and the routed screen. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const book = useViewedBook();
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
        <ViewedBookBanner />
        {/* Keyed by path: a crash on one screen clears when the user navigates elsewhere. Keyed by
            the book shown too: opening or leaving a read-only book loads the screen again from it. */}
        <ErrorBoundary key={`${book?.bookId ?? ''}:${pathname}`}>
          <Outlet />
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
