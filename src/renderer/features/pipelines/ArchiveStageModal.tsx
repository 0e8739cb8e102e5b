import { Alert, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { dealErrorText } from '../deals/deal-errors';

/** Archiving a stage asks where its deals go. */
export function ArchiveStageModal({
  stage,
  stages,
  onClose,
}: {
  stage: Stage | null;
  stages: Stage[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={stage !== null}
      onClose={onClose}
      title={t('pipelines.archive_title', { stage: stage?.name ?? '' })}
    >
      {stage ? <ArchiveForm stage={stage} stages={stages.filter((s) => s.id !== stage.id)} onClose={onClose} /> : null}
    </FormModal>
  );
}

function ArchiveForm({ stage, stages, onClose }: { stage: Stage; stages: Stage[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(
    stages.find((s) => s.kind === stage.kind)?.id ?? stages[0]?.id ?? null,
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Deals going to a lost stage need a reason; the back end refuses the archive without one.
  const intoLost = stages.find((s) => s.id === target)?.kind === 'lost';
  const submit = async () => {
    if (!target) return;
    setSaving(true);
    try {
      const { moved } = await unwrap(
        api.pipelines.archiveStage({
          id: stage.id,
          moveTo: target,
          ...(intoLost && reason.trim() ? { lostReason: reason } : {}),
        }),
      );
      notifySuccess(t('pipelines.archived_toast', { stage: stage.name }), t('pipelines.moved_deals', { count: moved }));
      onClose();
    } catch (e) {
      setError(dealErrorText(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">{t('pipelines.archive_body')}</Text>
      <Select
        label={t('pipelines.move_deals_to')}
        data={stages.map((s) => ({ value: s.id, label: s.name }))}
        value={target}
        onChange={setTarget}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-testid="archive-move-to"
      />
      {intoLost ? (
        <Textarea
          label={t('deals.lost_reason')}
          description={t('pipelines.archive_lost_reason_hint')}
          placeholder={t('deals.lost_reason_placeholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-testid="archive-lost-reason"
        />
      ) : null}
      {error ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="orange"
          onClick={() => void submit()}
          loading={saving}
          disabled={!target}
          data-testid="confirm-archive-stage"
        >
          {t('pipelines.archive_stage')}
        </Button>
      </Group>
    </Stack>
  );
}
