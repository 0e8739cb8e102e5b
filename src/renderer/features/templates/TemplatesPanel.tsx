import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { currentLocale } from '../../i18n';
import { errorText } from '../../lib/error-text';
import { ContactPicker } from '../records/pickers/ContactPicker';
import type { Picked } from '../records/pickers/RemotePicker';
import { issueText } from '../records/issues';
import { useLive } from '../records/use-live';

type Draft = Pick<Template, 'name' | 'kind' | 'locale' | 'subject' | 'body'> & { id?: string };
const EMPTY: Draft = { name: '', kind: 'email', locale: 'en', subject: '', body: '' };

/** Email and letter templates with merge fields, per language, previewed against a chosen contact. */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const list = useLive(() => unwrap(api.templates.list({})), ['templates'], 'templates');
  const [draft, setDraft] = useState<Draft | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('act.tab_templates')}</Title>
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              // A new template starts in the language the user works in.
              onClick={() => setDraft({ ...EMPTY, locale: currentLocale() })}
              data-testid="template-new"
            >
              {t('tpl.new')}
            </Button>
          </Group>
          {items.length === 0 ? (
            <EmptyState icon={IconTemplate} color="gray" title={t('tpl.empty')} />
          ) : (
            <Stack gap={4}>
              {items.map((tpl) => (
                <UnstyledButton key={tpl.id} onClick={() => setDraft(tpl)} p="xs" data-testid="template-row">
                  <Group justify="space-between">
                    <Text fw={draft?.id === tpl.id ? 700 : 500}>{tpl.name}</Text>
                    <Badge variant="light">{tpl.locale}</Badge>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {draft ? <TemplateEditor key={draft.id ?? 'new'} draft={draft} onSaved={(tpl) => setDraft(tpl)} /> : null}
      </Grid.Col>
    </Grid>
  );
}

function TemplateEditor({ draft, onSaved }: { draft: Draft; onSaved: (t: Template) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Draft>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [record, setRecord] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null);
  const fields = useLive(() => unwrap(api.templates.fields({})), ['custom_field_defs'], 'fields');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    if (!record) return setPreview(null);
    let live = true;
    void api.templates
      .preview({
        subject: values.subject,
        body: values.body,
        locale: values.locale,
        target: { entityType: 'contacts', entityId: record.id },
      })
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setPreview(r.value);
          setGeneral(null);
        } else setGeneral(r.error.issues?.[0]?.message ?? r.error.message);
      });
    return () => {
      live = false;
    };
  }, [record, values.subject, values.body, values.locale]);

  function insert(token: string) {
    const el = bodyRef.current;
    const at = el?.selectionStart ?? values.body.length;
    set('body', values.body.slice(0, at) + token + values.body.slice(el?.selectionEnd ?? at));
  }

  async function save() {
    setErrors({});
    setGeneral(null);
    try {
      const { id, ...rest } = values;
      const saved = id ? await unwrap(api.templates.update({ id, ...rest })) : await unwrap(api.templates.create(rest));
      notifySuccess(t('tpl.saved'), saved.name);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.issues.length) {
        const placed = Object.fromEntries(error.issues.map((i) => [i.path.join('.'), issueText(t, i)]));
        setErrors(placed);
      } else setGeneral(errorText(t, error));
    }
  }

  return (
    <Card withBorder p="md" data-testid="template-editor">
      <Stack gap="sm">
        {general ? (
          <Alert color="red" data-testid="template-error">
            {general}
          </Alert>
        ) : null}
        <Group grow>
          <TextInput
            label={t('tpl.name')}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            data-testid="template-name"
          />
          <Select
            label={t('tpl.kind')}
            value={values.kind}
            onChange={(v) => set('kind', (v ?? 'email') as Draft['kind'])}
            allowDeselect={false}
            data={[
              { value: 'email', label: t('tpl.kind_email') },
              { value: 'letter', label: t('tpl.kind_letter') },
            ]}
          />
          <Select
            label={t('tpl.locale')}
            value={values.locale}
            onChange={(v) => set('locale', (v ?? 'en') as Draft['locale'])}
            allowDeselect={false}
            data={[
              { value: 'en', label: t('language.en') },
              { value: 'es', label: t('language.es') },
            ]}
          />
        </Group>
        <TextInput
          label={t('email.subject')}
          value={values.subject}
          onChange={(e) => set('subject', e.currentTarget.value)}
          error={errors.subject}
          data-testid="template-subject"
        />
        <Textarea
          ref={bodyRef}
          label={t('email.body')}
          value={values.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          error={errors.body}
          autosize
          minRows={6}
          data-testid="template-body"
        />
        <Text size="sm" fw={600}>
          {t('tpl.fields')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('tpl.fields_hint')}
        </Text>
        <ScrollArea h={90}>
          <Group gap={6}>
            {(fields.data?.fields ?? []).map((f) => (
              <Badge
                key={f.token}
                variant={f.custom ? 'outline' : 'light'}
                tt="none"
                style={{ cursor: 'pointer' }}
                onClick={() => insert(f.token)}
              >
                {f.token}
              </Badge>
            ))}
          </Group>
        </ScrollArea>
        <ContactPicker
          label={t('tpl.preview_against')}
          value={record}
          onChange={setRecord}
          testId="template-preview-record"
        />
        {preview ? (
          <Card withBorder p="sm" bg="var(--mantine-color-default-hover)" data-testid="template-preview">
            <Text fw={600}>{preview.subject}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.body.replace(/<[^>]+>/g, '')}
            </Text>
          </Card>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={() => void save()} data-testid="template-save">
            {t('act.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
