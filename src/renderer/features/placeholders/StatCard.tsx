import { Card, Group, Skeleton, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface Props {
  label: string;
  value: string | null;
  icon: Icon;
  color: string;
  testId?: string;
}

export function StatCard({ label, value, icon: IconComponent, color, testId }: Props) {
  return (
    <Card p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
            {label}
          </Text>
          {value === null ? (
            <Skeleton h={32} w={80} mt={6} />
          ) : (
            <Text fz={30} fw={700} mt={2} data-testid={testId}>
              {value}
            </Text>
          )}
        </div>
        <ThemeIcon variant="light" color={color} size={44} radius="md">
          <IconComponent size={24} stroke={1.6} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}
