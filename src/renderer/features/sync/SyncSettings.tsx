import {
  Alert,
  Button,
  Card,
  Group,
  PasswordInput,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { DevicesCard } from './DevicesCard';
import { useSyncStatus, useSyncStore } from './sync-store';
import { dynamic, type Translate } from './translate';

type Mode = 'signin' | 'accept' | 'signup';

/** Settings → Sync: connect this book to a sync server, see how sync is doing, sign out. */
export function SyncSettings() {
  const status = useSyncStatus();
  if (!status) return null;
  return status.state === 'off' ? <ConnectForm status={status} /> : <Connected status={status} />;
}

function ConnectForm({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('signin');
  const [server, setServer] = useState(status.server ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [workspaceName, setWorkspaceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next =
        mode === 'signin'
          ? await unwrap(api.sync.signIn({ server, email, password }))
          : mode === 'accept'
            ? await unwrap(api.sync.acceptInvitation({ server, token, email, password }))
            : await unwrap(api.sync.signUp({ server, email, password, workspaceName }));
      useSyncStore.getState().set(next);
      notifySuccess(t('sync.connected_title'), t('sync.connected_body'));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" maw={560}>
      <form onSubmit={(e) => void submit(e)} data-testid="sync-connect-form">
        <Stack>
          <div>
            <Title order={4}>{t('sync.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('sync.off_body')}
            </Text>
          </div>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={[
              { value: 'signin', label: t('sync.mode_signin') },
              { value: 'accept', label: t('sync.mode_accept') },
              { value: 'signup', label: t('sync.mode_signup') },
            ]}
          />
          <TextInput
            label={t('sync.server')}
            placeholder="https://sync.example.com"
            value={server}
            onChange={(e) => setServer(e.currentTarget.value)}
            required
            data-testid="sync-server"
          />
          {mode === 'accept' && (
            <TextInput
              label={t('sync.invitation_code')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              required
              data-testid="sync-token"
            />
          )}
          {mode === 'signup' && (
            <TextInput
              label={t('sync.workspace_name')}
              value={workspaceName}
              onChange={(e) => setWorkspaceName(e.currentTarget.value)}
              required
              data-testid="sync-workspace-name"
            />
          )}
          <TextInput
            label={t('sync.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            data-testid="sync-email"
          />
          <PasswordInput
            label={t('sync.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            data-testid="sync-password"
          />
          {error && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="sync-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="sync-submit">
              {t(`sync.submit_${mode}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Connected({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [busy, setBusy] = useState<'run' | 'out' | null>(null);
  const [inviteEmail, setInviteEmail] = useState('');
  const [inviteCode, setInviteCode] = useState<string | null>(null);

  const run = async (what: 'run' | 'out') => {
    setBusy(what);
    try {
      const next = await unwrap(what === 'run' ? api.sync.runNow({}) : api.sync.signOut({}));
      useSyncStore.getState().set(next);
    } catch (e) {
      notifyError(t('sync.title'), errorText(t, e));
    } finally {
      setBusy(null);
    }
  };
  const invite = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await unwrap(api.sync.invite({ email: inviteEmail, role: 'member' }));
      setInviteCode(result.token);
    } catch (e) {
      notifyError(t('sync.invite_title'), errorText(t, e));
    }
  };
  const p = status.progress;
  const percent = p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;

  return (
    <Stack maw={640}>
      <Card withBorder radius="md" padding="lg" data-testid="sync-connected">
        <Stack gap="xs">
          <Title order={4}>{t('sync.title')}</Title>
          <Text size="sm">
            {t('sync.connected_to', { server: status.server, workspace: status.workspace, email: status.email })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="sync-state">
            {stateText(status, dynamic(t), format.dateTime)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('sync.pending', { count: status.pending })}
          </Text>
          {status.firstSync && p && (
            <Stack gap={4} data-testid="sync-first-progress">
              <Text size="xs" c="dimmed">
                {t('sync.first_sync', { done: p.done, total: p.total })}
              </Text>
              <Progress value={percent} animated />
            </Stack>
          )}
          {status.error && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />}>
              {t(`sync.reason.${status.error.reason}`)}
            </Alert>
          )}
          {status.openConflicts > 0 && (
            <Button
              component={Link}
              to="/sync/conflicts"
              variant="light"
              color="orange"
              data-testid="sync-open-conflicts"
            >
              {t('sync.conflicts_open', { count: status.openConflicts })}
            </Button>
          )}
          <Group justify="flex-end" mt="sm">
            <Button
              variant="default"
              loading={busy === 'out'}
              onClick={() => void run('out')}
              data-testid="sync-signout"
            >
              {t('sync.sign_out')}
            </Button>
            <Button
              leftSection={<IconRefresh size={16} />}
              loading={busy === 'run'}
              onClick={() => void run('run')}
              data-testid="sync-run-now"
            >
              {t('sync.run_now')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={(e) => void invite(e)}>
          <Stack gap="xs">
            <Title order={5}>{t('sync.invite_title')}</Title>
            <Group align="flex-end">
              <TextInput
                label={t('sync.email')}
                type="email"
                value={inviteEmail}
                onChange={(e) => setInviteEmail(e.currentTarget.value)}
                required
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light">
                {t('sync.invite')}
              </Button>
            </Group>
            {inviteCode && (
              <Text size="sm" data-testid="sync-invite-code">
                {t('sync.invite_code', { code: inviteCode })}
              </Text>
            )}
          </Stack>
        </form>
      </Card>
      <DevicesCard />
    </Stack>
  );
}

function stateText(status: SyncStatus, t: Translate, dateTime: (ms: number) => string): string {
  if (status.state === 'syncing') return t('sync.state_syncing');
  if (status.state === 'offline') return t('sync.state_offline');
  if (status.state === 'error')
    return t('sync.state_error', { reason: t(`sync.reason.${status.error?.reason ?? 'unknown'}`) });
  if (status.state === 'read_only') return t('sync.state_read_only');
  return status.lastSyncedAt
    ? t('sync.state_synced_at', { time: dateTime(status.lastSyncedAt) })
    : t('sync.state_idle');
}
