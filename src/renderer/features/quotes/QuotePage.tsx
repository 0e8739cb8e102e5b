import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconCheck, IconDownload, IconFileInvoice, IconSend, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Quote } from '../../../shared/contract/quotes';
import { documentTotals, percentToRate } from '../../../shared/domain/billing';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { useWorkspace } from '../members/workspace-store';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import type { Picked } from '../records/pickers/RemotePicker';
import { downloadPdf, useIsoDate } from '../products/billing-format';
import { CURRENCY_CHOICES } from '../products/currencies';
import { draftPriced, emptyLine, lineErrors, LinesEditor, toLineInput, type DraftLine } from './LinesEditor';
import { PriceListPicker } from './PriceListPicker';
import { StatusBadge } from './StatusBadge';
import { TotalsBox } from './TotalsBox';

interface Header {
  currency: string;
  company: Picked | null;
  issueDate: string;
  expiryDate: string;
  discountPercent: number | string;
  terms: string;
  /** The price list the quote is priced from (kept on it; a quote from a deal starts with the deal's). */
  priceListId: string | null;
}

function fromQuote(q: Quote): { header: Header; lines: DraftLine[] } {
  return {
    header: {
      currency: q.currency,
      company: q.companyId ? { id: q.companyId, name: q.companyName ?? '' } : null,
      issueDate: q.issueDate,
      expiryDate: q.expiryDate ?? '',
      discountPercent: q.discountPercent,
      terms: q.terms ?? '',
      priceListId: q.priceListId,
    },
    lines: q.lines.map((l) => ({
      key: l.id,
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxPercent: l.taxPercent,
    })),
  };
}

