import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  ScrollArea,
  Stack,
  Stepper,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconGitMerge, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateGroup } from '../../../shared/contract';
import { LoadingState } from '../../components/LoadingState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { dynamicT } from '../records/dynamic-t';
import { firstProblem } from '../records/issues';
import { useLive } from '../records/use-live';
import { FIELD_LABEL_KEYS, useChangeText } from '../timeline/change-text';
import {
  COMBINE,
  COMPANY_MERGE_FIELDS,
  CONTACT_MERGE_FIELDS,
  defaultChoices,
  differingFields,
  LIST_FIELDS,
  type MergeRecord,
} from './merge-fields';

export type DuplicateEntity = 'contacts' | 'companies';

interface Props {
  entity: DuplicateEntity;
  group: DuplicateGroup | null;
  onClose: () => void;
  /** Called after a merge with its id (for Undo) and the survivor. */
  onMerged: (result: { mergeId: string; survivorId: string; survivorName: string; count: number }) => void;
}

const nameOf = (entity: DuplicateEntity, r: MergeRecord) =>
  String(entity === 'contacts' ? (r.displayName ?? r.firstName ?? '') : (r.name ?? ''));

/** Merge wizard: pick the record to keep, then each differing field's value, then confirm. */
export function MergeWizard({ entity, group, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={group !== null}
      onClose={onClose}
      size={960}
      radius="lg"
      title={
        <Group gap="xs">
          <IconGitMerge size={20} />
          <Text fw={650}>{t('duplicates.merge_title')}</Text>
        </Group>
      }
    >
      {group ? <Wizard entity={entity} group={group} onClose={onClose} onMerged={onMerged} /> : null}
    </Modal>
  );
}

