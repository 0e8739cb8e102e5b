import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncDevice } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useSyncStore } from './sync-store';

/**
 * Settings → Sync → Devices: every device enrolled in the workspace, and a way to revoke one that
 * is lost or no longer used (its tokens are refused from then on). This device is signed out with
 * "Sign out" above, so it has no revoke button here.
 */
export function DevicesCard() {
  const { t } = useTranslation();
  const [items, setItems] = useState<SyncDevice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The device whose revoke button was pressed once: a second press confirms. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await unwrap(api.sync.devices({}))).items);
      setError(null);
    } catch (e) {
      setError(errorText(t, e));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (deviceId: string) => {
    setBusy(deviceId);
    try {
      setItems((await unwrap(api.sync.revokeDevice({ deviceId }))).items);
      setError(null);
      useSyncStore.getState().set(await unwrap(api.sync.status({})));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="sync-devices">
      <Stack gap="xs">
        <Title order={5}>{t('sync.devices_title')}</Title>
        <Text size="sm" c="dimmed">
          {t('sync.devices_body')}
        </Text>
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="sync-devices-error">
            {error}
          </Alert>
        )}
        {items === null && !error && <Loader size="sm" />}
        {items?.map((device) => (
          <DeviceRow
            key={device.id}
            device={device}
            confirming={confirming === device.id}
            busy={busy === device.id}
            onRevoke={() => (confirming === device.id ? void revoke(device.id) : setConfirming(device.id))}
            onCancel={() => setConfirming(null)}
          />
        ))}
      </Stack>
    </Card>
  );
}

function DeviceRow(props: {
  device: SyncDevice;
  confirming: boolean;
  busy: boolean;
  onRevoke: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { device } = props;
  const seen = device.lastSeenAt
    ? t('sync.device_seen', { time: format.ago(device.lastSeenAt) })
    : t('sync.device_never_seen');
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="sync-device" data-device-id={device.id}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Text size="sm" fw={500} truncate>
            {device.name}
          </Text>
          {device.current && (
            <Badge size="xs" variant="light">
              {t('sync.device_this')}
            </Badge>
          )}
          {device.revokedAt !== null && (
            <Badge size="xs" color="gray" variant="light" data-testid="sync-device-revoked">
              {t('sync.device_revoked', { time: format.date(device.revokedAt) })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('sync.device_detail', { email: device.email, added: format.date(device.createdAt), seen })}
        </Text>
      </Stack>
      {!device.current && device.revokedAt === null && (
        <Group gap="xs" wrap="nowrap">
          {props.confirming && (
            <Button size="xs" variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button
            size="xs"
            color="red"
            variant={props.confirming ? 'filled' : 'light'}
            loading={props.busy}
            onClick={props.onRevoke}
            data-testid="sync-device-revoke"
          >
            {props.confirming ? t('sync.device_revoke_confirm') : t('sync.device_revoke')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
