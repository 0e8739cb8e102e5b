import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Board or list: the same deals two ways. */
export function DealsViewSwitch({ value }: { value: 'board' | 'list' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SegmentedControl
      value={value}
      onChange={(v) => void navigate(v === 'list' ? '/deals/list' : '/deals')}
      data={[
        { value: 'board', label: t('deals.view_board') },
        { value: 'list', label: t('deals.view_list') },
      ]}
      data-testid="deals-view-switch"
    />
  );
}
