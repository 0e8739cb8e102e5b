import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { issueText } from '../records/issues';
import { useLive } from '../records/use-live';

const STATUS_COLORS: Record<OutboxItem['status'], string> = {
  queued: 'yellow',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
};

/** The SMTP account of this device and the outbox: what waits, what went, what failed. */
export function EmailPanel() {
  return (
    <Stack gap="lg">
      <Outbox />
      <AccountForm />
    </Stack>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const outbox = useLive(() => unwrap(api.email.outbox({})), ['email_outbox', 'activities'], 'outbox');
  const [busy, setBusy] = useState(false);
  async function sendNow() {
    setBusy(true);
    try {
      const r = await unwrap(api.email.flush({}));
      notifySuccess(
        t('email.outbox'),
        t('email.sent_result', {
          sent: fmt.number(r.sent),
          waiting: fmt.number(r.waiting),
          failed: fmt.number(r.failed),
        }),
      );
      void outbox.reload();
    } catch (error) {
      notifyError(t('email.outbox'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }
  const items = outbox.data?.items ?? [];
  return (
    <Card withBorder p="md" data-testid="outbox">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('email.outbox')}</Title>
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => void sendNow()}
          loading={busy}
          data-testid="outbox-send-now"
        >
          {t('email.send_now')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('email.empty_outbox')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.id} data-testid="outbox-row" data-status={m.status}>
                <Table.Td>
                  <Badge color={STATUS_COLORS[m.status]} variant="light">
                    {t(`email.status_${m.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fw={500}>{m.subject}</Text>
                  <Text size="xs" c="dimmed">
                    {m.to.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {m.status === 'sent' && m.sentAt
                      ? fmt.dateTime(m.sentAt)
                      : m.status === 'queued'
                        ? `${t('email.attempts', { count: m.attempts })} · ${t('email.next_try', { when: fmt.dateTime(m.nextAttemptAt) })}`
                        : ''}
                  </Text>
                  {m.lastError && m.status !== 'sent' ? (
                    <Text size="xs" c="red" lineClamp={2}>
                      {m.lastError}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {m.status === 'queued' || m.status === 'failed' ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        void unwrap(api.email.cancel({ id: m.id })).catch((e: unknown) =>
                          notifyError(t('email.outbox'), errorText(t, e)),
                        )
                      }
                    >
                      {t('email.cancel_mail')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function AccountForm() {
  const { t } = useTranslation();
  const account = useLive(() => unwrap(api.email.getAccount({})), ['smtp'], 'account');
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | string>(587);
  const [security, setSecurity] = useState<'tls' | 'starttls' | 'none'>('starttls');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [fromAddress, setFromAddress] = useState('');
  const [fromName, setFromName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const saved = account.data?.account ?? null;
  const inBrowser = !window.crm;

  useEffect(() => {
    if (!saved) return;
    setHost(saved.host);
    setPort(saved.port);
    setSecurity(saved.security);
    setUser(saved.user ?? '');
    setFromAddress(saved.fromAddress);
    setFromName(saved.fromName ?? '');
  }, [saved]);

  async function save() {
    setBusy(true);
    setErrors({});
    try {
      await unwrap(
        api.email.saveAccount({
          host,
          port: typeof port === 'number' ? port : Number(port),
          security,
          user: user || null,
          ...(password ? { password } : {}),
          ...(passphrase ? { passphrase } : {}),
          fromAddress,
          fromName: fromName || null,
        }),
      );
      setPassword('');
      notifySuccess(t('email.account_saved'), fromAddress);
      void account.reload();
    } catch (error) {
      if (isApiError(error) && error.issues.length)
        setErrors(Object.fromEntries(error.issues.map((i) => [i.path.join('.'), issueText(t, i)])));
      else notifyError(t('email.account'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  async function unlock() {
    try {
      await unwrap(api.email.unlock({ passphrase }));
      void account.reload();
      void api.email.flush({});
    } catch (error) {
      if (isApiError(error) && error.issues.length) setErrors({ passphrase: issueText(t, error.issues[0]!) });
      else notifyError(t('email.account'), errorText(t, error));
    }
  }

  return (
    <Card withBorder p="md" data-testid="smtp-account">
      <Title order={4}>{t('email.account')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('email.account_hint')}
      </Text>
      {saved && !saved.unlocked ? (
        <Alert color="yellow" mb="sm">
          <Group>
            <Text size="sm">{t('email.locked')}</Text>
            <PasswordInput
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              aria-label={t('email.passphrase')}
              error={errors.passphrase}
            />
            <Button size="xs" onClick={() => void unlock()}>
              {t('email.unlock')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('email.host')}
          value={host}
          onChange={(e) => setHost(e.currentTarget.value)}
          error={errors.host}
          data-testid="smtp-host"
        />
        <NumberInput
          label={t('email.port')}
          value={port}
          onChange={setPort}
          error={errors.port}
          min={1}
          max={65535}
          data-testid="smtp-port"
        />
        <Select
          label={t('email.security')}
          value={security}
          onChange={(v) => setSecurity((v as typeof security) ?? 'starttls')}
          allowDeselect={false}
          data={(['tls', 'starttls', 'none'] as const).map((s) => ({ value: s, label: t(`email.security_${s}`) }))}
          data-testid="smtp-security"
        />
        <TextInput
          label={t('email.user')}
          value={user}
          onChange={(e) => setUser(e.currentTarget.value)}
          data-testid="smtp-user"
        />
        <PasswordInput
          label={t('email.password')}
          placeholder={saved?.hasPassword ? t('email.password_kept') : undefined}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          data-testid="smtp-password"
        />
        {inBrowser ? (
          <PasswordInput
            label={t('email.passphrase')}
            description={t('email.passphrase_hint')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={errors.passphrase}
            data-testid="smtp-passphrase"
          />
        ) : null}
        <TextInput
          label={t('email.from_address')}
          value={fromAddress}
          onChange={(e) => setFromAddress(e.currentTarget.value)}
          error={errors.fromAddress}
          data-testid="smtp-from"
        />
        <TextInput label={t('email.from_name')} value={fromName} onChange={(e) => setFromName(e.currentTarget.value)} />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button onClick={() => void save()} loading={busy} data-testid="smtp-save">
          {t('email.save_account')}
        </Button>
      </Group>
    </Card>
  );
}
