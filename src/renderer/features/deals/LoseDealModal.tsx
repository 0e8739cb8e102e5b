import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { dealErrorText } from './deal-errors';

const REASONS = ['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'no_response'] as const;

interface Props {
  /** The deal being lost, or null when the dialog is closed. */
  deal: { title: string } | null;
  onClose: () => void;
  /** Saves with the reason; a refusal is shown in the dialog. */
  onConfirm: (reason: string) => Promise<void>;
}

/** Asks why a deal was lost before it is marked lost: a reason is required. */
export function LoseDealModal({ deal, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal opened={deal !== null} onClose={onClose} title={t('deals.lose_title')}>
      {deal ? <LoseForm title={deal.title} onClose={onClose} onConfirm={onConfirm} /> : null}
    </FormModal>
  );
}

function LoseForm({ title, onClose, onConfirm }: { title: string } & Omit<Props, 'deal'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const suggestions = REASONS.map((r) => t(`deals.reason.${r}`));

  const submit = async () => {
    if (!reason.trim()) {
      setError(t('validation.lost_reason_required'));
      return;
    }
    setSaving(true);
    try {
      await onConfirm(reason.trim());
      onClose();
    } catch (e) {
      setError(dealErrorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Text size="sm">{t('deals.lose_body', { title })}</Text>
        <TextInput
          label={t('deals.lost_reason')}
          placeholder={t('deals.lost_reason_placeholder')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          data-autofocus
          // Checked here rather than by the browser, so the message is ours and translated.
          withAsterisk
          maxLength={500}
          error={error && !reason.trim() ? error : undefined}
          data-testid="lost-reason"
        />
        <Group gap={6} aria-label={t('deals.reason_suggestions')} role="group">
          {suggestions.map((s) => (
            <Button
              key={s}
              size="compact-xs"
              variant={reason === s ? 'filled' : 'light'}
              color="gray"
              onClick={() => {
                setReason(s);
                setError(null);
              }}
            >
              {s}
            </Button>
          ))}
        </Group>
        {error && reason.trim() ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={saving} data-testid="confirm-lose">
            {t('deals.mark_lost')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
