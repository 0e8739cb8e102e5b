import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Board or list: the same deals two ways, as two links. (A SegmentedControl measured its
 * indicator while the board page mounted, a forced layout and a second render before the
 * board's first paint.)
 */
export function DealsViewSwitch({ value }: { value: 'board' | 'list' }) {
  const { t } = useTranslation();
  return (
    <Button.Group data-testid="deals-view-switch">
      <Button
        component={Link}
        to="/deals"
        variant={value === 'board' ? 'filled' : 'default'}
        aria-current={value === 'board' ? 'page' : undefined}
      >
        {t('deals.view_board')}
      </Button>
      <Button
        component={Link}
        to="/deals/list"
        variant={value === 'list' ? 'filled' : 'default'}
        aria-current={value === 'list' ? 'page' : undefined}
      >
        {t('deals.view_list')}
      </Button>
    </Button.Group>
  );
}
