import {
  ActionIcon,
  Button,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconPlus, IconSearch, IconTag } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../shared/contract';
import { foldText } from '../../../../shared/domain/text';
import classes from './BulkBar.module.css';

interface Props {
  tags: Tag[];
  /** Offer "Create tag “…”" when nothing matches exactly. */
  creatable: boolean;
  label: string;
  icon: ReactNode;
  disabled?: boolean;
  /** Show only the icon (the label becomes its name and tooltip). */
  iconOnly?: boolean;
  onPick: (tag: Tag | { name: string }) => void;
  testId: string;
}

/** A button that opens a searchable list of tags; with `creatable`, typing a new name creates it. */
export function TagPicker({ tags, creatable, label, icon, disabled, iconOnly, onPick, testId }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const folded = foldText(search.trim());
  const matches = useMemo(
    () => (folded ? tags.filter((tag) => foldText(tag.name).includes(folded)) : tags),
    [tags, folded],
  );
  const exact = tags.find((tag) => foldText(tag.name) === folded);
  const canCreate = creatable && search.trim() !== '' && !exact;

  const pick = (tag: Tag | { name: string }) => {
    setOpened(false);
    setSearch('');
    onPick(tag);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="top" shadow="lg" width={260} trapFocus>
      <Popover.Target>
        {iconOnly ? (
          <Tooltip label={label} openDelay={300}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={label}
              disabled={disabled}
              onClick={() => setOpened((o) => !o)}
              className={classes.action}
              data-testid={testId}
            >
              {icon}
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={icon}
            disabled={disabled}
            onClick={() => setOpened((o) => !o)}
            className={classes.action}
            data-testid={testId}
          >
            {label}
          </Button>
        )}
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <TextInput
          size="xs"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (exact) pick(exact);
            else if (canCreate) pick({ name: search.trim() });
            else if (matches[0]) pick(matches[0]);
          }}
          placeholder={creatable ? t('lists.tag_search_or_create') : t('lists.tag_search')}
          aria-label={t('lists.tag_search')}
          leftSection={<IconSearch size={14} />}
          data-autofocus
          mb={6}
          data-testid="tag-picker-search"
        />
        <ScrollArea.Autosize mah={220}>
          <Stack gap={2}>
            {matches.map((tag) => (
              <UnstyledButton
                key={tag.id}
                className={classes.option}
                onClick={() => pick(tag)}
                data-testid="tag-option"
              >
                <IconTag size={14} color={tag.color ?? 'var(--mantine-color-dimmed)'} />
                <Text size="sm" truncate>
                  {tag.name}
                </Text>
              </UnstyledButton>
            ))}
            {canCreate ? (
              <UnstyledButton
                className={classes.option}
                onClick={() => pick({ name: search.trim() })}
                data-testid="tag-create"
              >
                <IconPlus size={14} />
                <Text size="sm" truncate>
                  {t('lists.tag_create', { name: search.trim() })}
                </Text>
              </UnstyledButton>
            ) : null}
            {!matches.length && !canCreate ? (
              <Text size="xs" c="dimmed" p={6}>
                {t('lists.no_tags')}
              </Text>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
