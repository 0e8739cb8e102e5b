import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  icon: Icon;
  title: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
  color?: string;
  testId?: string;
}

export function EmptyState({ icon: IconComponent, title, body, action, color = 'indigo', testId }: Props) {
  return (
    <Center py={56} px="md" data-testid={testId}>
      <Stack align="center" gap="xs" maw={420}>
        <ThemeIcon size={64} radius={32} variant="light" color={color}>
          <IconComponent size={32} stroke={1.5} />
        </ThemeIcon>
        <Title order={4} ta="center" mt="xs">
          {title}
        </Title>
        {body ? (
          <Text c="dimmed" size="sm" ta="center">
            {body}
          </Text>
        ) : null}
        {action ? <div style={{ marginTop: 8 }}>{action}</div> : null}
      </Stack>
    </Center>
  );
}