function Wizard({ entity, group, onClose, onMerged }: Props & { group: DuplicateGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const records = useLive(
    async () =>
      (await Promise.all(
        group.ids.map((id): Promise<unknown> =>
          entity === 'contacts' ? unwrap(api.contacts.get({ id })) : unwrap(api.companies.get({ id })),
        ),
      )) as MergeRecord[],
    [],
    group.ids.join(','),
  );
  const [step, setStep] = useState(0);
  const [survivorId, setSurvivorId] = useState<string>(group.ids[0] ?? '');
  const [choices, setChoices] = useState<Record<string, string> | null>(null);
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { valueText } = useChangeText([]);

  const list = useMemo(() => records.data ?? [], [records.data]);
  const fields = useMemo(
    () => differingFields(entity === 'contacts' ? CONTACT_MERGE_FIELDS : COMPANY_MERGE_FIELDS, list),
    [entity, list],
  );
  const chosen = choices ?? defaultChoices(fields, list, survivorId);

  if (records.loading || list.length === 0) return <LoadingState height={200} />;
  const survivor = list.find((r) => r.id === survivorId) ?? list[0]!;
  const others = list.filter((r) => r.id !== survivor.id);
  const label = (field: string) => (FIELD_LABEL_KEYS[field] ? dynamicT(t)(FIELD_LABEL_KEYS[field]) : field);

  async function merge() {
    setMerging(true);
    setError(null);
    const picked: Record<string, string> = {};
    for (const [field, source] of Object.entries(chosen)) if (source !== COMBINE) picked[field] = source;
    try {
      const result = await unwrap(
        api.duplicates.merge({ entity, survivorId: survivor.id, mergedIds: others.map((o) => o.id), fields: picked }),
      );
      onMerged({ ...result, survivorName: nameOf(entity, survivor), count: others.length });
      onClose();
    } catch (e) {
      setError(firstProblem(t, e));
    } finally {
      setMerging(false);
    }
  }

  return (
    <Stack gap="lg" data-testid="merge-wizard">
      <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('duplicates.step_keep')} description={t('duplicates.step_keep_help')}>
          <Radio.Group
            value={survivor.id}
            onChange={(id) => {
              setSurvivorId(id);
              setChoices(null);
            }}
            name="survivor"
          >
            <Stack gap="sm" mt="md">
              {list.map((r) => (
                <UnstyledButton
                  key={r.id}
                  component="div"
                  onClick={() => {
                    if (r.id !== survivor.id) {
                      setSurvivorId(r.id);
                      setChoices(null);
                    }
                  }}
                >
                  <Paper
                    withBorder
                    p="md"
                    radius="md"
                    style={
                      r.id === survivor.id
                        ? {
                            borderColor: 'var(--mantine-primary-color-filled)',
                            background: 'var(--mantine-primary-color-light)',
                          }
                        : undefined
                    }
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Radio
                        value={r.id}
                        label={
                          <Stack gap={0}>
                            <Text fw={600} size="sm">
                              {nameOf(entity, r)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {group.records.find((c) => c.id === r.id)?.subtitle}
                            </Text>
                          </Stack>
                        }
                        data-testid={`survivor-${r.id}`}
                      />
                      <Stack gap={0} align="flex-end">
                        <Text size="xs" c="dimmed">
                          {t('duplicates.created', { date: format.date(Number(r.createdAt)) })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('duplicates.updated', { date: format.ago(Number(r.updatedAt)) })}
                        </Text>
                      </Stack>
                    </Group>
                  </Paper>
                </UnstyledButton>
              ))}
            </Stack>
          </Radio.Group>
        </Stepper.Step>
        <Stepper.Step label={t('duplicates.step_fields')} description={t('duplicates.step_fields_help')}>
          {fields.length === 0 ? (
            <Alert mt="md" icon={<IconInfoCircle size={18} />} color="gray">
              {t('duplicates.no_differences')}
            </Alert>
          ) : (
            <ScrollArea.Autosize mah={420} mt="md">
              <Table verticalSpacing="xs" withTableBorder withColumnBorders data-testid="merge-fields">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={160}>{t('duplicates.field')}</Table.Th>
                    {list.map((r) => (
                      <Table.Th key={r.id}>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={600} truncate>
                            {nameOf(entity, r)}
                          </Text>
                          {r.id === survivor.id ? (
                            <Badge size="xs" radius="sm" tt="none">
                              {t('duplicates.kept')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {fields.map((field) => (
                    <Table.Tr key={field} data-testid={`merge-field-${field}`}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {label(field)}
                        </Text>
                        {LIST_FIELDS.has(field) ? (
                          <Radio
                            mt={6}
                            size="xs"
                            name={`field-${field}`}
                            checked={chosen[field] === COMBINE}
                            onChange={() => setChoices({ ...chosen, [field]: COMBINE })}
                            label={t('duplicates.combine')}
                          />
                        ) : null}
                      </Table.Td>
                      {list.map((r) => (
                        <Table.Td key={r.id}>
                          <Radio
                            size="sm"
                            name={`field-${field}`}
                            checked={chosen[field] === r.id}
                            onChange={() => setChoices({ ...chosen, [field]: r.id })}
                            label={
                              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                                {valueText(field, r[field])}
                              </Text>
                            }
                            aria-label={`${label(field)}: ${valueText(field, r[field])} (${nameOf(entity, r)})`}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('duplicates.step_confirm')} description={t('duplicates.step_confirm_help')}>
          <Stack gap="sm" mt="md" data-testid="merge-summary">
            <Text size="sm">
              {t('duplicates.summary_keep', { name: nameOf(entity, survivor) })}{' '}
              {t('duplicates.summary_merge', {
                count: others.length,
                names: others.map((o) => nameOf(entity, o)).join(', '),
              })}
            </Text>
            <Alert icon={<IconInfoCircle size={18} />} color="indigo" variant="light">
              {entity === 'contacts' ? t('duplicates.summary_moves_contacts') : t('duplicates.summary_moves_companies')}
            </Alert>
            {error ? (
              <Alert color="red" data-testid="merge-error">
                {error}
              </Alert>
            ) : null}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" onClick={step === 0 ? onClose : () => setStep(step - 1)} disabled={merging}>
          {step === 0 ? t('common.cancel') : t('duplicates.back')}
        </Button>
        {step < 2 ? (
          <Button onClick={() => setStep(step + 1)} data-testid="merge-next">
            {t('duplicates.next')}
          </Button>
        ) : (
          <Button
            color="indigo"
            leftSection={<IconGitMerge size={16} />}
            loading={merging}
            onClick={() => void merge()}
            data-testid="merge-confirm"
          >
            {t('duplicates.merge_now', { count: list.length })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
