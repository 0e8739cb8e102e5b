import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, Pipeline } from '../../../shared/contract';
import { ISO_4217, minorDigits, toMajor, toMinor } from '../../../shared/domain/currencies';
import { FormModal } from '../../components/FormModal';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { useWorkspace } from '../members/workspace-store';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { MemberSelect } from '../records/pickers/MemberSelect';
import type { Picked } from '../records/pickers/RemotePicker';
import { dealErrorText } from './deal-errors';
import { issueText } from '../records/issues';

interface Props {
  opened: boolean;
  onClose: () => void;
  pipelines: Pipeline[];
  /** A new deal starts here (the quick add of a board column); absent: the first open stage. */
  pipelineId?: string | null;
  stageId?: string | null;
  /** Editing this deal instead of creating one. */
  deal?: Deal | null;
  companyName?: string | null;
  onSaved?: (deal: Deal) => void;
}

const CURRENCIES = [...ISO_4217];

/** Create (quick add) or edit a deal: title, amount and currency, stage, close date, company, owner, probability override, source, next step. */
export function DealFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.deal ? t('deals.edit_title') : t('deals.new_title')}
    >
      <DealForm {...props} />
    </FormModal>
  );
}

function DealForm({ onClose, pipelines, pipelineId, stageId, deal, companyName, onSaved }: Props) {
  const { t } = useTranslation();
  const { settings, current } = useWorkspace();
  const base = settings?.baseCurrency ?? 'USD';
  const [title, setTitle] = useState(deal?.title ?? '');
  const [currency, setCurrency] = useState<string>(deal?.currency ?? base);
  const [amount, setAmount] = useState<number | string>(
    deal?.amount != null ? toMajor(deal.amount, deal.currency ?? base) : '',
  );
  const initialPipeline = deal?.pipelineId ?? pipelineId ?? pipelines[0]?.id ?? null;
  const [pipeline, setPipeline] = useState<string | null>(initialPipeline);
  const [stage, setStage] = useState<string | null>(
    deal?.stageId ??
      stageId ??
      pipelines.find((p) => p.id === initialPipeline)?.stages.find((s) => s.kind === 'open')?.id ??
      null,
  );
  const [expectedClose, setExpectedClose] = useState(deal?.expectedClose ?? '');
  const [company, setCompany] = useState<Picked | null>(
    deal?.companyId ? { id: deal.companyId, name: companyName ?? '' } : null,
  );
  const [ownerId, setOwnerId] = useState<string | null>(deal ? deal.ownerId : (current?.id ?? null));
  // Empty means the stage's default probability applies (null on the deal).
  const [probability, setProbability] = useState<number | string>(deal?.probability ?? '');
  const [source, setSource] = useState(deal?.source ?? '');
  const [nextStep, setNextStep] = useState(deal?.nextStep ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const stages = pipelines.find((p) => p.id === pipeline)?.stages.filter((s) => !s.archived) ?? [];
  const stageDefault = stages.find((s) => s.id === stage)?.probability;

  const submit = async () => {
    setSaving(true);
    setErrors({});
    setGeneral(null);
    const numeric = typeof amount === 'number' ? amount : amount === '' ? null : Number(amount);
    const fields = {
      title,
      amount: numeric === null || Number.isNaN(numeric) ? null : toMinor(numeric, currency),
      currency,
      expectedClose: expectedClose || null,
      companyId: company?.id ?? null,
      ownerId,
      probability: probability === '' ? null : Number(probability),
      source: source.trim() || null,
      nextStep: nextStep.trim() || null,
    };
    try {
      const saved = deal
        ? await unwrap(
            api.deals.update({
              id: deal.id,
              ...fields,
              ...(stage && stage !== deal.stageId
                ? { stageId: stage, ...(pipeline ? { pipelineId: pipeline } : {}) }
                : {}),
            }),
          )
        : await unwrap(
            api.deals.create({
              ...fields,
              ...(pipeline ? { pipelineId: pipeline } : {}),
              ...(stage ? { stageId: stage } : {}),
            }),
          );
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (isApiError(e) && e.issues.length) {
        const byField: Record<string, string> = {};
        for (const issue of e.issues) byField[String(issue.path[0] ?? '')] ??= issueText(t, issue);
        setErrors(byField);
        const shown = new Set([
          'title',
          'amount',
          'currency',
          'expectedClose',
          'stageId',
          'pipelineId',
          'companyId',
          'probability',
          'source',
          'nextStep',
        ]);
        const rest = e.issues.filter((i) => !shown.has(String(i.path[0] ?? '')));
        if (rest.length) setGeneral(rest.map((i) => issueText(t, i)).join(' '));
      } else setGeneral(dealErrorText(t, e));
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
        <TextInput
          label={t('deals.field_title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          data-autofocus
          error={errors.title}
          data-testid="deal-title-input"
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('deals.field_amount')}
            value={amount}
            onChange={setAmount}
            min={0}
            decimalScale={minorDigits(currency)}
            thousandSeparator
            error={errors.amount}
            data-testid="deal-amount-input"
          />
          <Select
            label={t('deals.field_currency')}
            data={CURRENCIES}
            value={currency}
            onChange={(v) => v && setCurrency(v)}
            searchable
            allowDeselect={false}
            error={errors.currency}
            comboboxProps={{ withinPortal: true }}
            data-testid="deal-currency-input"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Select
            label={t('deals.field_pipeline')}
            data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
            value={pipeline}
            onChange={(v) => {
              setPipeline(v);
              setStage(
                pipelines.find((p) => p.id === v)?.stages.find((s) => s.kind === 'open' && !s.archived)?.id ?? null,
              );
            }}
            allowDeselect={false}
            error={errors.pipelineId}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('deals.field_stage')}
            data={stages.map((s) => ({ value: s.id, label: s.name }))}
            value={stage}
            onChange={setStage}
            allowDeselect={false}
            error={errors.stageId}
            comboboxProps={{ withinPortal: true }}
            data-testid="deal-stage-input"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('deals.field_expected_close')}
            value={expectedClose}
            onChange={(e) => setExpectedClose(e.currentTarget.value)}
            error={errors.expectedClose}
          />
          <MemberSelect label={t('deals.field_owner')} value={ownerId} onChange={setOwnerId} />
        </SimpleGrid>
        <CompanyPicker
          label={t('deals.field_company')}
          value={company}
          onChange={setCompany}
          error={errors.companyId}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('deals.field_probability')}
            description={t('deals.probability_empty_hint')}
            placeholder={stageDefault !== undefined ? `${stageDefault}` : undefined}
            value={probability}
            onChange={setProbability}
            min={0}
            max={100}
            allowDecimal={false}
            suffix="%"
            error={errors.probability}
            data-testid="deal-probability-input"
          />
          <TextInput
            label={t('deals.field_source')}
            description={t('deals.source_hint')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            maxLength={100}
            error={errors.source}
            data-testid="deal-source-input"
          />
        </SimpleGrid>
        <TextInput
          label={t('deals.field_next_step')}
          value={nextStep}
          onChange={(e) => setNextStep(e.currentTarget.value)}
          maxLength={500}
          error={errors.nextStep}
          data-testid="deal-next-step-input"
        />
        {general ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />}>
            {general}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="save-deal">
            {deal ? t('deals.save') : t('deals.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
