import { AppShell, Box, Burger, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CurrentMemberMenu } from '../features/members/CurrentMemberMenu';
import { CommandPalette } from '../features/palette/CommandPalette';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeToggle } from './ThemeToggle';

export function TopBar({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  return (
    <AppShell.Header px="md">
      <Group h="100%" gap="md" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
        <UnstyledButton component={Link} to="/" w={{ base: 'auto', sm: 214 }}>
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon size={34} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
              <IconUsersGroup size={20} />
            </ThemeIcon>
            <Box visibleFrom="sm">
              <Text fw={700} size="md" lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {t('app.tagline')}
              </Text>
            </Box>
          </Group>
        </UnstyledButton>
        <Box style={{ flex: 1 }} maw={560}>
          <GlobalSearch />
        </Box>
        <Group gap="xs" ml="auto" wrap="nowrap">
          <SyncIndicator />
          <CommandPalette />
          <LanguageSwitch />
          <ThemeToggle />
          <CurrentMemberMenu />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
