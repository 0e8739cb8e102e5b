import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbCategory } from '../../../shared/contract/knowledge-base';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { ConfirmModal } from '../records/ConfirmModal';
import { notifyWithUndo } from '../records/undo-toast';

function issuesOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

/** A category's names in both languages: a new one, or a rename of `category`. */
export function CategoryForm({ category, onDone }: { category?: KbCategory | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [nameEn, setNameEn] = useState(category?.nameEn ?? '');
  const [nameEs, setNameEs] = useState(category?.nameEs ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await unwrap(api.knowledgeBase.saveCategory({ ...(category ? { id: category.id } : {}), nameEn, nameEs }));
      notifySuccess(t('kb.saved'), nameEn);
      onDone();
    } catch (error) {
      setErrors(issuesOf(error));
      notifyError(t('kb.not_saved'), errorText(t, error));
    }
  };
  return (
    <Stack gap="sm">
      <TextInput
        label={t('kb.category_name_en')}
        value={nameEn}
        onChange={(e) => setNameEn(e.currentTarget.value)}
        error={errors.nameEn}
        required
      />
      <TextInput
        label={t('kb.category_name_es')}
        value={nameEs}
        onChange={(e) => setNameEs(e.currentTarget.value)}
        error={errors.nameEs}
        required
      />
      <Group justify="flex-end">
        <Button onClick={save} data-testid="kb-category-save">
          {t('kb.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Every category with rename and delete, and a new one. Deleting keeps the category's articles,
 * without a category (the back end clears them in the same change); the confirmation says so.
 */
export function CategoryManager({
  categories,
  nameOf,
  onChanged,
}: {
  categories: KbCategory[];
  nameOf: (c: KbCategory) => string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<KbCategory | 'new' | null>(null);
  const [deleting, setDeleting] = useState<KbCategory | null>(null);
  const remove = async (category: KbCategory) => {
    try {
      await unwrap(api.knowledgeBase.deleteCategory({ id: category.id }));
    } catch (error) {
      notifyError(t('kb.category_not_deleted'), errorText(t, error));
      return;
    }
    // To the trash, with Undo: the category comes back, its former articles stay uncategorised.
    notifyWithUndo({
      title: t('kb.category_deleted'),
      message: t('contacts.deleted_toast_body', { name: nameOf(category) }),
      undoneTitle: t('trash.restored'),
      undo: async () => {
        await unwrap(api.trash.restore({ entity: 'kb_categories', ids: [category.id] }));
        onChanged();
      },
      icon: <IconTrash size={18} />,
      testId: 'delete-toast',
    });
    onChanged();
  };
  if (editing)
    return (
      <CategoryForm
        category={editing === 'new' ? null : editing}
        onDone={() => {
          setEditing(null);
          onChanged();
        }}
      />
    );
  return (
    <Stack gap="xs" data-testid="kb-categories">
      {categories.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kb.no_categories')}
        </Text>
      ) : null}
      {categories.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" data-testid="kb-category-row">
          <Text size="sm">
            {c.nameEn} · {c.nameEs}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setEditing(c)}
              aria-label={t('kb.category_rename_named', { name: nameOf(c) })}
            >
              {t('kb.category_rename')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setDeleting(c)}
              aria-label={t('kb.category_delete_named', { name: nameOf(c) })}
            >
              {t('kb.delete')}
            </Button>
          </Group>
        </Group>
      ))}
      <Group justify="flex-end" mt="xs">
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('kb.category_new')}
        </Button>
      </Group>
      <ConfirmModal
        opened={deleting !== null}
        title={t('kb.category_delete_title')}
        body={deleting ? t('kb.category_delete_body', { name: nameOf(deleting) }) : ''}
        confirmLabel={t('kb.delete')}
        danger
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
