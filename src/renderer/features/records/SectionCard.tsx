import { Badge, Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** A count next to the title. */
  count?: number | null;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One block of a record page: a titled card with its own actions on the right. */
export function SectionCard({ title, count, actions, children, testId }: Props) {
  return (
    <Card p="lg" data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap" gap="sm">
        <Group gap={8} wrap="nowrap">
          <Title order={5}>{title}</Title>
          {count ? (
            <Badge variant="light" color="gray" radius="sm" size="sm">
              {count}
            </Badge>
          ) : null}
        </Group>
        {actions ? (
          <Group gap={6} wrap="nowrap">
            {actions}
          </Group>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}
