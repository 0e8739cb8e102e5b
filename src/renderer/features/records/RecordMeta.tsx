import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useMemberName } from '../members/workspace-store';
import { SectionCard } from './SectionCard';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** When a record was created and last changed, and by whom. */
export function RecordMeta({
  createdAt,
  updatedAt,
  createdBy,
  updatedBy,
}: {
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
  updatedBy: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = useMemberName();
  const by = (id: string | null) => {
    const n = name(id);
    return n ? ` · ${n}` : '';
  };
  return (
    <SectionCard title={t('contacts.section_record')}>
      <Stack gap="sm">
        <Line label={t('contacts.created_on')}>
          {format.dateTime(createdAt)}
          {by(createdBy)}
        </Line>
        <Line label={t('contacts.updated_on')}>
          {format.dateTime(updatedAt)} ({format.ago(updatedAt)}){by(updatedBy)}
        </Line>
      </Stack>
    </SectionCard>
  );
}
