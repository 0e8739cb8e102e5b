import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconArchive, IconArchiveOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { dealErrorText } from '../deals/deal-errors';
import { usePipelines } from '../deals/use-pipelines';
import { ExchangeRatesCard } from './ExchangeRatesCard';
import { StagesEditor } from './StagesEditor';

/** Settings › Pipelines: the pipelines, their stages in order (drag to reorder), and exchange rates for totals. */
export function PipelinesSettings() {
  const { t } = useTranslation();
  const pipelines = usePipelines(true);
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!pipelines.data) return <LoadingState />;
  const list = pipelines.data;
  const pipeline = list.find((p) => p.id === selected) ?? list.find((p) => !p.archived) ?? list[0];

  const create = async () => {
    setError(null);
    try {
      const made = await unwrap(api.pipelines.create({ name }));
      setName('');
      setSelected(made.id);
    } catch (e) {
      setError(dealErrorText(t, e));
    }
  };

  return (
    <Stack gap="lg" data-testid="pipelines-settings">
      <Card p="lg">
        <Title order={5} mb="xs">
          {t('pipelines.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('pipelines.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <Select
            label={t('pipelines.pipeline')}
            data={list.map((p) => ({
              value: p.id,
              label: p.archived ? `${p.name} (${t('pipelines.archived')})` : p.name,
            }))}
            value={pipeline?.id ?? null}
            onChange={setSelected}
            allowDeselect={false}
            w={260}
            data-testid="settings-pipeline-select"
            comboboxProps={{ withinPortal: true }}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('pipelines.new_name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                placeholder={t('pipelines.new_placeholder')}
                data-testid="new-pipeline-name"
              />
              <Button
                type="submit"
                leftSection={<IconPlus size={16} />}
                disabled={!name.trim()}
                data-testid="create-pipeline"
              >
                {t('pipelines.create')}
              </Button>
            </Group>
          </form>
        </Group>
        {error ? (
          <Alert mt="sm" color="red" icon={<IconAlertCircle size={18} />}>
            {error}
          </Alert>
        ) : null}
      </Card>
      {pipeline ? <PipelineCard key={pipeline.id} pipeline={pipeline} /> : null}
      <ExchangeRatesCard />
    </Stack>
  );
}

function PipelineCard({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const [name, setName] = useState(pipeline.name);
  const save = (patch: { name?: string; archived?: boolean }) =>
    unwrap(api.pipelines.update({ id: pipeline.id, ...patch })).catch((e) =>
      notifyError(t('common.error'), dealErrorText(t, e)),
    );
  return (
    <Card p="lg" data-testid="pipeline-card">
      <Group justify="space-between" align="flex-end" mb="md">
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('pipelines.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            onBlur={() => name.trim() && name !== pipeline.name && void save({ name: name.trim() })}
            data-testid="pipeline-name"
          />
          {pipeline.archived ? <Badge color="gray">{t('pipelines.archived')}</Badge> : null}
        </Group>
        <Button
          variant="subtle"
          color={pipeline.archived ? 'blue' : 'gray'}
          leftSection={pipeline.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
          onClick={() => void save({ archived: !pipeline.archived })}
        >
          {pipeline.archived ? t('pipelines.unarchive') : t('pipelines.archive')}
        </Button>
      </Group>
      <StagesEditor pipeline={pipeline} />
    </Card>
  );
}
