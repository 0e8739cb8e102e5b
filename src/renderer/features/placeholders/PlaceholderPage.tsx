import { Badge, Button, Card, Stack } from '@mantine/core';
import {
  IconAddressBook,
  IconBuilding,
  IconCalendarEvent,
  IconChartBar,
  IconTargetArrow,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export type PlaceholderSection = 'companies' | 'deals' | 'activities' | 'reports';

const ICONS: Record<PlaceholderSection, Icon> = {
  companies: IconBuilding,
  deals: IconTargetArrow,
  activities: IconCalendarEvent,
  reports: IconChartBar,
};

/** A section that a later issue fills: says what it will hold, and points to what works today. */
export function PlaceholderPage({ section }: { section: PlaceholderSection }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader
        title={t(`nav.${section}`)}
        subtitle={t(`placeholder.${section}`)}
        actions={
          <Badge variant="light" color="grape" size="lg" radius="sm" tt="none">
            {t('placeholder.badge')}
          </Badge>
        }
      />
      <Card p="xl" data-testid={`placeholder-${section}`}>
        <EmptyState
          icon={ICONS[section]}
          title={t('placeholder.badge')}
          body={t('placeholder.body')}
          action={
            <Button component={Link} to="/contacts" variant="light" leftSection={<IconAddressBook size={18} />}>
              {t('placeholder.go_contacts')}
            </Button>
          }
        />
      </Card>
    </Stack>
  );
}
