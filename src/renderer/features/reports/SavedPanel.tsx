import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReport } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';

export function useSavedReports() {
  const [items, setItems] = useState<SavedReport[] | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await unwrap(api.reports.listSaved({}))).items);
    } catch {
      setItems([]);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('saved_reports', () => void load());
  return { items, reload: load };
}

/** Saved reports, personal and shared: open one in the builder or delete it. */
export function SavedPanel({ onOpen }: { onOpen: (r: SavedReport) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { items, reload } = useSavedReports();
  const remove = async (r: SavedReport) => {
    try {
      await unwrap(api.reports.deleteSaved({ id: r.id }));
      notifySuccess(t('rep.deleted'), r.name);
      void reload();
    } catch (e) {
      notifyError(t('rep.delete'), errorText(t, e));
    }
  };
  if (items && !items.length)
    return (
      <Text c="dimmed" ta="center" py="xl" data-testid="saved-empty">
        {t('rep.no_saved')}
      </Text>
    );
  return (
    <Card withBorder p={0}>
      <Table highlightOnHover data-testid="saved-reports">
        <Table.Tbody>
          {(items ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text fw={500}>{r.name}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`rep.entity.${r.entity}`)} · {format.date(r.updatedAt)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.shared ? 'teal' : 'gray'}>
                  {r.shared ? t('rep.shared_badge') : t('rep.personal')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end" gap="xs">
                  <Button size="xs" variant="light" onClick={() => onOpen(r)}>
                    {t('rep.open')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => void remove(r)}>
                    {t('rep.delete')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
