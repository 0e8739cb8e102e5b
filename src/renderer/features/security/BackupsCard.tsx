import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { ConfirmModal } from '../records/ConfirmModal';
import { useLive } from '../records/use-live';

const REASONS = ['daily', 'manual', 'import', 'migration', 'pre-migration', 'restore'] as const;

/**
 * Backups of this workspace: the list (newest first), "back up now", and restore with a
 * confirmation. Restoring keeps the current workspace aside as a backup, then reloads the app:
 * every screen reads the restored book from scratch (or the unlock screen, for a backup made under
 * another passphrase).
 */
export function BackupsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const backups = useLive(() => unwrap(api.backup.list({})), [], 'backups');
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  async function backUpNow() {
    setBusy(true);
    try {
      await unwrap(api.backup.now({}));
      notifySuccess(t('import.backup_title'), t('import.backup_done'));
      await backups.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  async function restore(backup: BackupInfo) {
    try {
      await unwrap(api.backup.restore({ path: backup.path }));
      notifySuccess(t('import.backup_title'), t('import.backup_restored'));
      window.location.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  const items = backups.data?.items ?? [];
  const reasonLabel = (reason: string) =>
    (REASONS as readonly string[]).includes(reason)
      ? t(`import.backup_reason.${reason as (typeof REASONS)[number]}`)
      : reason;

  return (
    <Card p="lg" data-testid="backups-card">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>{t('import.backup_title')}</Title>
          <Text size="sm" c="dimmed">
            {t('import.backup_body')}
          </Text>
        </div>
        <Button onClick={() => void backUpNow()} loading={busy} data-testid="backup-now">
          {t('import.backup_now')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('import.backups_empty')}
        </Text>
      ) : (
        <Table data-testid="backup-list">
          <Table.Tbody>
            {items.slice(0, 30).map((b) => (
              <Table.Tr key={b.path}>
                <Table.Td>{format.dateTime(b.createdAt)}</Table.Td>
                <Table.Td>{reasonLabel(b.reason)}</Table.Td>
                <Table.Td>{format.number(Math.round(b.size / 1024))} KB</Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="default" onClick={() => setRestoring(b)} data-testid="backup-restore">
                    {t('import.backup_restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={restoring !== null}
        title={t('import.backup_restore_title')}
        body={restoring ? t('import.backup_restore_body', { when: format.dateTime(restoring.createdAt) }) : ''}
        confirmLabel={t('import.backup_restore')}
        danger
        onConfirm={() => (restoring ? restore(restoring) : undefined)}
        onClose={() => setRestoring(null)}
      />
    </Card>
  );
}
