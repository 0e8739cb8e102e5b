import { Anchor, Badge, Group, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface Props {
  icon: Icon;
  value: string;
  href: string;
  label: string | null;
  title: string;
}

/** One email or phone on the detail page, as a mailto:/tel: link with its label. */
export function ContactInfoRow({ icon: IconComponent, value, href, label, title }: Props) {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon variant="light" radius="xl" size={32}>
        <IconComponent size={16} />
      </ThemeIcon>
      <Anchor href={href} title={title} size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
        {value}
      </Anchor>
      {label ? (
        <Badge variant="default" radius="sm" tt="none" fw={500} size="sm">
          {label}
        </Badge>
      ) : null}
    </Group>
  );
}

export function EmptyLine({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
