import { Loader, Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';

export interface Picked {
  id: string;
  name: string;
}

interface Props {
  label?: string;
  placeholder?: string;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  /** Asks the back end for what matches the words typed ('' = the first few). */
  search: (query: string) => Promise<Picked[]>;
  error?: string | undefined;
  description?: string;
  leftSection?: ReactNode;
  nothingFound?: string;
  testId?: string;
  'aria-label'?: string;
  autoFocus?: boolean;
  required?: boolean;
  clearable?: boolean;
}

/**
 * A select over thousands of records: nothing is loaded up front; each pause while typing asks the
 * back end (accent- and prefix-insensitive search) and shows its best matches.
 */
export function RemotePicker({ value, onChange, search, testId, nothingFound, clearable = true, ...rest }: Props) {
  const [query, setQuery] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(query, 150);
  const [options, setOptions] = useState<Picked[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setQuery(value?.name ?? '');
  }, [value?.id, value?.name]);

  // Typing the selected name again is not a new search: show the first matches for it anyway.
  const words = value && debounced === value.name ? '' : debounced.trim();
  useEffect(() => {
    let current = true;
    setLoading(true);
    search(words)
      .then((found) => {
        if (current) setOptions(found);
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
    // `search` is recreated by callers on each render; the words are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [words]);

  const data: ComboboxItem[] = options.map((o) => ({ value: o.id, label: o.name }));
  if (value && !options.some((o) => o.id === value.id)) data.unshift({ value: value.id, label: value.name });

  return (
    <Select
      {...rest}
      data={data}
      value={value?.id ?? null}
      searchable
      searchValue={query}
      onSearchChange={setQuery}
      filter={({ options: all }) => all}
      onChange={(id, option) => onChange(id ? { id, name: option.label } : null)}
      clearable={clearable}
      nothingFoundMessage={loading ? undefined : nothingFound}
      rightSection={loading ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
