import { Loader, MultiSelect, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import type { Picked } from './RemotePicker';

interface Props {
  label?: string;
  description?: string;
  value: Picked[];
  onChange: (value: Picked[]) => void;
  error?: string | undefined;
  testId?: string;
}

/**
 * Pick several companies by typing part of their names or domains: like {@link CompanyPicker},
 * nothing is loaded up front and each pause while typing asks the back end for its best matches.
 * The companies already picked keep their names while the matches change.
 */
export function CompanyMultiPicker({ label, description, value, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const [options, setOptions] = useState<Picked[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    unwrap(api.companies.list({ ...(debounced ? { query: debounced } : {}), limit: 12 }))
      .then((page) => {
        if (current) setOptions(page.items.map((c) => ({ id: c.id, name: c.name })));
      })
      .catch(() => {
        if (current) setOptions([]);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [debounced]);

  const data: ComboboxItem[] = value.map((p) => ({ value: p.id, label: p.name }));
  for (const o of options) if (!value.some((p) => p.id === o.id)) data.push({ value: o.id, label: o.name });
  const names = new Map(data.map((d) => [d.value, d.label]));

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('records.pick_company')}
      data={data}
      value={value.map((p) => p.id)}
      onChange={(ids) => {
        onChange(ids.map((id) => ({ id, name: names.get(id) ?? id })));
        setQuery('');
      }}
      searchable
      searchValue={query}
      onSearchChange={setQuery}
      // The back end already matched (accent- and prefix-insensitive); picked ones show as pills.
      filter={({ options: all }) => all}
      hidePickedOptions
      nothingFoundMessage={loading ? undefined : t('records.no_company_found')}
      leftSection={<IconBuilding size={16} />}
      rightSection={loading ? <Loader size={14} /> : undefined}
      clearable
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
