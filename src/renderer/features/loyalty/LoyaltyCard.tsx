import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntryDto, LoyaltyStanding } from '../../../shared/contract';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';

/** A customer's points on their page: balance, tier, the ledger, and manual adjustments or rewards. */
export function LoyaltyCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [standing, setStanding] = useState<LoyaltyStanding | null>(null);
  const [ledger, setLedger] = useState<LedgerEntryDto[]>([]);
  const [open, setOpen] = useState<'adjust' | 'redeem' | null>(null);
  const load = useCallback(async () => {
    try {
      const r = await unwrap(api.loyalty.customer({ companyId, limit: 20 }));
      setStanding(r.standing);
      setLedger(r.ledger);
    } catch {
      // the card stays empty
    }
  }, [companyId]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('loyalty_ledger', () => void load());
  useChanges('deals', () => void load(), 500);
  const n = (v: number) => format.number(v);
  return (
    <Card withBorder p="md" data-testid="loyalty-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('loy.card_title')}</Title>
        {standing?.tier ? (
          <Badge color={standing.tier.color ?? 'grape'} data-testid="loyalty-tier">
            {standing.tier.name}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('loy.no_tier')}
          </Text>
        )}
      </Group>
      <Group gap="xl" mb="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('loy.balance')}
          </Text>
          <Text fw={700} fz="xl" data-testid="loyalty-balance">
            {n(standing?.balance ?? 0)}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('loy.earned')}
          </Text>
          <Text>{n(standing?.earned ?? 0)}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('loy.redeemed')}
          </Text>
          <Text>{n(standing?.redeemed ?? 0)}</Text>
        </Stack>
      </Group>
      <Group gap="xs" mb="sm">
        <Button size="xs" variant="light" onClick={() => setOpen('adjust')} data-testid="loyalty-adjust">
          {t('loy.adjust')}
        </Button>
        <Button size="xs" variant="light" color="grape" onClick={() => setOpen('redeem')} data-testid="loyalty-redeem">
          {t('loy.redeem')}
        </Button>
      </Group>
      {ledger.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('loy.empty_ledger')}
        </Text>
      ) : (
        <Table fz="sm" data-testid="loyalty-ledger">
          <Table.Tbody>
            {ledger.map((e, i) => (
              <Table.Tr key={e.id ?? `${e.dealId}-${i}`}>
                <Table.Td>{format.date(e.at)}</Table.Td>
                <Table.Td>
                  {t(`loy.kind.${e.kind}`)} · {e.reason}
                </Table.Td>
                <Table.Td ta="right" c={e.points < 0 ? 'red' : undefined}>
                  {new Intl.NumberFormat(format.locale, { signDisplay: 'exceptZero' }).format(e.points)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EntryModal
        kind={open}
        companyId={companyId}
        onClose={() => setOpen(null)}
        onDone={() => (setOpen(null), void load())}
      />
    </Card>
  );
}

function EntryModal(props: {
  kind: 'adjust' | 'redeem' | null;
  companyId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'adjust' | 'redeem'>('adjust');
  const [points, setPoints] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (props.kind) {
      setKind(props.kind);
      setPoints('');
      setReason('');
      setErrors({});
    }
  }, [props.kind]);
  const save = async () => {
    try {
      await unwrap(api.loyalty.addEntry({ companyId: props.companyId, kind, points: Number(points), reason }));
      notifySuccess(t('loy.card_title'), t('loy.saved'));
      props.onDone();
    } catch (e) {
      const issues = (e as { issues?: { path: (string | number)[]; message: string }[] }).issues ?? [];
      setErrors(
        issues.length
          ? Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]))
          : { reason: errorText(t, e) },
      );
    }
  };
  return (
    <Modal
      opened={props.kind !== null}
      onClose={props.onClose}
      title={t(kind === 'adjust' ? 'loy.adjust' : 'loy.redeem')}
    >
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'adjust' | 'redeem')}
          data={[
            { value: 'adjust', label: t('loy.kind.adjust') },
            { value: 'redeem', label: t('loy.kind.redeem') },
          ]}
        />
        <NumberInput
          label={t('loy.points')}
          value={points}
          onChange={setPoints}
          allowDecimal={false}
          error={errors.points}
          data-testid="loyalty-points"
        />
        <TextInput
          label={t('loy.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          data-testid="loyalty-reason"
        />
        <Group justify="flex-end">
          <Button onClick={() => void save()} data-testid="loyalty-save">
            {t('loy.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
