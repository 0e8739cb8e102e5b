import { ActionIcon, Autocomplete, Badge, CloseButton, Group, Popover, Text } from '@mantine/core';
import { IconPlus, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag, Taggable } from '../../../shared/contract';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useLive } from './use-live';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

/** A record's tags as chips: × removes one, + adds an existing tag or creates it on the spot. */
export function TagsEditor({ entity, id, readOnly }: { entity: Taggable; id: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const mine = useLive(async () => (await unwrap(api.tags.of({ entity, id }))).items, ['taggings', 'tags'], id);
  const all = useLive(adding ? async () => (await unwrap(api.tags.list({}))).items : null, ['tags'], String(adding));

  const have = new Set((mine.data ?? []).map((tag) => tag.id));
  const offered = (all.data ?? []).filter((tag) => !have.has(tag.id)).map((tag) => tag.name);

  async function add(name: string) {
    const clean = name.trim();
    if (!clean) return;
    try {
      const existing = (all.data ?? []).find((tag) => fold(tag.name) === fold(clean));
      const tag = existing ?? (await unwrap(api.tags.create({ name: clean })));
      await unwrap(api.tags.apply({ tagId: tag.id, entity, ids: [id] }));
      setText('');
      setAdding(false);
      await mine.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  async function remove(tag: Tag) {
    try {
      await unwrap(api.tags.remove({ tagId: tag.id, entity, ids: [id] }));
      await mine.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  const tags = mine.data ?? [];
  return (
    <Group gap={6} data-testid="record-tags">
      {tags.length === 0 && readOnly ? (
        <Text size="sm" c="dimmed">
          {t('records.no_tags')}
        </Text>
      ) : null}
      {tags.map((tag) => (
        <Badge
          key={tag.id}
          variant="light"
          color={tag.color ?? 'indigo'}
          radius="sm"
          tt="none"
          size="lg"
          fw={500}
          leftSection={<IconTag size={12} />}
          rightSection={
            readOnly ? null : (
              <CloseButton
                size="xs"
                variant="transparent"
                onClick={() => void remove(tag)}
                aria-label={t('records.untag', { tag: tag.name })}
              />
            )
          }
          data-testid="record-tag"
        >
          {tag.name}
        </Badge>
      ))}
      {readOnly ? null : (
        <Popover opened={adding} onChange={setAdding} position="bottom-start" shadow="md" trapFocus withArrow>
          <Popover.Target>
            <ActionIcon
              variant="default"
              size={26}
              radius="xl"
              onClick={() => setAdding((o) => !o)}
              aria-label={t('records.add_tag')}
              title={t('records.add_tag')}
              data-testid="add-tag"
            >
              <IconPlus size={14} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p="xs">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void add(text);
              }}
            >
              <Autocomplete
                size="sm"
                w={240}
                placeholder={t('records.tag_placeholder')}
                aria-label={t('records.add_tag')}
                data={offered}
                value={text}
                onChange={setText}
                onOptionSubmit={(v) => void add(v)}
                comboboxProps={{ withinPortal: false }}
                data-autofocus
                data-testid="tag-input"
              />
              <Text size="xs" c="dimmed" mt={6}>
                {t('records.tag_help')}
              </Text>
            </form>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