/** A new quote (optionally from a deal: `?dealId=`) or an existing one: its lines, totals, status and PDF. */
export function QuotePage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const isoDate = useIsoDate();
  const base = useWorkspace().settings?.baseCurrency ?? 'USD';
  const [quote, setQuote] = useState<Quote | null>(null);
  const [header, setHeader] = useState<Header>({
    currency: base,
    company: null,
    issueDate: '',
    expiryDate: '',
    discountPercent: 0,
    terms: '',
    priceListId: null,
  });
  // Terms left untouched on a new quote are not sent, so the Billing settings' default applies.
  const [termsTouched, setTermsTouched] = useState(false);
  const [lines, setLines] = useState<DraftLine[]>(() => [emptyLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [markWon, setMarkWon] = useState(true);
  const [listPrices, setListPrices] = useState<Record<string, number>>({});
  const dealId = params.get('dealId');
  // The workspace's currency may arrive after the first render (a reload on /quotes/new): a new quote
  // takes it then, unless a currency was already chosen (by hand, a price list or the deal).
  const currencyChosen = useRef(false);
  useEffect(() => {
    if (id !== 'new' || dealId || currencyChosen.current) return;
    setHeader((h) => (h.currency === base ? h : { ...h, currency: base }));
  }, [base, id, dealId]);

  /** A quote made from a deal starts as the deal: its lines, currency and company (as the service would). */
  const startFromDeal = useCallback(async (from: string) => {
    const [deal, dealLines] = await Promise.all([
      unwrap(api.deals.get({ id: from })),
      unwrap(api.lineItems.list({ dealId: from })),
    ]);
    const company = deal.companyId ? await unwrap(api.companies.get({ id: deal.companyId })) : null;
    setHeader((h) => ({
      ...h,
      currency: dealLines.currency,
      company: company ? { id: company.id, name: company.name } : null,
      priceListId: dealLines.priceListId,
    }));
    if (dealLines.items.length) {
      setLines(
        dealLines.items.map((l) => ({
          key: l.id,
          productId: l.productId,
          description: l.description,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          discountPercent: l.discountPercent,
          taxPercent: l.taxPercent,
        })),
      );
    }
  }, []);

  const load = useCallback(async () => {
    if (id === 'new') return;
    const q = await unwrap(api.quotes.get({ id }));
    setQuote(q);
    const form = fromQuote(q);
    setHeader(form.header);
    setLines(form.lines);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  // Once per page, not on every change event: the user may already be editing the lines.
  useEffect(() => {
    if (id === 'new' && dealId) void startFromDeal(dealId).catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `fail` only reports.
  }, [id, dealId, startFromDeal]);
  useChanges('quotes', (ids) => {
    if (!ids.length || ids.includes(id)) void load();
  });

  const editable = id === 'new' || quote?.status === 'draft';
  const totals = useMemo(
    () => documentTotals(lines.map(draftPriced), percentToRate(Math.min(100, Number(header.discountPercent) || 0))),
    [lines, header.discountPercent],
  );

  const fail = (error: unknown) => {
    const inline = lineErrors(error);
    setErrors(inline);
    // Problems on a line show under its field; anything else needs a toast.
    if (!Object.keys(inline).length) {
      notifyError(t('billing.not_saved'), error instanceof Error ? error.message : String(error));
    }
  };

  const save = async () => {
    setBusy(true);
    setErrors({});
    const fields = {
      currency: header.currency,
      companyId: header.company?.id ?? null,
      ...(header.issueDate ? { issueDate: header.issueDate } : {}),
      ...(header.expiryDate ? { expiryDate: header.expiryDate } : {}),
      discountPercent: Number(header.discountPercent) || 0,
      priceListId: header.priceListId,
      ...(id !== 'new' || termsTouched ? { terms: header.terms || null } : {}),
      lines: lines.map(toLineInput),
    };
    try {
      if (id === 'new') {
        const created = await unwrap(api.quotes.create({ ...(dealId ? { dealId } : {}), ...fields }));
        notifySuccess(t('billing.saved'), created.number);
        void navigate(`/quotes/${created.id}`, { replace: true });
      } else {
        setQuote(await unwrap(api.quotes.update({ id, ...fields })));
        notifySuccess(t('billing.saved'), quote?.number ?? '');
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const setStatus = async (status: 'draft' | 'sent' | 'accepted' | 'declined') => {
    if (!quote) return;
    setBusy(true);
    try {
      const result = await unwrap(
        api.quotes.setStatus({
          id: quote.id,
          status,
          ...(status === 'accepted' && quote.dealId ? { markDealWon: markWon } : {}),
        }),
      );
      setQuote(result.quote);
      notifySuccess(t(`billing.state.${result.quote.status}`), result.dealWon ? t('quotes.deal_won') : quote.number);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const pdf = async () => {
    if (!quote) return;
    try {
      downloadPdf(await unwrap(api.quotes.pdf({ id: quote.id })));
    } catch (error) {
      fail(error);
    }
  };

  const invoice = async () => {
    if (!quote) return;
    setBusy(true);
    try {
      const created = await unwrap(api.invoices.createFromQuote({ quoteId: quote.id }));
      void navigate(`/invoices/${created.id}`);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (id !== 'new' && !quote) return <LoadingState />;
  const status = quote?.status ?? 'draft';

  return (
    <>
      <PageHeader
        above={
          <Text component={Link} to="/quotes" size="sm" c="dimmed">
            ← {t('quotes.title')}
          </Text>
        }
        title={quote ? `${t('quotes.quote')} ${quote.number}` : t('quotes.new')}
        subtitle={
          quote ? (
            <Group gap="xs" component="span">
              <StatusBadge status={status} />
              {quote.dealTitle ? <span>{t('quotes.for_deal', { deal: quote.dealTitle })}</span> : null}
              <span>{t('quotes.valid_until', { date: isoDate(quote.expiryDate) })}</span>
            </Group>
          ) : dealId ? (
            t('quotes.from_deal')
          ) : undefined
        }
        actions={
          quote ? (
            <>
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={pdf}>
                {t('billing.download_pdf')}
              </Button>
              {status === 'draft' ? (
                <Button
                  variant="default"
                  leftSection={<IconSend size={16} />}
                  onClick={() => setStatus('sent')}
                  loading={busy}
                >
                  {t('quotes.mark_sent')}
                </Button>
              ) : null}
              {status === 'draft' || status === 'sent' ? (
                <>
                  <Button
                    color="teal"
                    leftSection={<IconCheck size={16} />}
                    onClick={() => setStatus('accepted')}
                    loading={busy}
                  >
                    {t('quotes.accept')}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    leftSection={<IconX size={16} />}
                    onClick={() => setStatus('declined')}
                    loading={busy}
                  >
                    {t('quotes.decline')}
                  </Button>
                </>
              ) : null}
              {status === 'accepted' && !quote.invoiceId ? (
                <Button leftSection={<IconFileInvoice size={16} />} onClick={invoice} loading={busy}>
                  {t('quotes.create_invoice')}
                </Button>
              ) : null}
              {quote.invoiceId ? (
                <Button component={Link} to={`/invoices/${quote.invoiceId}`} variant="light">
                  {t('quotes.open_invoice')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {quote?.dealId && (status === 'draft' || status === 'sent') ? (
        <Checkbox
          mb="sm"
          label={t('quotes.mark_deal_won')}
          checked={markWon}
          onChange={(e) => setMarkWon(e.currentTarget.checked)}
        />
      ) : null}
      {status === 'expired' ? (
        <Alert color="orange" mb="sm">
          {t('quotes.expired_note')}
        </Alert>
      ) : null}
      <Stack gap="md">
        <Paper withBorder radius="lg" p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CompanyPicker
              label={t('quotes.customer')}
              value={header.company}
              onChange={(company) => setHeader((h) => ({ ...h, company }))}
            />
            <Select
              label={t('billing.currency')}
              data={
                CURRENCY_CHOICES.includes(header.currency) ? CURRENCY_CHOICES : [header.currency, ...CURRENCY_CHOICES]
              }
              value={header.currency}
              onChange={(v) => {
                if (!v) return;
                currencyChosen.current = true;
                setHeader((h) => ({ ...h, currency: v }));
              }}
              disabled={!editable}
              allowDeselect={false}
            />
            <TextInput
              label={t('quotes.discount_document')}
              value={String(header.discountPercent)}
              onChange={(e) => setHeader((h) => ({ ...h, discountPercent: e.currentTarget.value }))}
              readOnly={!editable}
              rightSection="%"
            />
            {editable ? (
              <PriceListPicker
                currency={header.currency}
                lines={lines}
                value={header.priceListId}
                onPrices={setListPrices}
                onApply={(list, prices) => {
                  setListPrices(prices);
                  if (list) currencyChosen.current = true;
                  setHeader((h) => ({ ...h, priceListId: list?.id ?? null, currency: list?.currency ?? h.currency }));
                  setLines((ls) =>
                    ls.map((l) =>
                      l.productId && prices[l.productId] !== undefined ? { ...l, unitPrice: prices[l.productId]! } : l,
                    ),
                  );
                }}
              />
            ) : null}
            <TextInput
              type="date"
              label={t('quotes.issue_date')}
              value={header.issueDate}
              onChange={(e) => setHeader((h) => ({ ...h, issueDate: e.currentTarget.value }))}
              readOnly={!editable}
            />
            <TextInput
              type="date"
              label={t('quotes.expiry_date')}
              value={header.expiryDate}
              onChange={(e) => setHeader((h) => ({ ...h, expiryDate: e.currentTarget.value }))}
              readOnly={!editable}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <LinesEditor
            lines={lines}
            onChange={setLines}
            currency={header.currency}
            readOnly={!editable}
            errors={errors}
            listPrices={listPrices}
          />
          <TotalsBox totals={totals} currency={header.currency} />
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <Textarea
            label={t('quotes.terms')}
            description={id === 'new' && !termsTouched ? t('quotes.terms_default_hint') : undefined}
            value={header.terms}
            onChange={(e) => {
              const terms = e.currentTarget.value;
              setTermsTouched(true);
              setHeader((h) => ({ ...h, terms }));
            }}
            readOnly={!editable}
            autosize
            minRows={2}
          />
        </Paper>
        {editable ? (
          <Group justify="flex-end">
            <Button onClick={save} loading={busy}>
              {id === 'new' ? t('quotes.create') : t('billing.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
