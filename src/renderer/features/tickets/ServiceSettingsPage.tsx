import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Template } from '../../../shared/contract/templates';
import {
  ASSIGNMENT_STRATEGIES,
  TICKET_PRIORITIES,
  type AssignmentRule,
  type BusinessHours,
  type SlaPolicy,
  type TicketSettings,
} from '../../../shared/contract/tickets';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useChanges } from '../../lib/use-changes';
import { ConfirmModal } from '../records/ConfirmModal';
import { notifyWithUndo } from '../records/undo-toast';
import { useWorkspace } from '../members/workspace-store';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

function issuesOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.path.join('.'), i.message]));
}

function Section({
  title,
  onAdd,
  addLabel,
  children,
}: {
  title: string;
  onAdd?: () => void;
  addLabel?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="sm">
        <Text fw={650}>{title}</Text>
        {onAdd ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

/** Edit and delete buttons of one row, named after it so a screen reader tells the rows apart. */
function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit} aria-label={t('service_settings.edit_named', { name })}>
        {t('service_settings.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={onDelete}
        aria-label={t('service_settings.delete_named', { name })}
      >
        {t('service_settings.delete')}
      </Button>
    </Group>
  );
}

type Deleting = { kind: 'hours' | 'policy' | 'rule'; id: string; name: string };

function HoursForm({ hours, onDone }: { hours: BusinessHours | null; onDone: () => void }) {
  const { t } = useTranslation();
  const first = hours?.schedule[0];
  const [name, setName] = useState(hours?.name ?? '');
  const [timezone, setTimezone] = useState(hours?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [days, setDays] = useState<string[]>(
    (hours ? [...new Set(hours.schedule.map((w) => w.day))] : [1, 2, 3, 4, 5]).map(String),
  );
  const [start, setStart] = useState(first?.start ?? '09:00');
  const [end, setEnd] = useState(first?.end ?? '17:00');
  const [holidays, setHolidays] = useState((hours?.holidays ?? []).join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await unwrap(
        api.businessHours.save({
          ...(hours ? { id: hours.id } : {}),
          name,
          timezone,
          schedule: days.map((d) => ({ day: Number(d), start, end })),
          holidays: holidays.split(/\s+/).filter(Boolean),
        }),
      );
      notifySuccess(t('tickets.saved'), name);
      onDone();
    } catch (error) {
      setErrors(issuesOf(error));
      notifyError(t('tickets.not_saved'), errorText(t, error));
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('service_settings.hours_name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
      />
      <TextInput
        label={t('service_settings.timezone')}
        value={timezone}
        onChange={(e) => setTimezone(e.currentTarget.value)}
        error={errors.timezone}
      />
      <Checkbox.Group label={t('service_settings.days')} value={days} onChange={setDays}>
        <Group gap="xs" mt={4}>
          {DAYS.map((d) => (
            <Checkbox key={d} value={String(d)} label={t(`service_settings.weekday.${d as 0}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow>
        <TextInput
          label={t('service_settings.opens')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={errors['schedule.0.start']}
        />
        <TextInput
          label={t('service_settings.closes')}
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          error={errors['schedule.0.end']}
        />
      </Group>
      <Textarea
        label={t('service_settings.holidays')}
        value={holidays}
        onChange={(e) => setHolidays(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group justify="flex-end">
        <Button onClick={save}>{t('service_settings.save')}</Button>
      </Group>
    </Stack>
  );
}

function PolicyForm({
  policy,
  hours,
  onDone,
}: {
  policy: SlaPolicy | null;
  hours: BusinessHours[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(policy?.name ?? '');
  const [hoursId, setHoursId] = useState<string | null>(policy?.businessHoursId ?? null);
  const [category, setCategory] = useState(policy?.category ?? '');
  const [isDefault, setIsDefault] = useState(policy?.isDefault ?? !policy);
  const [targets, setTargets] = useState<Record<string, { firstResponseMinutes: number; resolutionMinutes: number }>>(
    policy?.targets ?? {
      low: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
      normal: { firstResponseMinutes: 240, resolutionMinutes: 960 },
      high: { firstResponseMinutes: 60, resolutionMinutes: 480 },
      urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setTarget = (p: string, key: 'firstResponseMinutes' | 'resolutionMinutes', v: number) =>
    setTargets((all) => ({ ...all, [p]: { firstResponseMinutes: 60, resolutionMinutes: 480, ...all[p], [key]: v } }));
  const save = async () => {
    try {
      await unwrap(
        api.slaPolicies.save({
          ...(policy ? { id: policy.id } : {}),
          name,
          businessHoursId: hoursId,
          category: category || null,
          isDefault,
          targets,
        }),
      );
      notifySuccess(t('tickets.saved'), name);
      onDone();
    } catch (error) {
      setErrors(issuesOf(error));
      notifyError(t('tickets.not_saved'), errorText(t, error));
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('service_settings.policy_name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
      />
      <Select
        label={t('service_settings.hours')}
        placeholder={t('service_settings.around_the_clock')}
        data={hours.map((h) => ({ value: h.id, label: h.name }))}
        value={hoursId}
        onChange={setHoursId}
        clearable
      />
      <TextInput
        label={t('service_settings.policy_category')}
        value={category}
        onChange={(e) => setCategory(e.currentTarget.value)}
      />
      <Switch
        label={t('service_settings.policy_default')}
        checked={isDefault}
        onChange={(e) => setIsDefault(e.currentTarget.checked)}
      />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tickets.field.priority')}</Table.Th>
            <Table.Th>{t('service_settings.first_response_minutes')}</Table.Th>
            <Table.Th>{t('service_settings.resolution_minutes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TICKET_PRIORITIES.map((p) => (
            <Table.Tr key={p}>
              <Table.Td>{t(`tickets.priority.${p}`)}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t(`tickets.priority.${p}`)} · ${t('service_settings.first_response_minutes')}`}
                  value={targets[p]?.firstResponseMinutes ?? ''}
                  onChange={(v) => setTarget(p, 'firstResponseMinutes', Number(v) || 1)}
                  min={1}
                  error={errors[`targets.${p}.firstResponseMinutes`]}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`${t(`tickets.priority.${p}`)} · ${t('service_settings.resolution_minutes')}`}
                  value={targets[p]?.resolutionMinutes ?? ''}
                  onChange={(v) => setTarget(p, 'resolutionMinutes', Number(v) || 1)}
                  min={1}
                  error={errors[`targets.${p}.resolutionMinutes`]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button onClick={save}>{t('service_settings.save')}</Button>
      </Group>
    </Stack>
  );
}

function RuleForm({ rule, onDone }: { rule: AssignmentRule | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { members } = useWorkspace();
  const [name, setName] = useState(rule?.name ?? '');
  const [category, setCategory] = useState(rule?.category ?? '');
  const [strategy, setStrategy] = useState<string>(rule?.strategy ?? 'round_robin');
  const [memberIds, setMemberIds] = useState<string[]>(rule?.memberIds ?? []);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await unwrap(
        api.ticketRules.save({
          ...(rule ? { id: rule.id } : {}),
          name,
          category: category || null,
          strategy: strategy as AssignmentRule['strategy'],
          memberIds,
          enabled,
        }),
      );
      notifySuccess(t('tickets.saved'), name);
      onDone();
    } catch (error) {
      setErrors(issuesOf(error));
      notifyError(t('tickets.not_saved'), errorText(t, error));
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('service_settings.rule_name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
      />
      <TextInput
        label={t('service_settings.rule_category')}
        value={category}
        onChange={(e) => setCategory(e.currentTarget.value)}
      />
      <Select
        label={t('service_settings.rule_strategy')}
        data={ASSIGNMENT_STRATEGIES.map((s) => ({ value: s, label: t(`service_settings.strategy.${s}`) }))}
        value={strategy}
        onChange={(v) => v && setStrategy(v)}
        allowDeselect={false}
      />
      <MultiSelect
        label={t('service_settings.rule_members')}
        data={members.filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))}
        value={memberIds}
        onChange={setMemberIds}
        error={errors.memberIds}
        searchable
      />
      <Switch
        label={t('service_settings.rule_enabled')}
        checked={enabled}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button onClick={save}>{t('service_settings.save')}</Button>
      </Group>
    </Stack>
  );
}

function AutoReplyCard({ templates }: { templates: Template[] }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<TicketSettings | null>(null);
  useEffect(() => {
    void unwrap(api.tickets.getSettings({})).then(setSettings);
  }, []);
  const save = async (patch: Parameters<typeof api.tickets.saveSettings>[0]) => {
    try {
      setSettings(await unwrap(api.tickets.saveSettings(patch)));
      notifySuccess(t('tickets.saved'), t('service_settings.auto_reply'));
    } catch (error) {
      notifyError(t('tickets.not_saved'), errorText(t, error));
    }
  };
  if (!settings) return null;
  const choices = (locale: 'en' | 'es') =>
    templates.filter((tpl) => tpl.locale === locale).map((tpl) => ({ value: tpl.id, label: tpl.name }));
  return (
    <Section title={t('service_settings.auto_reply')}>
      <Stack gap="sm">
        <Switch
          label={t('service_settings.auto_reply')}
          checked={settings.autoReply}
          onChange={(e) => void save({ autoReply: e.currentTarget.checked })}
          data-testid="auto-reply-switch"
        />
        <Group grow>
          {(['en', 'es'] as const).map((locale) => (
            <Select
              key={locale}
              label={t(`service_settings.auto_reply_template_${locale}`)}
              placeholder={t('service_settings.builtin_text')}
              data={choices(locale)}
              value={settings.autoReplyTemplateIds[locale]}
              onChange={(v) => void save({ autoReplyTemplateIds: { [locale]: v } })}
              clearable
            />
          ))}
        </Group>
        <NumberInput
          label={t('service_settings.soon_minutes')}
          value={settings.soonMinutes}
          min={5}
          max={10_080}
          onBlur={(e) => {
            const value = Number(e.currentTarget.value.replace(/\D/g, ''));
            if (value && value !== settings.soonMinutes) void save({ soonMinutes: value });
          }}
          w={280}
        />
      </Stack>
    </Section>
  );
}

/** Business hours, SLA policies, assignment rules and the automatic reply, on one page. */
export function ServiceSettingsPage() {
  const { t } = useTranslation();
  const memberName = useWorkspace().members;
  const [hours, setHours] = useState<BusinessHours[]>([]);
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [rules, setRules] = useState<AssignmentRule[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [editing, setEditing] = useState<
    | { kind: 'hours'; item: BusinessHours | null }
    | { kind: 'policy'; item: SlaPolicy | null }
    | { kind: 'rule'; item: AssignmentRule | null }
    | null
  >(null);
  const load = useCallback(async () => {
    const [h, p, r, tpl] = await Promise.all([
      unwrap(api.businessHours.list({})),
      unwrap(api.slaPolicies.list({})),
      unwrap(api.ticketRules.list({})),
      unwrap(api.templates.list({ kind: 'email' })),
    ]);
    setHours(h.items);
    setPolicies(p.items);
    setRules(r.items);
    setTemplates(tpl.items);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('sla_policies', () => void load());
  useChanges('business_hours', () => void load());
  useChanges('ticket_assignment_rules', () => void load());
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const close = () => setEditing(null);
  const nameOf = (id: string) => memberName.find((m) => m.id === id)?.name ?? '';
  // Business hours in use are refused by the back end with a message naming the policies; hours
  // and policies go to the trash, with Undo in the toast (a policy's open tickets get the policy
  // that applies now, and keep it if the policy comes back). Assignment rules are simply deleted.
  const remove = async ({ kind, id, name }: Deleting) => {
    try {
      if (kind === 'hours') await unwrap(api.businessHours.delete({ id }));
      else if (kind === 'policy') await unwrap(api.slaPolicies.delete({ id }));
      else await unwrap(api.ticketRules.delete({ id }));
    } catch (error) {
      notifyError(t('service_settings.not_deleted'), errorText(t, error));
      return;
    }
    if (kind === 'rule') notifySuccess(t('service_settings.deleted'), name);
    else {
      const entity = kind === 'hours' ? 'business_hours' : 'sla_policies';
      notifyWithUndo({
        title: t('contacts.deleted_toast'),
        message: t('contacts.deleted_toast_body', { name }),
        undoneTitle: t('trash.restored'),
        undo: () => unwrap(api.trash.restore({ entity, ids: [id] })),
        icon: <IconTrash size={18} />,
        testId: 'delete-toast',
      });
    }
    await load();
  };

  return (
    <>
      <Anchor
        component={Link}
        to="/tickets"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('tickets.back')}
      </Anchor>
      <PageHeader title={t('service_settings.title')} subtitle={t('service_settings.subtitle')} />
      <Stack gap="md">
        <AutoReplyCard templates={templates} />
        <Section
          title={t('service_settings.hours')}
          onAdd={() => setEditing({ kind: 'hours', item: null })}
          addLabel={t('service_settings.hours_new')}
        >
          <Stack gap={4}>
            {hours.map((h) => (
              <Group key={h.id} justify="space-between">
                <Text size="sm">
                  {h.name} · {h.timezone} ·{' '}
                  {h.schedule
                    .map((w) => `${t(`service_settings.weekday.${w.day as 0}`)} ${w.start}–${w.end}`)
                    .join(', ')}
                </Text>
                <RowActions
                  name={h.name}
                  onEdit={() => setEditing({ kind: 'hours', item: h })}
                  onDelete={() => setDeleting({ kind: 'hours', id: h.id, name: h.name })}
                />
              </Group>
            ))}
          </Stack>
        </Section>
        <Section
          title={t('service_settings.policies')}
          onAdd={() => setEditing({ kind: 'policy', item: null })}
          addLabel={t('service_settings.policy_new')}
        >
          <Stack gap={4}>
            {policies.map((p) => (
              <Group key={p.id} justify="space-between">
                <Group gap={6}>
                  <Text size="sm">{p.name}</Text>
                  {p.isDefault ? <Badge size="sm">{t('service_settings.policy_default')}</Badge> : null}
                  {p.category ? (
                    <Badge size="sm" variant="outline">
                      {p.category}
                    </Badge>
                  ) : null}
                </Group>
                <RowActions
                  name={p.name}
                  onEdit={() => setEditing({ kind: 'policy', item: p })}
                  onDelete={() => setDeleting({ kind: 'policy', id: p.id, name: p.name })}
                />
              </Group>
            ))}
          </Stack>
        </Section>
        <Section
          title={t('service_settings.rules')}
          onAdd={() => setEditing({ kind: 'rule', item: null })}
          addLabel={t('service_settings.rule_new')}
        >
          <Stack gap={4}>
            {rules.map((r) => (
              <Group key={r.id} justify="space-between">
                <Text size="sm">
                  {r.name} · {r.category ?? t('service_settings.any_category')} ·{' '}
                  {t(`service_settings.strategy.${r.strategy}`)} · {r.memberIds.map(nameOf).join(', ')}
                </Text>
                <RowActions
                  name={r.name}
                  onEdit={() => setEditing({ kind: 'rule', item: r })}
                  onDelete={() => setDeleting({ kind: 'rule', id: r.id, name: r.name })}
                />
              </Group>
            ))}
          </Stack>
        </Section>
        <Text size="xs" c="dimmed">
          {t('service_settings.portal_note')}
        </Text>
      </Stack>
      <FormModal
        opened={editing !== null}
        onClose={close}
        title={
          editing?.kind === 'hours'
            ? t('service_settings.hours')
            : editing?.kind === 'policy'
              ? t('service_settings.policies')
              : t('service_settings.rules')
        }
      >
        {editing?.kind === 'hours' ? <HoursForm hours={editing.item} onDone={close} /> : null}
        {editing?.kind === 'policy' ? <PolicyForm policy={editing.item} hours={hours} onDone={close} /> : null}
        {editing?.kind === 'rule' ? <RuleForm rule={editing.item} onDone={close} /> : null}
      </FormModal>
      <ConfirmModal
        opened={deleting !== null}
        title={deleting ? t(`service_settings.delete_${deleting.kind}_title`) : ''}
        body={deleting ? t(`service_settings.delete_${deleting.kind}_body`, { name: deleting.name }) : ''}
        confirmLabel={t('service_settings.delete')}
        danger
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
