import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadingState({ height = 240 }: { height?: number }) {
  const { t } = useTranslation();
  return (
    <Center h={height} role="status" aria-label={t('common.loading')}>
      <Loader size="md" type="dots" />
    </Center>
  );
}
