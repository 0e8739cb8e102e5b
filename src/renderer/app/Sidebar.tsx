import { AppShell, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NAV_ITEMS, SETTINGS_ITEM, type NavItem } from './nav-items';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function SidebarLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const Icon = item.icon;
  const active = isActive(pathname, item.to);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label)}
      leftSection={<Icon size={19} stroke={1.7} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
      data-testid={`nav-${item.to === '/' ? 'home' : item.to.slice(1)}`}
    />
  );
}

export function Sidebar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
      <AppShell.Section grow>
        <Stack gap={4}>
          {NAV_ITEMS.map((item) => (
            <SidebarLink key={item.to} item={item} onNavigate={onNavigate} />
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <Stack gap="sm">
          <SidebarLink item={SETTINGS_ITEM} onNavigate={onNavigate} />
          <Group gap="sm" wrap="nowrap" p="sm" bg="var(--mantine-color-default-hover)" style={{ borderRadius: 12 }}>
            <ThemeIcon variant="light" color="teal" radius="xl">
              <IconCloudOff size={16} />
            </ThemeIcon>
            <div>
              <Text size="xs" fw={600}>
                {t('nav.offline_ready')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('nav.offline_ready_body')}
              </Text>
            </div>
          </Group>
        </Stack>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
