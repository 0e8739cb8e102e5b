import { Badge, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Address } from '../../../shared/contract';
import { addressLines } from './address-values';
import { textOr } from './dynamic-t';
import { useRegionName } from './pickers/regions';

/** Postal addresses with their label (billing, shipping, home…), one block each. */
export function AddressList({ addresses, empty }: { addresses: Address[]; empty: string }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  if (addresses.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="address-list">
      {addresses.map((a, i) => (
        <Group key={i} gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" radius="xl" size={32} color="gray">
            <IconMapPin size={16} />
          </ThemeIcon>
          <Stack gap={0} style={{ flex: 1 }}>
            {a.label ? (
              <Badge variant="default" radius="sm" tt="none" size="sm" w="fit-content" mb={2}>
                {textOr(t, `records.address_label.${a.label}`, a.label)}
              </Badge>
            ) : null}
            {addressLines(a, regionName).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
