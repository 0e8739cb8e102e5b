import { NumberInput, type NumberInputProps } from '@mantine/core';
import { minorDigits, minorToDecimal, parseAmount } from '../../../shared/domain/billing';
import { currencySymbol } from '../records/money';
import { useFormat } from '../../lib/format';

interface Props extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Minor units (cents); null when empty. */
  value: number | null;
  onChange: (minor: number | null) => void;
  currency: string;
}

/** An amount typed in major units ("19,99") and kept in minor units (1999), without float drift. */
export function MoneyInput({ value, onChange, currency, ...props }: Props) {
  const { locale } = useFormat();
  const digits = minorDigits(currency);
  const es = locale.startsWith('es');
  return (
    <NumberInput
      {...props}
      value={value === null ? '' : minorToDecimal(value, digits)}
      onChange={(v) => onChange(v === '' ? null : parseAmount(String(v), digits))}
      decimalScale={digits}
      fixedDecimalScale={false}
      allowNegative={false}
      decimalSeparator={es ? ',' : '.'}
      leftSection={<span style={{ fontSize: 12 }}>{currencySymbol(locale, currency)}</span>}
    />
  );
}
