import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={IconMapQuestion}
      color="gray"
      title={t('notfound.title')}
      body={t('notfound.body')}
      testId="not-found"
      action={
        <Button component={Link} to="/">
          {t('notfound.home')}
        </Button>
      }
    />
  );
}
