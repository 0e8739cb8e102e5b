import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOCIAL_NETWORKS, type SocialNetwork } from './address-values';
import { SOCIAL_ICONS } from './SocialFields';

/** Profile links as icon buttons that open the profile in the browser. */
export function SocialLinks({ social }: { social: Partial<Record<SocialNetwork, string | undefined>> }) {
  const { t } = useTranslation();
  const present = SOCIAL_NETWORKS.filter((n) => social[n]);
  if (present.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('records.no_social')}
      </Text>
    );
  }
  return (
    <Group gap="xs" data-testid="social-links">
      {present.map((network) => {
        const Icon = SOCIAL_ICONS[network];
        return (
          <Tooltip key={network} label={social[network]} withArrow>
            <ActionIcon
              component="a"
              href={social[network]}
              target="_blank"
              rel="noreferrer"
              variant="light"
              size={34}
              radius="xl"
              aria-label={t(`records.social.${network}`)}
            >
              <Icon size={18} />
            </ActionIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}
