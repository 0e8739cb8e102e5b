import { Autocomplete, Select, TextInput, type ComboboxItem } from '@mantine/core';
import type { EditorProps } from './InlineField';
import { MemberSelect } from './pickers/MemberSelect';

/** Editors for InlineField: small, focused, Enter saves and Escape cancels. */
export const textEditor =
  (label: string, type: 'text' | 'date' | 'url' = 'text') =>
  ({ value, onChange, error, onKeyDown }: EditorProps<string>) => (
    <TextInput
      size="sm"
      type={type}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      onKeyDown={onKeyDown}
      autoFocus
    />
  );

export const selectEditor =
  (label: string, data: ComboboxItem[], clearable = true) =>
  ({ value, onChange, error, onKeyDown }: EditorProps<string | null>) => (
    <Select
      size="sm"
      aria-label={label}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      onKeyDown={onKeyDown}
      clearable={clearable}
      searchable
      autoFocus
      defaultDropdownOpened
      comboboxProps={{ withinPortal: true }}
    />
  );

export const autocompleteEditor =
  (label: string, data: string[]) =>
  ({ value, onChange, error, onKeyDown }: EditorProps<string>) => (
    <Autocomplete
      size="sm"
      aria-label={label}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      onKeyDown={onKeyDown}
      autoFocus
      comboboxProps={{ withinPortal: true }}
    />
  );

export const memberEditor =
  (label: string) =>
  ({ value, onChange, error, onKeyDown }: EditorProps<string | null>) => (
    <MemberSelect
      size="sm"
      aria-label={label}
      value={value}
      onChange={onChange}
      error={error}
      onKeyDown={onKeyDown}
      autoFocus
      defaultDropdownOpened
    />
  );
