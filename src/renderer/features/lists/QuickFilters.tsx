import { Select, SegmentedControl } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/contract';
import type { QuickFilter } from './types';

interface Props {
  value: QuickFilter;
  tags: Tag[];
  onChange: (quick: QuickFilter) => void;
}

/** All / Mine / Recently viewed, and records with one tag. */
export function QuickFilters({ value, tags, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <SegmentedControl
        size="sm"
        radius="md"
        style={{ flex: 'none' }}
        value={value.kind === 'tag' ? '' : value.kind}
        onChange={(kind) => onChange({ kind: kind as 'all' | 'mine' | 'recent' })}
        data={[
          { value: 'all', label: t('lists.quick_all') },
          { value: 'mine', label: t('lists.quick_mine') },
          { value: 'recent', label: t('lists.quick_recent') },
        ]}
        aria-label={t('lists.quick_filters')}
        data-testid="quick-filters"
      />
      <Select
        w={160}
        style={{ flex: 'none' }}
        data={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
        value={value.kind === 'tag' ? value.tagId : null}
        onChange={(tagId) => onChange(tagId ? { kind: 'tag', tagId } : { kind: 'all' })}
        placeholder={t('lists.quick_tag')}
        aria-label={t('lists.quick_tag')}
        leftSection={<IconTag size={15} />}
        searchable
        clearable
        nothingFoundMessage={t('lists.no_tags')}
        variant={value.kind === 'tag' ? 'filled' : 'default'}
        data-testid="quick-tag"
      />
    </>
  );
}
