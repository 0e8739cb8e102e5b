import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconBook, IconFolders, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { KB_LOCALES, KB_STATUSES, type KbArticle, type KbCategory } from '../../../shared/contract/knowledge-base';
import { EmptyState } from '../../components/EmptyState';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { notifyWithUndo } from '../records/undo-toast';
import { CategoryManager } from './CategoryManager';

type Locale = (typeof KB_LOCALES)[number];
type Editing = { article: KbArticle | null; locale: Locale; translationOf?: KbArticle } | null;

function issuesOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));
}

function useCategoryName() {
  const { i18n } = useTranslation();
  return (c: KbCategory) => (i18n.language.startsWith('es') ? c.nameEs : c.nameEn);
}

function ArticleForm({
  editing,
  categories,
  onDone,
  onTranslate,
}: {
  editing: NonNullable<Editing>;
  categories: KbCategory[];
  onDone: () => void;
  onTranslate: (article: KbArticle, locale: Locale) => void;
}) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const { article, translationOf } = editing;
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [locale, setLocale] = useState<Locale>(article?.locale ?? editing.locale);
  const [categoryId, setCategoryId] = useState<string | null>(article?.categoryId ?? translationOf?.categoryId ?? null);
  const [status, setStatus] = useState<string>(article?.status ?? 'draft');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      const values = { title, body, categoryId, status: status as KbArticle['status'] };
      if (article) await unwrap(api.knowledgeBase.update({ id: article.id, ...values }));
      else
        await unwrap(
          api.knowledgeBase.create({
            ...values,
            locale,
            ...(translationOf ? { translationOf: translationOf.id } : {}),
          }),
        );
      notifySuccess(t('kb.saved'), title);
      onDone();
    } catch (error) {
      setErrors(issuesOf(error));
      notifyError(t('kb.not_saved'), errorText(t, error));
    }
  };
  // To the trash, from where it can be restored (the toast offers an undo right away).
  const remove = async () => {
    if (!article) return;
    try {
      await unwrap(api.knowledgeBase.delete({ id: article.id }));
      notifyWithUndo({
        title: t('kb.deleted'),
        message: article.title,
        undoneTitle: t('kb.restored'),
        undo: () => unwrap(api.trash.restore({ entity: 'kb_articles', ids: [article.id] })),
        testId: 'kb-deleted',
      });
      onDone();
    } catch (error) {
      notifyError(t('kb.not_deleted'), errorText(t, error));
    }
  };
  const missing = article
    ? KB_LOCALES.filter((l) => l !== article.locale && !article.translations.some((tr) => tr.locale === l))
    : [];
  return (
    <Stack gap="sm">
      <TextInput
        label={t('kb.field.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        required
        data-autofocus
        data-testid="kb-title"
      />
      <Group grow>
        <Select
          label={t('kb.field.locale')}
          data={KB_LOCALES.map((l) => ({ value: l, label: t(`kb.locale.${l}`) }))}
          value={locale}
          onChange={(v) => v && setLocale(v as Locale)}
          disabled={!!article || !!translationOf}
          allowDeselect={false}
          error={errors.locale}
        />
        <Select
          label={t('kb.field.category')}
          placeholder={t('kb.no_category')}
          data={categories.map((c) => ({ value: c.id, label: categoryName(c) }))}
          value={categoryId}
          onChange={setCategoryId}
          clearable
        />
        <Select
          label={t('kb.field.status')}
          data={KB_STATUSES.map((s) => ({ value: s, label: t(`kb.status.${s}`) }))}
          value={status}
          onChange={(v) => v && setStatus(v)}
          allowDeselect={false}
          data-testid="kb-status"
        />
      </Group>
      <Textarea
        label={t('kb.field.body')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={8}
        error={errors.body}
        data-testid="kb-body"
      />
      <Group justify="space-between">
        <Group gap="xs">
          {missing.map((l) => (
            <Button
              key={l}
              variant="default"
              size="xs"
              onClick={() => onTranslate(article!, l)}
              data-testid={`kb-translate-${l}`}
            >
              {t('kb.add_translation', { language: t(`kb.locale.${l}`) })}
            </Button>
          ))}
        </Group>
        <Group gap="xs">
          {article ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void remove()}
              data-testid="kb-delete"
            >
              {t('kb.delete')}
            </Button>
          ) : null}
          <Button onClick={save} data-testid="kb-save">
            {article ? t('kb.save') : t('kb.create')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** Help articles in both languages: filter, write, translate, publish. */
export function KnowledgeBasePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const categoryName = useCategoryName();
  const [params, setParams] = useSearchParams();
  const [locale, setLocale] = useState<'all' | Locale>('all');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<KbArticle[] | null>(null);
  const [categories, setCategories] = useState<KbCategory[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [managingCategories, setManagingCategories] = useState(false);

  const load = useCallback(async () => {
    const [list, cats] = await Promise.all([
      unwrap(
        api.knowledgeBase.list({
          ...(locale !== 'all' ? { locale } : {}),
          ...(categoryId ? { categoryId } : {}),
          ...(query.trim() ? { query: query.trim() } : {}),
        }),
      ),
      unwrap(api.knowledgeBase.categories({})),
    ]);
    setItems(list.items);
    setCategories(cats.items);
  }, [locale, categoryId, query]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('kb_articles', () => void load());
  useChanges('kb_categories', () => void load());

  // A search hit opens its article here.
  const wanted = params.get('article');
  useEffect(() => {
    if (!wanted) return;
    void unwrap(api.knowledgeBase.get({ id: wanted })).then((article) =>
      setEditing({ article, locale: article.locale }),
    );
  }, [wanted]);
  const close = () => {
    setEditing(null);
    if (wanted) setParams({}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('kb.title')}
        subtitle={t('kb.subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFolders size={16} />}
              onClick={() => setManagingCategories(true)}
              data-testid="kb-manage-categories"
            >
              {t('kb.categories')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing({ article: null, locale: i18n.language.startsWith('es') ? 'es' : 'en' })}
              data-testid="kb-new"
            >
              {t('kb.new')}
            </Button>
          </>
        }
      />
      <Paper withBorder radius="lg" p="md">
        <Group mb="sm" wrap="wrap">
          <SegmentedControl
            value={locale}
            onChange={(v) => setLocale(v as 'all' | Locale)}
            data={[
              { value: 'all', label: t('kb.all_languages') },
              ...KB_LOCALES.map((l) => ({ value: l, label: t(`kb.locale.${l}`) })),
            ]}
          />
          <Select
            placeholder={t('kb.all_categories')}
            data={categories.map((c) => ({ value: c.id, label: categoryName(c) }))}
            value={categoryId}
            onChange={setCategoryId}
            clearable
            aria-label={t('kb.field.category')}
          />
          <TextInput
            placeholder={t('kb.search')}
            aria-label={t('kb.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </Group>
        {items && items.length === 0 ? (
          <EmptyState icon={IconBook} title={t('kb.empty')} body={t('kb.empty_body')} />
        ) : (
          <Table highlightOnHover data-testid="kb-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kb.field.title')}</Table.Th>
                <Table.Th>{t('kb.field.locale')}</Table.Th>
                <Table.Th>{t('kb.field.category')}</Table.Th>
                <Table.Th>{t('kb.field.status')}</Table.Th>
                <Table.Th>{t('kb.translations')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(items ?? []).map((a) => {
                const category = categories.find((c) => c.id === a.categoryId);
                return (
                  <Table.Tr
                    key={a.id}
                    onClick={() => setEditing({ article: a, locale: a.locale })}
                    style={{ cursor: 'pointer' }}
                    data-testid="kb-row"
                  >
                    <Table.Td>
                      <Text fw={550}>{a.title}</Text>
                      <Text size="xs" c="dimmed">
                        {t('kb.updated', { when: format.date(a.updatedAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`kb.locale.${a.locale}`)}</Table.Td>
                    <Table.Td>{category ? categoryName(category) : ''}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={a.status === 'published' ? 'teal' : 'gray'}>
                        {t(`kb.status.${a.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{a.translations.map((tr) => tr.locale.toUpperCase()).join(', ')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <FormModal opened={editing !== null} onClose={close} title={editing?.article ? t('kb.edit') : t('kb.new')}>
        {editing ? (
          <ArticleForm
            key={`${editing.article?.id ?? 'new'}:${editing.translationOf?.id ?? ''}`}
            editing={editing}
            categories={categories}
            onDone={close}
            onTranslate={(article, l) => setEditing({ article: null, locale: l, translationOf: article })}
          />
        ) : null}
      </FormModal>
      <FormModal opened={managingCategories} onClose={() => setManagingCategories(false)} title={t('kb.categories')}>
        <CategoryManager categories={categories} nameOf={categoryName} onChanged={() => void load()} />
      </FormModal>
    </>
  );
}
