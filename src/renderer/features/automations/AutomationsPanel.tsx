import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconEdit, IconPlayerPlay, IconPlus, IconRobot, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Automation } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { usePipelines } from '../deals/use-pipelines';
import { issueText } from '../records/issues';
import { useLive } from '../records/use-live';

type Trigger = Automation['trigger'];
type Action = Automation['action'];

/** "When … then …" rules: listed, switched off and on, edited; each run is logged. */
export function AutomationsPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rules = useLive(() => unwrap(api.automations.list({})), ['automations'], 'rules');
  const runs = useLive(
    () => unwrap(api.automations.runs({ limit: 50 })),
    ['automations', 'activities', 'email_outbox'],
    'runs',
  );
  const templates = useLive(() => unwrap(api.templates.list({})), ['templates'], 'tpl');
  const pipelines = usePipelines();
  const [editing, setEditing] = useState<Automation | 'new' | null>(null);
  const stages = (pipelines.data ?? []).flatMap((p) =>
    p.stages.map((s) => ({ value: s.id, label: `${p.name} · ${s.name}` })),
  );
  const stageName = (id: string) => stages.find((s) => s.value === id)?.label ?? id;
  const templateName = (id: string) => templates.data?.items.find((x) => x.id === id)?.name ?? id;

  const summary = (r: Automation) => {
    const when =
      r.trigger.type === 'contact_created'
        ? r.trigger.source
          ? t('auto.summary_contact_created_source', { source: r.trigger.source })
          : t('auto.summary_contact_created')
        : r.trigger.type === 'deal_stage'
          ? t('auto.summary_deal_stage', { stage: stageName(r.trigger.stageId) })
          : t('auto.summary_task_overdue');
    const then =
      r.action.type === 'send_template'
        ? t('auto.summary_send_template', { template: templateName(r.action.templateId) })
        : r.action.type === 'create_task'
          ? t('auto.summary_create_task', { subject: r.action.subject, days: fmt.number(r.action.dueInDays) })
          : t('auto.summary_notify_assignee');
    return `${when}, ${then}`;
  };

  async function toggle(r: Automation, enabled: boolean) {
    try {
      await unwrap(api.automations.update({ id: r.id, enabled }));
    } catch (error) {
      notifyError(t('act.error'), errorText(t, error));
    }
  }

  async function runNow() {
    try {
      const { runs: n } = await unwrap(api.automations.runNow({}));
      notifySuccess(t('auto.run_now'), t('auto.runs_done', { count: n }));
      void runs.reload();
    } catch (error) {
      notifyError(t('auto.run_now'), errorText(t, error));
    }
  }

  const items = rules.data?.items ?? [];
  return (
    <Stack gap="lg" data-testid="automations">
      <Card withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('act.tab_automations')}</Title>
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={() => void runNow()}>
              {t('auto.run_now')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="automation-new">
              {t('auto.new')}
            </Button>
          </Group>
        </Group>
        {items.length === 0 ? (
          <EmptyState icon={IconRobot} color="gray" title={t('auto.empty')} />
        ) : (
          <Stack gap="xs">
            {items.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap" data-testid="automation-row">
                <Group gap="sm" wrap="nowrap">
                  <Switch
                    checked={r.enabled}
                    onChange={(e) => void toggle(r, e.currentTarget.checked)}
                    aria-label={t('auto.enabled')}
                  />
                  <Stack gap={0}>
                    <Text fw={600}>{r.name}</Text>
                    <Text size="sm" c="dimmed">
                      {summary(r)}
                    </Text>
                  </Stack>
                </Group>
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('auto.edit', { name: r.name })}
                    onClick={() => setEditing(r)}
                  >
                    <IconEdit size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('act.delete')}
                    onClick={() => void unwrap(api.automations.delete({ id: r.id }))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder p="md">
        <Title order={5} mb="sm">
          {t('auto.runs')}
        </Title>
        <Table>
          <Table.Tbody>
            {(runs.data?.items ?? []).map((run) => (
              <Table.Tr key={run.seq}>
                <Table.Td>{fmt.dateTime(run.at)}</Table.Td>
                <Table.Td>{items.find((r) => r.id === run.automationId)?.name ?? ''}</Table.Td>
                <Table.Td>
                  <Badge
                    color={run.outcome === 'done' ? 'teal' : run.outcome === 'failed' ? 'red' : 'gray'}
                    variant="light"
                  >
                    {t(`auto.outcome_${run.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {run.outcome === 'done' ? '' : (run.detail ?? '')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing && editing !== 'new' ? t('auto.edit', { name: editing.name }) : t('auto.new')}
        size="lg"
        centered
      >
        {editing !== null ? (
          <RuleForm
            rule={editing === 'new' ? null : editing}
            stages={stages}
            templates={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function RuleForm({
  rule,
  stages,
  templates,
  onDone,
}: {
  rule: Automation | null;
  stages: { value: string; label: string }[];
  templates: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(rule?.name ?? '');
  const [trigger, setTrigger] = useState<Trigger>(rule?.trigger ?? { type: 'contact_created' });
  const [action, setAction] = useState<Action>(rule?.action ?? { type: 'create_task', subject: '', dueInDays: 1 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function save() {
    setErrors({});
    setGeneral(null);
    try {
      if (rule) await unwrap(api.automations.update({ id: rule.id, name, trigger, action }));
      else await unwrap(api.automations.create({ name, trigger, action }));
      notifySuccess(t('auto.saved'), name);
      onDone();
    } catch (error) {
      if (isApiError(error) && error.issues.length) {
        const placed = Object.fromEntries(error.issues.map((i) => [i.path.join('.'), issueText(t, i)]));
        setErrors(placed);
        setGeneral(Object.values(placed).join(' '));
      } else setGeneral(errorText(t, error));
    }
  }

  return (
    <Stack gap="sm" data-testid="automation-form">
      {general ? <Alert color="red">{general}</Alert> : null}
      <TextInput
        label={t('auto.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        data-testid="automation-name"
      />
      <Select
        label={t('auto.when')}
        value={trigger.type}
        allowDeselect={false}
        onChange={(v) =>
          setTrigger(
            v === 'deal_stage'
              ? { type: 'deal_stage', stageId: stages[0]?.value ?? '' }
              : v === 'task_overdue'
                ? { type: 'task_overdue' }
                : { type: 'contact_created' },
          )
        }
        data={(['contact_created', 'deal_stage', 'task_overdue'] as const).map((x) => ({
          value: x,
          label: t(`auto.trigger_${x}`),
        }))}
        data-testid="automation-trigger"
      />
      {trigger.type === 'contact_created' ? (
        <TextInput
          label={t('auto.source')}
          value={trigger.source ?? ''}
          onChange={(e) =>
            setTrigger({ type: 'contact_created', ...(e.currentTarget.value ? { source: e.currentTarget.value } : {}) })
          }
        />
      ) : null}
      {trigger.type === 'deal_stage' ? (
        <Select
          label={t('auto.stage')}
          value={trigger.stageId}
          onChange={(v) => setTrigger({ type: 'deal_stage', stageId: v ?? '' })}
          data={stages}
          error={errors['trigger.stageId']}
        />
      ) : null}
      <Select
        label={t('auto.then')}
        value={action.type}
        allowDeselect={false}
        onChange={(v) =>
          setAction(
            v === 'send_template'
              ? { type: 'send_template', templateId: templates[0]?.value ?? '' }
              : v === 'notify_assignee'
                ? { type: 'notify_assignee' }
                : { type: 'create_task', subject: '', dueInDays: 1 },
          )
        }
        data={(['send_template', 'create_task', 'notify_assignee'] as const).map((x) => ({
          value: x,
          label: t(`auto.action_${x}`),
        }))}
        error={errors['action.type']}
        data-testid="automation-action"
      />
      {action.type === 'send_template' ? (
        <Select
          label={t('email.template')}
          value={action.templateId}
          onChange={(v) => setAction({ type: 'send_template', templateId: v ?? '' })}
          data={templates}
          error={errors['action.templateId']}
        />
      ) : null}
      {action.type === 'create_task' ? (
        <Group grow>
          <TextInput
            label={t('auto.task_subject')}
            value={action.subject}
            onChange={(e) => setAction({ ...action, subject: e.currentTarget.value })}
            error={errors['action.subject']}
          />
          <NumberInput
            label={t('auto.due_in_days')}
            value={action.dueInDays}
            min={0}
            max={365}
            onChange={(v) => setAction({ ...action, dueInDays: typeof v === 'number' ? v : 0 })}
          />
        </Group>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('act.cancel')}
        </Button>
        <Button onClick={() => void save()} data-testid="automation-save">
          {t('act.save')}
        </Button>
      </Group>
    </Stack>
  );
}
