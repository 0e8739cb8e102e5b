import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { errorText } from '../../../lib/error-text';
import { translateIssue } from '../labels';

interface Props {
  mode: 'create' | 'rename';
  initialName: string;
  initialShared: boolean;
  onClose: () => void;
  /** Saves; a rejected promise with invalid_input shows its message under the name. */
  onSubmit: (name: string, shared: boolean) => Promise<void>;
}

/** Names a view (and says who sees it) when it is saved or renamed. */
export function SaveViewModal({ mode, initialName, initialShared, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(initialShared);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(name, shared);
      onClose();
    } catch (e) {
      const issue = isApiError(e) ? e.issues.find((i) => i.path[0] === 'name') : undefined;
      setError(issue ? translateIssue(t, issue.key, issue.params) : errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{mode === 'create' ? t('lists.view_save_title') : t('lists.view_rename_title')}</Text>}
      centered
      radius="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('lists.view_name')}
            placeholder={t('lists.view_name_placeholder')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            data-testid="view-name"
          />
          {mode === 'create' ? (
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('lists.view_visibility')}
              </Text>
              <SegmentedControl
                fullWidth
                value={shared ? 'shared' : 'personal'}
                onChange={(v) => setShared(v === 'shared')}
                data={[
                  { value: 'personal', label: t('lists.view_personal') },
                  { value: 'shared', label: t('lists.view_shared') },
                ]}
                data-testid="view-visibility"
              />
              <Text size="xs" c="dimmed">
                {shared ? t('lists.view_shared_help') : t('lists.view_personal_help')}
              </Text>
            </Stack>
          ) : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="view-save-submit">
              {t('lists.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
