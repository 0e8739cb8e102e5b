import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way back, above a page title: to the list by default, or to `to` with its own `label`. */
export function BackLink({ to = '/contacts', label }: { to?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed" w="fit-content">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {label ?? t('contacts.back_to_list')}
      </Group>
    </Anchor>
  );
}
