import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconLock, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../shared/contract';
import { useSyncStatus } from './sync-store';
import { dynamic, type Translate } from './translate';

/** The top bar's sync state: synced at, syncing n of m, offline, error with its reason, and pending changes. Hidden while sync is off. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  if (!status || status.state === 'off') return null;
  const { label, color, icon } = describe(status, dynamic(t));
  const tip = [
    status.error ? t(`sync.reason.${status.error.reason}`) : null,
    status.pending > 0 ? t('sync.pending', { count: status.pending }) : null,
    status.openConflicts > 0 ? t('sync.conflicts_open', { count: status.openConflicts }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip label={tip || label} withArrow>
      <UnstyledButton
        component={Link}
        to="/settings/sync"
        aria-label={t('sync.indicator_label')}
        data-testid="sync-indicator"
      >
        <Badge
          variant="light"
          color={color}
          size="lg"
          radius="sm"
          leftSection={icon}
          rightSection={status.pending > 0 ? <span data-testid="sync-pending">{status.pending}</span> : undefined}
          data-state={status.state}
          style={{ textTransform: 'none', fontWeight: 500 }}
        >
          {label}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}

function describe(status: SyncStatus, t: Translate) {
  const time = status.lastSyncedAt
    ? new Date(status.lastSyncedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : null;
  switch (status.state) {
    case 'syncing': {
      const p = status.progress;
      const label =
        p && p.total > 0 ? t('sync.state_syncing_of', { done: p.done, total: p.total }) : t('sync.state_syncing');
      return { label, color: 'blue', icon: <IconRefresh size={14} /> };
    }
    case 'offline':
      return { label: t('sync.state_offline'), color: 'gray', icon: <IconCloudOff size={14} /> };
    case 'error':
      return {
        label: t('sync.state_error', { reason: t(`sync.reason.${status.error?.reason ?? 'unknown'}`) }),
        color: 'red',
        icon: <IconAlertTriangle size={14} />,
      };
    case 'read_only':
      return { label: t('sync.state_read_only'), color: 'orange', icon: <IconLock size={14} /> };
    default:
      return {
        label: time ? t('sync.state_synced_at', { time }) : t('sync.state_idle'),
        color: 'teal',
        icon: <IconCloudCheck size={14} />,
      };
  }
}
