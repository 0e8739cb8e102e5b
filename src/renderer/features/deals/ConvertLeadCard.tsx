import { Alert, Anchor, Badge, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconArrowBigRightLines } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import { RemotePicker, type Picked } from '../records/pickers/RemotePicker';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';
import { dealErrorText } from './deal-errors';
import { DealStatusBadge } from './list/columns';
import { useDealMoney } from './money';

const CUSTOMER = new Set(['customer', 'loyal_customer', 'advocate']);

/** A contact's deals, and for a lead the one action that makes it a customer with its company and a deal. */
export function ConvertLeadCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const money = useDealMoney();
  const [open, setOpen] = useState(false);
  const deals = useLive(
    async () =>
      (
        await unwrap(
          api.deals.list({ contactId: contact.id, limit: 20, sort: { field: 'updatedAt', direction: 'desc' } }),
        )
      ).items,
    ['deals', 'deal_contacts'],
    contact.id,
  );
  const convertible = !contact.deleted && !CUSTOMER.has(contact.lifecycleStage ?? '');
  const items = deals.data ?? [];
  return (
    <SectionCard
      title={t('deals.contact_deals')}
      count={items.length}
      testId="contact-deals"
      actions={
        convertible ? (
          <Button
            size="xs"
            leftSection={<IconArrowBigRightLines size={14} />}
            onClick={() => setOpen(true)}
            data-testid="convert-lead"
          >
            {t('deals.convert')}
          </Button>
        ) : null
      }
    >
      <Stack gap="xs">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('deals.contact_no_deals')}
          </Text>
        ) : (
          items.map((d) => (
            <Group key={d.id} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/deals/${d.id}`} size="sm" fw={600} lineClamp={1}>
                {d.title}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{d.amount === null ? '' : money.format(d.amount, d.currency)}</Text>
                {d.status === 'open' ? (
                  <Badge variant="light">{d.stageName}</Badge>
                ) : (
                  <DealStatusBadge status={d.status} />
                )}
              </Group>
            </Group>
          ))
        )}
      </Stack>
      <FormModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('deals.convert_title', { name: contact.displayName })}
      >
        <ConvertForm contact={contact} onClose={() => setOpen(false)} />
      </FormModal>
    </SectionCard>
  );
}

function ConvertForm({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'current' | 'pick' | 'new'>('current');
  const [company, setCompany] = useState<Picked | null>(null);
  const [companyName, setCompanyName] = useState('');
  const [title, setTitle] = useState('');
  const [dealMode, setDealMode] = useState<'new' | 'existing'>('new');
  const [deal, setDeal] = useState<Picked | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Open deals only: linking a lead to a deal already won or lost would not make it that deal's customer.
  const searchDeals = async (query: string): Promise<Picked[]> =>
    (await unwrap(api.deals.list({ ...(query ? { query } : {}), status: 'open', limit: 12 }))).items.map((d) => ({
      id: d.id,
      name: d.title,
    }));
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (dealMode === 'existing' && !deal) return setError(t('deals.convert_pick_deal_first'));
    setSaving(true);
    setError(null);
    try {
      const out = await unwrap(
        api.contacts.convertLead({
          contactId: contact.id,
          ...(mode === 'pick' && company ? { companyId: company.id } : {}),
          ...(mode === 'new' && companyName.trim() ? { companyName: companyName.trim() } : {}),
          ...(dealMode === 'existing'
            ? deal
              ? { dealId: deal.id }
              : {}
            : title.trim()
              ? { deal: { title: title.trim() } }
              : {}),
        }),
      );
      notifySuccess(t('deals.converted'), out.deal.title);
      onClose();
      void navigate(`/deals/${out.deal.id}`);
    } catch (e) {
      setError(dealErrorText(t, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">{t('deals.convert_body')}</Text>
      <Radio.Group label={t('deals.convert_company')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
        <Stack gap={6} mt={6}>
          <Radio value="current" label={t('deals.convert_company_current')} />
          <Radio value="pick" label={t('deals.convert_company_pick')} />
          <Radio value="new" label={t('deals.convert_company_new')} data-testid="convert-company-new" />
        </Stack>
      </Radio.Group>
      {mode === 'pick' ? <CompanyPicker value={company} onChange={setCompany} /> : null}
      {mode === 'new' ? (
        <TextInput
          label={t('deals.field_company')}
          value={companyName}
          onChange={(e) => setCompanyName(e.currentTarget.value)}
          data-testid="convert-company-name"
        />
      ) : null}
      <Radio.Group label={t('deals.convert_deal')} value={dealMode} onChange={(v) => setDealMode(v as typeof dealMode)}>
        <Stack gap={6} mt={6}>
          <Radio value="new" label={t('deals.convert_deal_new')} />
          <Radio value="existing" label={t('deals.convert_deal_existing')} data-testid="convert-deal-existing" />
        </Stack>
      </Radio.Group>
      {dealMode === 'existing' ? (
        <RemotePicker
          aria-label={t('deals.convert_deal_existing')}
          placeholder={t('deals.convert_deal_search')}
          nothingFound={t('deals.convert_no_open_deal')}
          value={deal}
          onChange={setDeal}
          search={searchDeals}
          testId="convert-deal-picker"
        />
      ) : (
        <TextInput
          label={t('deals.convert_deal_title')}
          placeholder={t('deals.convert_deal_title_hint')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="convert-deal-title"
        />
      )}
      {error ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={saving} data-testid="confirm-convert">
          {t('deals.convert')}
        </Button>
      </Group>
    </Stack>
  );
}
