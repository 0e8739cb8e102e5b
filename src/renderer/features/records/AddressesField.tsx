import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconMapPin, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './issues';
import { emptyAddress, type AddressRow } from './address-values';
import { textOr } from './dynamic-t';
import { useCountries } from './pickers/regions';

interface Props {
  rows: AddressRow[];
  labels: readonly string[];
  errors: FieldErrors;
  onChange: (rows: AddressRow[], changedKey: string) => void;
}

/** Postal addresses, each with its label (billing, shipping, home…) and its parts. */
export function AddressesField({ rows, labels, errors, onChange }: Props) {
  const { t } = useTranslation();
  const countries = useCountries();
  const update = (index: number, patch: Partial<AddressRow>, part: keyof AddressRow) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
      `addresses.${index}.${part}`,
    );
  const labelOptions = (current: string) => {
    const values = current && !labels.includes(current) ? [...labels, current] : labels;
    return [
      { value: '', label: t('label.none') },
      ...values.map((v) => ({ value: v, label: textOr(t, `records.address_label.${v}`, v) })),
    ];
  };
  const err = (i: number, part: keyof AddressRow) => errors[`addresses.${i}.${part}`];

  return (
    <Stack gap="sm">
      {errors.addresses ? (
        <Text size="xs" c="red">
          {errors.addresses}
        </Text>
      ) : null}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <Paper key={index} withBorder p="md" radius="md" data-testid={`address-${index}`}>
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <IconMapPin size={16} color="var(--mantine-color-dimmed)" />
                <NativeSelect
                  size="xs"
                  w={150}
                  value={row.label}
                  onChange={(e) => update(index, { label: e.currentTarget.value }, 'label')}
                  data={labelOptions(row.label)}
                  aria-label={t('records.address_label_n', { n })}
                />
              </Group>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() =>
                  onChange(
                    rows.filter((_, i) => i !== index),
                    'addresses',
                  )
                }
                aria-label={t('records.remove_address_n', { n })}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
            <Stack gap="sm">
              <TextInput
                label={t('records.address_street')}
                value={row.street}
                onChange={(e) => update(index, { street: e.currentTarget.value }, 'street')}
                error={err(index, 'street')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('records.address_city')}
                  value={row.city}
                  onChange={(e) => update(index, { city: e.currentTarget.value }, 'city')}
                  error={err(index, 'city')}
                />
                <TextInput
                  label={t('records.address_region')}
                  value={row.region}
                  onChange={(e) => update(index, { region: e.currentTarget.value }, 'region')}
                  error={err(index, 'region')}
                />
                <TextInput
                  label={t('records.address_postal_code')}
                  value={row.postalCode}
                  onChange={(e) => update(index, { postalCode: e.currentTarget.value }, 'postalCode')}
                  error={err(index, 'postalCode')}
                />
                <Select
                  label={t('records.address_country')}
                  data={countries}
                  value={row.country || null}
                  onChange={(v) => update(index, { country: v ?? '' }, 'country')}
                  error={err(index, 'country')}
                  searchable
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rows, emptyAddress(labels[rows.length % labels.length] ?? '')], 'addresses')}
        data-testid="add-address"
      >
        {t('records.add_address')}
      </Button>
    </Stack>
  );
}
