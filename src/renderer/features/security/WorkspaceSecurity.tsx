import { Badge, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';

const MIN_LENGTH = 8;

/** Settings: set, change or remove the passphrase that encrypts the workspace file at rest. */
export function WorkspaceSecurity() {
  const { t } = useTranslation();
  const [encrypted, setEncrypted] = useState<boolean | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void unwrap(api.workspace.status({})).then(
      (s) => setEncrypted(s.encrypted),
      () => setEncrypted(false),
    );
  }, []);

  const nextProblem =
    next.length > 0 && next.length < MIN_LENGTH
      ? t('security.too_short')
      : confirm.length > 0 && confirm !== next
        ? t('security.mismatch')
        : null;

  async function apply(value: string | null, done: string) {
    setBusy(true);
    try {
      const state = await unwrap(api.workspace.setPassphrase({ next: value, ...(encrypted ? { current } : {}) }));
      setEncrypted(state.encrypted);
      setCurrent('');
      setNext('');
      setConfirm('');
      notifySuccess(t('security.title'), done);
    } catch (error) {
      notifyError(t('security.title'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  if (encrypted === null) return null;
  const canSet = next.length >= MIN_LENGTH && next === confirm && (!encrypted || current.length > 0);
  return (
    <Card p="lg" data-testid="workspace-security">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('security.title')}</Title>
        <Badge
          color={encrypted ? 'teal' : 'gray'}
          leftSection={encrypted ? <IconLock size={12} /> : <IconLockOpen size={12} />}
          data-testid="security-status"
        >
          {encrypted ? t('security.status_on') : t('security.status_off')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md" maw={640}>
        {encrypted ? t('security.body_encrypted') : t('security.body_plain')}
      </Text>
      <Stack maw={420} gap="sm">
        {encrypted && (
          <PasswordInput
            label={t('security.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            data-testid="security-current"
          />
        )}
        <PasswordInput
          label={t('security.next')}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          data-testid="security-next"
        />
        <PasswordInput
          label={t('security.confirm')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={nextProblem}
          data-testid="security-confirm"
        />
        <Group>
          <Button
            loading={busy}
            disabled={!canSet}
            onClick={() => void apply(next, encrypted ? t('security.done_change') : t('security.done_set'))}
            data-testid="security-apply"
          >
            {encrypted ? t('security.change') : t('security.set')}
          </Button>
          {encrypted && (
            <Button
              variant="default"
              color="red"
              loading={busy}
              disabled={current.length === 0}
              onClick={() => void apply(null, t('security.done_remove'))}
              data-testid="security-remove"
            >
              {t('security.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
