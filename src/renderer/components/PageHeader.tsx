import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** A back link or breadcrumb above the title. */
  above?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, above }: Props) {
  return (
    <Stack gap={4} mb="lg">
      {above}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <div>
          <Title order={2} fz={26} data-testid="page-title">
            {title}
          </Title>
          {subtitle ? (
            <Text c="dimmed" size="sm" mt={4} data-testid="page-subtitle">
              {subtitle}
            </Text>
          ) : null}
        </div>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
    </Stack>
  );
}
