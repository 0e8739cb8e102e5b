import { SimpleGrid, TextInput } from '@mantine/core';
import { IconBrandFacebook, IconBrandInstagram, IconBrandLinkedin, IconBrandX, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SOCIAL_NETWORKS, type SocialNetwork, type SocialValues } from './address-values';
import type { FieldErrors } from './issues';

export const SOCIAL_ICONS: Record<SocialNetwork, Icon> = {
  linkedin: IconBrandLinkedin,
  x: IconBrandX,
  facebook: IconBrandFacebook,
  instagram: IconBrandInstagram,
};

const PLACEHOLDERS: Record<SocialNetwork, string> = {
  linkedin: 'https://www.linkedin.com/in/…',
  x: 'https://x.com/…',
  facebook: 'https://www.facebook.com/…',
  instagram: 'https://www.instagram.com/…',
};

/** Profile links on LinkedIn, X, Facebook and Instagram. */
export function SocialFields({
  values,
  errors,
  onChange,
}: {
  values: SocialValues;
  errors: FieldErrors;
  onChange: (values: SocialValues, changedKey: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {SOCIAL_NETWORKS.map((network) => {
        const Icon = SOCIAL_ICONS[network];
        return (
          <TextInput
            key={network}
            type="url"
            label={t(`records.social.${network}`)}
            placeholder={PLACEHOLDERS[network]}
            leftSection={<Icon size={16} />}
            value={values[network]}
            onChange={(e) => onChange({ ...values, [network]: e.currentTarget.value }, `social.${network}`)}
            error={errors[`social.${network}`]}
          />
        );
      })}
    </SimpleGrid>
  );
}
