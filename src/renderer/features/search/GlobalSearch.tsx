import { Combobox, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hitRoute } from './hit-route';
import { SearchHitOption } from './SearchHitOption';
import { useSearch } from './use-search';

/**
 * The top bar's search over every record. Results show while typing; arrows move, Enter opens
 * the highlighted result (the first one unless the user moved), Escape closes. "/" focuses it
 * from anywhere (Ctrl/Cmd+K opens the command palette).
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const { query, hits, loading } = useSearch(text);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useHotkeys([['/', () => inputRef.current?.focus()]]);

  // New results: highlight the first so Enter opens it.
  useEffect(() => {
    if (hits.length) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store object is recreated each render
  }, [hits]);

  const open = (value: string) => {
    const hit = hits.find((h) => `${h.type}:${h.id}` === value);
    if (!hit) return;
    setText('');
    combobox.closeDropdown();
    inputRef.current?.blur();
    void navigate(hitRoute(hit));
  };

  const showDropdown = text.trim() !== '' && query !== '';

  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal position="bottom-start" shadow="lg" radius="md">
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          leftSection={<IconSearch size={16} />}
          rightSection={loading ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
          rightSectionPointerEvents="none"
          radius="xl"
          variant="filled"
          data-testid="global-search"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!showDropdown} aria-label={t('search.results')}>
        <Combobox.Options data-testid="search-results">
          {hits.length === 0 ? (
            <Combobox.Empty>
              <Text size="sm" c="dimmed" py="xs">
                {t('search.no_results', { query })}
              </Text>
            </Combobox.Empty>
          ) : (
            hits.map((hit) => (
              <SearchHitOption key={`${hit.type}:${hit.id}`} hit={hit} value={`${hit.type}:${hit.id}`} />
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
