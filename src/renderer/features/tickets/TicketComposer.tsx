import { Button, CloseButton, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../../shared/contract/knowledge-base';
import type { Template } from '../../../shared/contract/templates';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../../../shared/contract/tickets';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { firstProblem } from '../records/issues';

type Mode = 'reply' | 'note' | 'customer';

/** Reply to the customer (typed or from a template, with articles), add an internal note, or log what the customer said. */
export function TicketComposer({ ticket, onSent }: { ticket: Ticket; onSent: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reply');
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [articleIds, setArticleIds] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [articles, setArticles] = useState<KbArticle[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    void unwrap(api.templates.list({ kind: 'email' })).then((r) => setTemplates(r.items));
    void unwrap(api.knowledgeBase.list({ status: 'published' })).then((r) => setArticles(r.items));
  }, []);

  const chooseTemplate = async (id: string | null) => {
    setTemplateId(id);
    if (!id || !ticket.contactId) return;
    try {
      const preview = await unwrap(
        api.templates.preview({ id, target: { entityType: 'contacts', entityId: ticket.contactId } }),
      );
      setBody((current) => current || preview.body);
    } catch {
      // The template is still sent as chosen; the preview only fills the box.
    }
  };

  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      if (mode === 'reply') {
        await unwrap(
          api.tickets.reply({
            id: ticket.id,
            ...(body.trim() ? { body } : {}),
            ...(templateId ? { templateId } : {}),
            ...(articleIds.length ? { articleIds } : {}),
            ...(status ? { status: status as TicketStatus } : {}),
          }),
        );
        notifySuccess(t('tickets.compose.sent'), ticket.subject);
      } else if (mode === 'note') {
        await unwrap(api.tickets.addNote({ id: ticket.id, body }));
        notifySuccess(t('tickets.compose.note_added'), ticket.subject);
      } else {
        await unwrap(api.tickets.logCustomerMessage({ id: ticket.id, body }));
        notifySuccess(t('tickets.compose.logged'), ticket.subject);
      }
      setBody('');
      setTemplateId(null);
      setArticleIds([]);
      setStatus(null);
      onSent();
    } catch (e) {
      const text = firstProblem(t, e);
      setError(text);
      notifyError(t('tickets.not_saved'), text);
    } finally {
      setSending(false);
    }
  };

  const articleTitle = (id: string) => articles.find((a) => a.id === id)?.title ?? id;

  return (
    <Paper withBorder radius="lg" p="md" data-testid="ticket-composer">
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'reply', label: t('tickets.compose.reply') },
            { value: 'note', label: t('tickets.compose.note') },
            { value: 'customer', label: t('tickets.compose.customer') },
          ]}
          data-testid="composer-mode"
        />
        {mode === 'reply' ? (
          <Group grow>
            <Select
              label={t('tickets.compose.template')}
              placeholder={t('tickets.compose.no_template')}
              data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              value={templateId}
              onChange={(v) => void chooseTemplate(v)}
              clearable
              data-testid="composer-template"
            />
            <Select
              label={t('tickets.compose.insert_article')}
              placeholder={t('kb.search')}
              data={articles
                .filter((a) => !articleIds.includes(a.id))
                .map((a) => ({ value: a.id, label: `${a.title} (${a.locale.toUpperCase()})` }))}
              value={null}
              onChange={(v) => v && setArticleIds((ids) => [...ids, v])}
              searchable
              data-testid="composer-article"
            />
          </Group>
        ) : null}
        {articleIds.length ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('tickets.compose.articles')}
            </Text>
            {articleIds.map((id) => (
              <Group key={id} gap={4}>
                <Text size="sm">{articleTitle(id)}</Text>
                <CloseButton size="sm" onClick={() => setArticleIds((ids) => ids.filter((x) => x !== id))} />
              </Group>
            ))}
          </Stack>
        ) : null}
        <Textarea
          label={t('tickets.compose.body')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={4}
          error={error}
          data-testid="composer-body"
        />
        <Group justify="space-between">
          {mode === 'reply' ? (
            <Select
              aria-label={t('tickets.compose.then_status')}
              placeholder={t('tickets.compose.keep_status')}
              data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={220}
            />
          ) : (
            <span />
          )}
          <Button onClick={send} loading={sending} data-testid="composer-send">
            {mode === 'reply'
              ? t('tickets.compose.send')
              : mode === 'note'
                ? t('tickets.compose.add_note')
                : t('tickets.compose.log')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
