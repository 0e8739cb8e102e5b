import { Button, CloseButton, Dialog, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { firstProblem } from '../records/issues';
import { refreshWorkspace, useWorkspace } from './workspace-store';

const DISMISSED_KEY = 'crm.whoami.dismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Picks an existing member or creates one, then makes them the current member of this device. */
export function ChooseMember({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { members } = useWorkspace();
  const active = members.filter((m) => m.active);
  const [creating, setCreating] = useState(active.length === 0);
  const [picked, setPicked] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function run(fn: () => Promise<string>) {
    setBusy(true);
    try {
      const id = await fn();
      await unwrap(api.members.setCurrent({ id }));
      await refreshWorkspace();
      onDone();
    } catch (e) {
      setError(firstProblem(t, e));
    } finally {
      setBusy(false);
    }
  }

  if (creating) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            async () => (await unwrap(api.members.create({ name, email: email.trim() || null, role: 'member' }))).id,
          );
        }}
      >
        <Stack gap="xs">
          <TextInput
            size="sm"
            label={t('members.your_name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="whoami-name"
          />
          <TextInput
            size="sm"
            label={t('members.your_email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="whoami-email"
          />
          {error ? (
            <Text size="xs" c="red">
              {error}
            </Text>
          ) : null}
          <Group justify="space-between">
            {active.length ? (
              <Button variant="subtle" size="xs" onClick={() => setCreating(false)}>
                {t('members.pick_existing')}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" size="xs" loading={busy} data-testid="whoami-create">
              {t('members.create_me')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Stack gap="xs">
      <Select
        size="sm"
        placeholder={t('members.pick_placeholder')}
        aria-label={t('members.pick_placeholder')}
        data={active.map((m) => ({ value: m.id, label: m.email ? `${m.name} · ${m.email}` : m.name }))}
        value={picked}
        onChange={setPicked}
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="whoami-select"
      />
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
      <Group justify="space-between">
        <Button variant="subtle" size="xs" onClick={() => setCreating(true)}>
          {t('members.not_listed')}
        </Button>
        <Button
          size="xs"
          disabled={!picked}
          loading={busy}
          onClick={() => picked && void run(async () => picked)}
          data-testid="whoami-pick"
        >
          {t('members.this_is_me')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * First run on this device: "Who are you?" in a card over the foot of the sidebar until someone is
 * chosen. It is not a modal on purpose: it never blocks the screen (nor a test driving it), and
 * closing it is remembered on this device.
 */
export function WhoAreYouPrompt() {
  const { t } = useTranslation();
  const { current, loaded } = useWorkspace();
  const [dismissed, setDismissed] = useState(wasDismissed);
  const opened = loaded && !current && !dismissed;
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // not fatal: it will ask again next time
    }
    setDismissed(true);
  };
  return (
    <Dialog
      opened={opened}
      position={{ bottom: 12, left: 12 }}
      size={224}
      zIndex={190}
      radius="lg"
      shadow="xl"
      withBorder
      p="md"
      role="dialog"
      aria-label={t('members.who_are_you')}
      data-testid="whoami"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Text fw={650}>{t('members.who_are_you')}</Text>
        <CloseButton size="sm" onClick={dismiss} aria-label={t('members.not_now')} data-testid="whoami-dismiss" />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('members.who_are_you_body')}
      </Text>
      {opened ? <ChooseMember onDone={() => undefined} /> : null}
    </Dialog>
  );
}
