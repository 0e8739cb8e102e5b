import { Avatar, Group, Select, Text, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../members/workspace-store';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Offer inactive members too (they may still own old records). */
  withInactive?: boolean;
};

/** The owner picker: the workspace's members, "(you)" next to the current one. */
export function MemberSelect({ value, onChange, withInactive, ...rest }: Props) {
  const { t } = useTranslation();
  const { members, current } = useWorkspace();
  const data: ComboboxItem[] = members
    .filter((m) => m.active || withInactive || m.id === value)
    .map((m) => ({ value: m.id, label: m.id === current?.id ? t('members.you_suffix', { name: m.name }) : m.name }));
  return (
    <Select
      placeholder={t('records.no_owner')}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <Avatar name={option.label} color="initials" size={22} radius="xl" />
          <Text size="sm">{option.label}</Text>
        </Group>
      )}
    />
  );
}
