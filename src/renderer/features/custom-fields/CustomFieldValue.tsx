import { Anchor, Badge, Group, Rating, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { localDate } from '../records/dates';
import { useMoney } from '../records/money';
import { isEmptyCustom } from './custom-values';

/** A stored custom value as people read it, in the UI language; null when there is none. */
export function CustomFieldValue({ field, value }: { field: CustomField; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  if (isEmptyCustom(value)) return null;
  const optionLabel = (id: unknown) => field.options.find((o) => o.id === id)?.label ?? String(id);
  switch (field.type) {
    case 'number':
      return <>{typeof value === 'number' ? format.number(value) : String(value)}</>;
    case 'currency':
      return <>{typeof value === 'number' ? money.format(value) : String(value)}</>;
    case 'date': {
      const d = typeof value === 'string' ? localDate(value) : null;
      return <>{d ? format.date(d.getTime()) : String(value)}</>;
    }
    case 'datetime':
      return <>{typeof value === 'number' ? format.dateTime(value) : String(value)}</>;
    case 'checkbox':
      return <>{value === true ? t('records.yes') : t('records.no')}</>;
    case 'select':
      return (
        <Badge variant="light" radius="sm" tt="none">
          {optionLabel(value)}
        </Badge>
      );
    case 'multiselect':
      return (
        <Group gap={4}>
          {(Array.isArray(value) ? value : []).map((id) => (
            <Badge key={String(id)} variant="light" radius="sm" tt="none">
              {optionLabel(id)}
            </Badge>
          ))}
        </Group>
      );
    case 'rating':
      return <Rating value={typeof value === 'number' ? value : 0} readOnly size="sm" />;
    case 'url':
      return (
        <Anchor href={String(value)} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
          {String(value)}
        </Anchor>
      );
    case 'email':
      return <Anchor href={`mailto:${String(value)}`}>{String(value)}</Anchor>;
    case 'phone':
      return <Anchor href={`tel:${String(value)}`}>{formatPhone(String(value))}</Anchor>;
    case 'long_text':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} component="span">
          {String(value)}
        </Text>
      );
    default:
      return <>{String(value)}</>;
  }
}

/** The same value as plain text (timeline entries, merge wizard). */
export function customValueText(
  field: CustomField,
  value: unknown,
  fmt: { number: (n: number) => string; date: (ms: number) => string; dateTime: (ms: number) => string },
  money: (n: number) => string,
  yesNo: (v: boolean) => string,
): string {
  if (isEmptyCustom(value)) return '—';
  const optionLabel = (id: unknown) => field.options.find((o) => o.id === id)?.label ?? String(id);
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? fmt.number(value) : String(value);
    case 'currency':
      return typeof value === 'number' ? money(value) : String(value);
    case 'date': {
      const d = typeof value === 'string' ? localDate(value) : null;
      return d ? fmt.date(d.getTime()) : String(value);
    }
    case 'datetime':
      return typeof value === 'number' ? fmt.dateTime(value) : String(value);
    case 'checkbox':
      return yesNo(value === true);
    case 'select':
      return optionLabel(value);
    case 'multiselect':
      return (Array.isArray(value) ? value : []).map(optionLabel).join(', ');
    case 'rating':
      return '★'.repeat(Number(value) || 0);
    case 'phone':
      return formatPhone(String(value));
    default:
      return String(value);
  }
}
