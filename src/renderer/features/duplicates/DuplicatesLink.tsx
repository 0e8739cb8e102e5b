import { Button } from '@mantine/core';
import { IconCopyCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateEntity } from './MergeWizard';

/** A link to the Duplicates screen, for the Contacts and Companies list headers. */
export function DuplicatesLink({ entity }: { entity: DuplicateEntity }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/duplicates?entity=${entity}`}
      variant="default"
      leftSection={<IconCopyCheck size={18} />}
      data-testid="open-duplicates"
    >
      {t('duplicates.title')}
    </Button>
  );
}
