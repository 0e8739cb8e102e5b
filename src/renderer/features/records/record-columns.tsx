import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LifecycleStage } from '../../../shared/domain/contact';
import { StageBadge } from '../contacts/StageBadge';
import type { ColumnOverride } from '../lists/table/build-columns';
import { Empty } from '../lists/table/cells';
import type { ListRecord } from '../lists/types';

/** A record's name in a list: avatar, link to its page, and one dimmed line about it. */
export function RecordNameCell({
  avatar,
  to,
  name,
  subtitle,
  testId,
  miw,
}: {
  avatar: ReactNode;
  to: string;
  name: string;
  subtitle: string | null;
  testId: string;
  miw?: number;
}) {
  return (
    <Group gap="sm" wrap="nowrap" miw={miw}>
      {avatar}
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor
          component={Link}
          to={to}
          fw={600}
          size="sm"
          c="var(--mantine-color-text)"
          truncate
          onClick={(e) => e.stopPropagation()}
          data-testid={testId}
        >
          {name}
        </Anchor>
        {subtitle ? (
          <Text size="xs" c="dimmed" truncate>
            {subtitle}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

interface StagedRecord extends ListRecord {
  lifecycleStage: LifecycleStage | null;
  createdAt: number;
  updatedAt: number;
}

/** Column overrides every record list shares: stage badge, creation date, last change "ago". */
export function sharedRecordColumns<T extends StagedRecord>(): Record<string, ColumnOverride<T>> {
  return {
    lifecycleStage: {
      width: 150,
      render: (c) => (c.lifecycleStage ? <StageBadge stage={c.lifecycleStage} /> : <Empty />),
    },
    createdAt: { width: 130, render: (c, { format }) => format.date(c.createdAt) },
    updatedAt: {
      width: 140,
      render: (c, { format }) => <span title={format.dateTime(c.updatedAt)}>{format.ago(c.updatedAt)}</span>,
    },
  };
}
