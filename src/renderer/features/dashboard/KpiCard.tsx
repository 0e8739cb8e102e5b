import { Card, Group, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string | null;
  /** Change against the previous period as a fraction (0.12 = +12 %), null when not comparable. */
  change?: number | null;
  /** A rise is bad news (lost deals, overdue work). */
  inverse?: boolean;
  locale: string;
  testId?: string;
  onClick?: () => void;
}

export function KpiCard({ label, value, change = null, inverse = false, locale, testId, onClick }: Props) {
  const { t } = useTranslation();
  const good = change !== null && (inverse ? change < 0 : change > 0);
  const pct =
    change === null
      ? null
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
          change,
        );
  return (
    <Card
      p="md"
      withBorder
      onClick={onClick}
      style={onClick ? { cursor: 'pointer' } : undefined}
      data-testid={testId ? `${testId}-card` : undefined}
    >
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
        {label}
      </Text>
      {value === null ? (
        <Skeleton h={28} w={90} mt={6} />
      ) : (
        // A long amount ("6.618.000,00 €") is set smaller, and wraps in a narrow card rather than being cut off.
        <Text
          fz={value.length > 11 ? 20 : 24}
          fw={700}
          mt={2}
          style={{ overflowWrap: 'anywhere' }}
          data-testid={testId}
        >
          {value}
        </Text>
      )}
      {pct !== null && (
        <Tooltip label={t('dash.vs_previous')}>
          <Group gap={2} c={change === 0 ? 'dimmed' : good ? 'teal' : 'red'} fz="sm" fw={500} w="fit-content">
            {change! > 0 ? <IconArrowUpRight size={16} /> : change! < 0 ? <IconArrowDownRight size={16} /> : null}
            <span>{pct}</span>
          </Group>
        </Tooltip>
      )}
    </Card>
  );
}
