import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Address } from '../../../shared/contract';
import type { SocialNetwork } from './address-values';
import { AddressList } from './AddressList';
import { SectionCard } from './SectionCard';
import { SocialLinks } from './SocialLinks';

/** Postal addresses and social profiles, in one card: they are read far less than the rest. */
export function MoreDetailsCard({
  addresses,
  social,
}: {
  addresses: Address[];
  social: Partial<Record<SocialNetwork, string | undefined>>;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('records.section_more')} testId="more-details">
      <Stack gap="sm">
        <Text size="xs" c="dimmed" fw={600}>
          {t('records.section_addresses')}
        </Text>
        <AddressList addresses={addresses} empty={t('records.no_addresses')} />
        <Divider my={4} />
        <Text size="xs" c="dimmed" fw={600}>
          {t('records.section_social')}
        </Text>
        <SocialLinks social={social} />
      </Stack>
    </SectionCard>
  );
}
