import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LoyaltyRuleDto, LoyaltyStanding, LoyaltyTierDto } from '../../../shared/contract';
import { formatMoney, minorDigits } from '../../../shared/domain/billing';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';

/** The loyalty programme: tiers, earning rules, and the most loyal and most profitable customers. */
export function LoyaltyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [currency, setCurrency] = useState('USD');
  const [tiers, setTiers] = useState<LoyaltyTierDto[]>([]);
  const [rules, setRules] = useState<LoyaltyRuleDto[]>([]);
  const [byPoints, setByPoints] = useState<LoyaltyStanding[] | null>(null);
  const [bySpend, setBySpend] = useState<LoyaltyStanding[] | null>(null);
  const load = useCallback(async () => {
    try {
      const [s, p, m] = await Promise.all([
        unwrap(api.loyalty.settings({})),
        unwrap(api.loyalty.top({ order: 'points', limit: 20 })),
        unwrap(api.loyalty.top({ order: 'spend', limit: 20 })),
      ]);
      setCurrency(s.currency);
      setTiers(s.tiers);
      setRules(s.rules);
      setByPoints(p.items);
      setBySpend(m.items);
    } catch (e) {
      notifyError(t('loy.title'), errorText(t, e));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('loyalty_tiers', () => void load());
  useChanges('loyalty_rules', () => void load());
  useChanges('loyalty_ledger', () => void load());
  const money = (n: number) => formatMoney(Math.round(n), currency, format.locale);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      void load();
    } catch (e) {
      notifyError(t('loy.title'), errorText(t, e));
    }
  };

  return (
    <Stack gap={0} maw={1400}>
      <PageHeader title={t('loy.title')} subtitle={t('loy.subtitle')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
        <Card withBorder p="md">
          <Title order={5} mb="sm">
            {t('loy.tiers')}
          </Title>
          <Stack gap="xs">
            {tiers.map((tier) => (
              <Group key={tier.id} justify="space-between">
                <Badge color={tier.color ?? 'grape'}>{tier.name}</Badge>
                <Group gap="xs">
                  <Text size="sm">
                    {t('loy.min_points')}: {format.number(tier.minPoints)}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('rep.remove')}
                    onClick={() => void act(() => unwrap(api.loyalty.deleteTier({ id: tier.id })))}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              </Group>
            ))}
            <TierForm onSave={(v) => act(() => unwrap(api.loyalty.saveTier(v)))} />
          </Stack>
        </Card>
        <Card withBorder p="md">
          <Title order={5} mb="sm">
            {t('loy.rules')}
          </Title>
          <Stack gap="xs">
            {rules.map((r) => (
              <Group key={r.id} justify="space-between">
                <Text size="sm">
                  <b>{r.name}</b> ·{' '}
                  {t('loy.rule_text', { points: format.number(r.points), amount: money(r.perAmount) })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('rep.remove')}
                  onClick={() => void act(() => unwrap(api.loyalty.deleteRule({ id: r.id })))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <RuleForm currency={currency} onSave={(v) => act(() => unwrap(api.loyalty.saveRule(v)))} />
          </Stack>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TopTable title={t('loy.top_points')} rows={byPoints} money={money} testId="loyalty-top-points" />
        <TopTable title={t('loy.top_spend')} rows={bySpend} money={money} testId="loyalty-top-spend" />
      </SimpleGrid>
    </Stack>
  );
}

function TierForm({ onSave }: { onSave: (v: { name: string; minPoints: number }) => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [min, setMin] = useState<number | string>(0);
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t('loy.tier_name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        w={160}
        data-testid="tier-name"
      />
      <NumberInput
        label={t('loy.min_points')}
        value={min}
        onChange={setMin}
        min={0}
        allowDecimal={false}
        w={130}
        data-testid="tier-min"
      />
      <Button
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => void onSave({ name, minPoints: Number(min) || 0 }).then(() => setName(''))}
        data-testid="tier-add"
      >
        {t('loy.add_tier')}
      </Button>
    </Group>
  );
}

function RuleForm({
  currency,
  onSave,
}: {
  currency: string;
  onSave: (v: { name: string; points: number; perAmount: number }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [points, setPoints] = useState<number | string>(1);
  const [per, setPer] = useState<number | string>(100);
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        label={t('loy.rule_name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        w={140}
        data-testid="rule-name"
      />
      <NumberInput
        label={t('loy.rule_points')}
        value={points}
        onChange={setPoints}
        min={1}
        allowDecimal={false}
        w={90}
        data-testid="rule-points"
      />
      <NumberInput
        label={`${t('loy.rule_per')} (${currency})`}
        value={per}
        onChange={setPer}
        min={0.01}
        w={130}
        data-testid="rule-per"
      />
      <Button
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          void onSave({
            name,
            points: Number(points),
            perAmount: Math.round(Number(per) * 10 ** minorDigits(currency)),
          }).then(() => setName(''))
        }
        data-testid="rule-add"
      >
        {t('loy.add_rule')}
      </Button>
    </Group>
  );
}

function TopTable({
  title,
  rows,
  money,
  testId,
}: {
  title: string;
  rows: LoyaltyStanding[] | null;
  money: (n: number) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder p="md">
      <Title order={5} mb="sm">
        {title}
      </Title>
      {rows && !rows.length ? (
        <Text c="dimmed">{t('loy.none')}</Text>
      ) : (
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analytics.col.customer')}</Table.Th>
              <Table.Th>{t('analytics.col.tier')}</Table.Th>
              <Table.Th ta="right">{t('loy.points')}</Table.Th>
              <Table.Th ta="right">{t('loy.spend')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((r) => (
              <Table.Tr key={r.companyId}>
                <Table.Td>
                  <Link to={`/companies/${r.companyId}`}>{r.name}</Link>
                </Table.Td>
                <Table.Td>{r.tier ? <Badge color={r.tier.color ?? 'grape'}>{r.tier.name}</Badge> : '—'}</Table.Td>
                <Table.Td ta="right">{format.number(r.balance)}</Table.Td>
                <Table.Td ta="right">{money(r.spend)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
