import { Anchor, Avatar, Badge, Group, Rating, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Member } from '../../../../shared/contract';

/** The dash of an empty cell: dimmed, and hidden from screen readers' row summaries. */
export function Empty() {
  return (
    <Text span c="dimmed" aria-hidden>
      —
    </Text>
  );
}

export function orEmpty(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? <Empty /> : value;
}

export function MemberCell({ member }: { member: Member | undefined }) {
  if (!member) return <Empty />;
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      <Avatar name={member.name} color="initials" size={22} radius="xl" alt="" />
      <Text span size="sm" truncate>
        {member.name}
      </Text>
    </Group>
  );
}

export function BooleanCell({ value, yes }: { value: unknown; yes: string }) {
  return value === true ? (
    <IconCheck size={16} stroke={2.2} color="var(--mantine-color-teal-6)" aria-label={yes} />
  ) : (
    <Empty />
  );
}

export function Pills({ labels, color = 'gray' }: { labels: string[]; color?: string }) {
  if (!labels.length) return <Empty />;
  return (
    <Group gap={4} wrap="nowrap">
      {labels.map((label) => (
        <Badge key={label} variant="light" color={color} radius="sm" tt="none" fw={500} size="sm">
          {label}
        </Badge>
      ))}
    </Group>
  );
}

export function RatingCell({ value }: { value: unknown }) {
  if (typeof value !== 'number') return <Empty />;
  return <Rating value={value} readOnly size="xs" count={5} />;
}

export function LinkCell({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Anchor
      href={href}
      size="sm"
      truncate
      target={href.startsWith('http') ? '_blank' : undefined}
      rel="noreferrer"
      onClick={(e) => e.stopPropagation()}
    >
      {children}
    </Anchor>
  );
}
