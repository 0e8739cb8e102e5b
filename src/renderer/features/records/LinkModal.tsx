import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { firstProblem } from './issues';
import type { Picked } from './pickers/RemotePicker';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The picker of the other side (a company for a contact, a contact for a company). */
  renderPicker: (value: Picked | null, onChange: (value: Picked | null) => void) => ReactNode;
  /** Links with the role and the primary flag; throws the ApiError of a refusal. */
  link: (other: Picked, role: string, isPrimary: boolean) => Promise<void>;
  primaryLabel: string;
  defaultPrimary?: boolean;
}

/** Links a contact and a company with a role, from either side. */
export function LinkModal({ opened, onClose, title, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{title}</Text>} centered radius="lg">
      {opened ? <LinkForm onDone={onClose} {...rest} /> : null}
    </Modal>
  );
}

function LinkForm({
  renderPicker,
  link,
  primaryLabel,
  defaultPrimary = false,
  onDone,
}: Omit<Props, 'opened' | 'onClose' | 'title'> & { onDone: () => void }) {
  const { t } = useTranslation();
  const [other, setOther] = useState<Picked | null>(null);
  const [role, setRole] = useState('');
  const [primary, setPrimary] = useState(defaultPrimary);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (!other) {
      setError(t('validation.required'));
      return;
    }
    setSaving(true);
    try {
      await link(other, role, primary);
      onDone();
    } catch (e) {
      setError(firstProblem(t, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="link-form"
    >
      <Stack gap="md">
        {renderPicker(other, (v) => {
          setOther(v);
          setError(undefined);
        })}
        <TextInput
          label={t('records.role')}
          placeholder={t('records.role_placeholder')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          data-testid="link-role"
        />
        <Checkbox label={primaryLabel} checked={primary} onChange={(e) => setPrimary(e.currentTarget.checked)} />
        {error ? (
          <Text size="sm" c="red" data-testid="link-error">
            {error}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="link-submit">
            {t('records.link')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
