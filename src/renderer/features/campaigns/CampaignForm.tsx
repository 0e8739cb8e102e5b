import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_TYPES, type Campaign } from '../../../shared/contract/campaigns';
import type { Template } from '../../../shared/contract/templates';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useWorkspace } from '../members/workspace-store';
import { CURRENCY_CHOICES } from '../products/currencies';
import { MoneyInput } from '../products/MoneyInput';

function issuesOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

/** Create or edit a campaign: what, when, how much, and for email the template it sends. */
export function CampaignForm({ campaign, onDone }: { campaign: Campaign | null; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const base = useWorkspace().settings?.baseCurrency ?? 'USD';
  const [name, setName] = useState(campaign?.name ?? '');
  const [type, setType] = useState<string>(campaign?.type ?? 'email');
  const [startDate, setStartDate] = useState(campaign?.startDate ?? '');
  const [endDate, setEndDate] = useState(campaign?.endDate ?? '');
  const [currency, setCurrency] = useState(campaign?.currency ?? base);
  const [budget, setBudget] = useState<number | null>(campaign?.budget ?? null);
  const [actualCost, setActualCost] = useState<number | null>(campaign?.actualCost ?? null);
  const [templateId, setTemplateId] = useState<string | null>(campaign?.templateId ?? null);
  const [rateLimit, setRateLimit] = useState<number | string>(campaign?.rateLimit ?? 60);
  const [description, setDescription] = useState(campaign?.description ?? '');
  const [templates, setTemplates] = useState<Template[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void unwrap(api.templates.list({ kind: 'email' })).then((r) => setTemplates(r.items));
  }, []);

  const save = async () => {
    setSaving(true);
    const values = {
      name,
      type: type as Campaign['type'],
      startDate: startDate || null,
      endDate: endDate || null,
      currency,
      budget,
      actualCost,
      description: description || null,
      rateLimit: Number(rateLimit) || 60,
      ...(campaign?.sendStartedAt ? {} : { templateId }),
    };
    try {
      const saved = campaign
        ? await unwrap(api.campaigns.update({ id: campaign.id, ...values }))
        : await unwrap(api.campaigns.create(values));
      notifySuccess(t('campaigns.saved'), name);
      onDone(saved.id);
    } catch (error) {
      setErrors(issuesOf(error));
      notifyError(t('campaigns.not_saved'), errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t('campaigns.field.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
        data-testid="campaign-name"
      />
      <Group grow>
        <Select
          label={t('campaigns.field.type')}
          data={CAMPAIGN_TYPES.map((v) => ({ value: v, label: t(`campaigns.type.${v}`) }))}
          value={type}
          onChange={(v) => v && setType(v)}
          allowDeselect={false}
          data-testid="campaign-type"
        />
        <TextInput
          type="date"
          label={t('campaigns.field.start')}
          value={startDate}
          onChange={(e) => setStartDate(e.currentTarget.value)}
          error={errors.startDate}
        />
        <TextInput
          type="date"
          label={t('campaigns.field.end')}
          value={endDate}
          onChange={(e) => setEndDate(e.currentTarget.value)}
          error={errors.endDate}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('campaigns.field.currency')}
          data={CURRENCY_CHOICES.includes(currency) ? CURRENCY_CHOICES : [currency, ...CURRENCY_CHOICES]}
          value={currency}
          onChange={(v) => v && setCurrency(v)}
          searchable
          allowDeselect={false}
        />
        <MoneyInput
          label={t('campaigns.field.budget')}
          currency={currency}
          value={budget}
          onChange={setBudget}
          error={errors.budget}
        />
        <MoneyInput
          label={t('campaigns.field.cost')}
          currency={currency}
          value={actualCost}
          onChange={setActualCost}
          error={errors.actualCost}
          data-testid="campaign-cost"
        />
      </Group>
      {type === 'email' ? (
        <Group grow>
          <Select
            label={t('campaigns.field.template')}
            data={templates.map((tpl) => ({ value: tpl.id, label: `${tpl.name} (${tpl.locale.toUpperCase()})` }))}
            value={templateId}
            onChange={setTemplateId}
            clearable
            disabled={!!campaign?.sendStartedAt}
            error={errors.templateId}
            data-testid="campaign-template"
          />
          <NumberInput
            label={t('campaigns.field.rate')}
            value={rateLimit}
            onChange={setRateLimit}
            min={1}
            max={10_000}
            error={errors.rateLimit}
          />
        </Group>
      ) : null}
      <Textarea
        label={t('campaigns.field.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group justify="flex-end">
        <Button onClick={save} loading={saving} data-testid="campaign-save">
          {campaign ? t('campaigns.save') : t('campaigns.create')}
        </Button>
      </Group>
    </Stack>
  );
}
