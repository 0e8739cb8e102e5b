import { ActionIcon, Badge, Button, Group, NumberInput, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  arrayMove,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArchive, IconGripVertical, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage, StageKind } from '../../../shared/contract';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { dealErrorText } from '../deals/deal-errors';
import { ArchiveStageModal } from './ArchiveStageModal';

const KINDS: StageKind[] = ['open', 'won', 'lost'];

/** A pipeline's live stages: drag (or Space + arrows) to reorder, edit in place, add, archive. */
export function StagesEditor({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const live = pipeline.stages.filter((s) => !s.archived);
  const [order, setOrder] = useState(live.map((s) => s.id));
  const [archiving, setArchiving] = useState<Stage | null>(null);
  const [newName, setNewName] = useState('');
  const liveKey = live.map((s) => s.id).join(',');
  useEffect(() => setOrder(liveKey ? liveKey.split(',') : []), [liveKey]);
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(live.map((s) => [s.id, s]));
  const fail = (e: unknown) => notifyError(t('common.error'), dealErrorText(t, e));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    setOrder(next);
    void unwrap(api.pipelines.reorderStages({ pipelineId: pipeline.id, stageIds: next })).catch(fail);
  };

  const add = async () => {
    try {
      await unwrap(
        api.pipelines.addStage({
          pipelineId: pipeline.id,
          name: newName,
          index: live.filter((s) => s.kind === 'open').length,
        }),
      );
      setNewName('');
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack gap="xs" data-testid="stages-editor">
      <Text size="sm" c="dimmed">
        {t('pipelines.stages_hint')}
      </Text>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          {order.map((id) => {
            const stage = byId.get(id);
            return stage ? (
              <StageRow key={id} stage={stage} onArchive={() => setArchiving(stage)} onError={fail} />
            ) : null;
          })}
        </SortableContext>
      </DndContext>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Group gap="xs" mt="xs">
          <TextInput
            placeholder={t('pipelines.new_stage')}
            aria-label={t('pipelines.new_stage')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            data-testid="new-stage-name"
          />
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={!newName.trim()}
            data-testid="add-stage"
          >
            {t('pipelines.add_stage')}
          </Button>
        </Group>
      </form>
      <ArchiveStageModal stage={archiving} stages={live} onClose={() => setArchiving(null)} />
    </Stack>
  );
}

function StageRow({
  stage,
  onArchive,
  onError,
}: {
  stage: Stage;
  onArchive: () => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id });
  const [name, setName] = useState(stage.name);
  useEffect(() => setName(stage.name), [stage.name]);
  const save = (patch: { name?: string; probability?: number; kind?: StageKind; rottingDays?: number | null }) =>
    void unwrap(api.pipelines.updateStage({ id: stage.id, ...patch })).catch(onError);
  return (
    <Group
      ref={setNodeRef}
      gap="xs"
      wrap="nowrap"
      p={6}
      data-testid="stage-row"
      data-stage={stage.name}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        background: 'var(--mantine-color-default-hover)',
        borderRadius: 8,
      }}
    >
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={t('pipelines.reorder', { stage: stage.name })}
        {...attributes}
        {...listeners}
        style={{ cursor: 'grab' }}
        data-testid="stage-handle"
      >
        <IconGripVertical size={16} />
      </ActionIcon>
      <TextInput
        aria-label={t('pipelines.stage_name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={() => name.trim() && name !== stage.name && save({ name: name.trim() })}
        style={{ flex: 1 }}
        data-testid="stage-name"
      />
      <Select
        aria-label={t('pipelines.kind')}
        data={KINDS.map((k) => ({ value: k, label: t(`pipelines.kind_${k}`) }))}
        value={stage.kind}
        onChange={(v) => v && save({ kind: v as StageKind })}
        allowDeselect={false}
        w={110}
        comboboxProps={{ withinPortal: true }}
      />
      <NumberInput
        aria-label={t('pipelines.probability')}
        value={stage.probability}
        onBlur={(e) => {
          const n = Number(e.currentTarget.value.replace('%', ''));
          if (Number.isInteger(n) && n !== stage.probability) save({ probability: n });
        }}
        min={0}
        max={100}
        suffix="%"
        w={90}
      />
      <Tooltip label={t('pipelines.rotting_hint')} withinPortal>
        <NumberInput
          aria-label={t('pipelines.rotting_days')}
          placeholder={t('pipelines.rotting_none')}
          value={stage.rottingDays ?? ''}
          onBlur={(e) => {
            const raw = e.currentTarget.value.trim();
            const n = raw === '' ? null : Number(raw);
            if (n === null || (Number.isInteger(n) && n > 0)) if (n !== stage.rottingDays) save({ rottingDays: n });
          }}
          min={1}
          w={110}
          rightSection={
            <Text size="xs" c="dimmed" pr={6}>
              {t('pipelines.days')}
            </Text>
          }
          rightSectionWidth={40}
        />
      </Tooltip>
      <Badge variant="light" color={stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'red' : 'blue'} w={70}>
        {t(`pipelines.kind_${stage.kind}`)}
      </Badge>
      <Tooltip label={t('pipelines.archive_stage')} withinPortal>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('pipelines.archive_stage_named', { stage: stage.name })}
          onClick={onArchive}
          data-testid="archive-stage"
        >
          <IconArchive size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
