import { Badge, Combobox, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconBook,
  IconBuilding,
  IconCalendarEvent,
  IconLifebuoy,
  IconNote,
  IconSpeakerphone,
  IconTargetArrow,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchType } from '../../../shared/contract';
import { hitTitle } from './hit-title';
import classes from './SearchHitOption.module.css';

const ICONS: Record<SearchType, Icon> = {
  contact: IconUser,
  company: IconBuilding,
  deal: IconTargetArrow,
  activity: IconCalendarEvent,
  note: IconNote,
  ticket: IconLifebuoy,
  kb_article: IconBook,
  campaign: IconSpeakerphone,
};

/** One result: what kind of record, its title and a line of context. */
export function SearchHitOption({ hit, value }: { hit: SearchHit; value: string }) {
  const { t } = useTranslation();
  const Icon = ICONS[hit.type];
  return (
    <Combobox.Option value={value} className={classes.option} data-testid="search-result" data-hit-type={hit.type}>
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" radius="xl" size={32}>
          <Icon size={16} />
        </ThemeIcon>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {hitTitle(hit, t)}
          </Text>
          {hit.subtitle ? (
            <Text size="xs" c="dimmed" truncate>
              {hit.subtitle}
            </Text>
          ) : null}
        </Stack>
        <Badge variant="default" radius="sm" tt="none" size="sm">
          {t(`entity.${hit.type}`)}
        </Badge>
      </Group>
    </Combobox.Option>
  );
}
