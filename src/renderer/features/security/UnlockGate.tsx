import { Button, Card, Center, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/LoadingState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';

type Lock = 'checking' | 'locked' | 'open';

/**
 * An encrypted workspace starts locked (the app and `crm serve` alike): until its passphrase is
 * given, only workspace.status and workspace.unlock answer. This screen stands in front of the
 * whole app until then; a wrong passphrase says so and changes nothing.
 */
export function UnlockGate({ children }: { children: ReactNode }) {
  const [lock, setLock] = useState<Lock>('checking');
  useEffect(() => {
    let live = true;
    api.workspace
      .status({})
      .then((result) => {
        // A failure to ask is not a lock: the app shows it where the calls fail.
        if (live) setLock(result.ok && result.value.locked ? 'locked' : 'open');
      })
      .catch(() => live && setLock('open'));
    return () => {
      live = false;
    };
  }, []);
  if (lock === 'checking') return <LoadingState height={400} />;
  if (lock === 'locked') return <UnlockForm onUnlocked={() => setLock('open')} />;
  return children;
}

function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock() {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.workspace.unlock({ passphrase }));
      onUnlocked();
    } catch (failure) {
      setError(errorText(t, failure));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Card p="xl" radius="lg" withBorder w={420} data-testid="unlock-screen">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (passphrase) void unlock();
          }}
        >
          <Stack>
            <IconLock size={32} aria-hidden />
            <Title order={3}>{t('unlock.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('unlock.body')}
            </Text>
            <PasswordInput
              label={t('unlock.passphrase')}
              value={passphrase}
              onChange={(event) => setPassphrase(event.currentTarget.value)}
              error={error}
              autoFocus
              data-testid="unlock-passphrase"
            />
            <Button type="submit" loading={busy} disabled={!passphrase} data-testid="unlock-submit">
              {t('unlock.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
