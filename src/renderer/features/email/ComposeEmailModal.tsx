import { Alert, Anchor, Button, Card, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconExternalLink, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { isApiError, unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { issueText } from '../records/issues';
import { useLive } from '../records/use-live';

export interface ComposeTarget {
  entityType: 'contacts' | 'companies' | 'deals';
  entityId: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  target: ComposeTarget;
  defaultTo?: string | null;
}

/** Writes an email from a record, optionally from a template; it waits in the outbox while offline. */
export function ComposeEmailModal({ opened, onClose, target, defaultTo }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{t('email.compose')}</Text>}
      size="xl"
      radius="lg"
      centered
    >
      {opened ? <ComposeForm target={target} defaultTo={defaultTo ?? ''} onDone={onClose} /> : null}
    </Modal>
  );
}

const splitAddresses = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);

function ComposeForm({ target, defaultTo, onDone }: { target: ComposeTarget; defaultTo: string; onDone: () => void }) {
  const { t } = useTranslation();
  const templates = useLive(() => unwrap(api.templates.list({ kind: 'email' })), ['templates'], 'tpl');
  const [to, setTo] = useState(defaultTo);
  const [cc, setCc] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // Choosing a template fills the subject and body with its text (merge fields still in braces).
  useEffect(() => {
    const tpl = templates.data?.items.find((x) => x.id === templateId);
    if (tpl) {
      setSubject(tpl.subject);
      setBody(tpl.body);
    }
  }, [templateId, templates.data]);

  // The preview merges against the record as the user types; an unknown field shows at once.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.templates
        .preview({ subject, body, target })
        .then((r) => {
          if (!live) return;
          if (r.ok) {
            setPreview({ subject: r.value.subject, body: r.value.body });
            setError(null);
          } else {
            setPreview(null);
            setError(r.error.issues?.[0]?.message ?? r.error.message);
          }
        })
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [subject, body, target]);

  async function send() {
    setBusy(true);
    setFieldErrors({});
    try {
      await unwrap(
        api.email.send({
          to: splitAddresses(to),
          ...(cc.trim() ? { cc: splitAddresses(cc) } : {}),
          subject,
          body,
          ...(templateId ? { templateId } : {}),
          target,
        }),
      );
      notifySuccess(t('email.compose'), t('email.queued'));
      onDone();
    } catch (e) {
      if (isApiError(e) && e.issues.length) {
        const placed = Object.fromEntries(e.issues.map((i) => [String(i.path[0] ?? ''), issueText(t, i)]));
        setFieldErrors(placed);
        setError(Object.values(placed).join(' '));
      } else setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  const mailto = `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(preview?.subject ?? subject)}&body=${encodeURIComponent(
    (preview?.body ?? body).replace(/<[^>]+>/g, ''),
  )}`;
  return (
    <Stack gap="sm" data-testid="compose-email">
      {error ? (
        <Alert color="red" data-testid="compose-error">
          {error}
        </Alert>
      ) : null}
      <TextInput
        label={t('email.to')}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        error={fieldErrors.to}
        data-testid="compose-to"
      />
      <TextInput
        label={t('email.cc')}
        value={cc}
        onChange={(e) => setCc(e.currentTarget.value)}
        error={fieldErrors.cc}
      />
      <Select
        label={t('email.template')}
        placeholder={t('email.no_template')}
        value={templateId}
        onChange={setTemplateId}
        clearable
        data={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.locale})` }))}
        data-testid="compose-template"
      />
      <TextInput
        label={t('email.subject')}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        error={fieldErrors.subject}
        data-testid="compose-subject"
      />
      <Textarea
        label={t('email.body')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={5}
        error={fieldErrors.body}
        data-testid="compose-body"
      />
      {preview ? (
        <Card withBorder p="sm" data-testid="compose-preview">
          <Text size="xs" c="dimmed">
            {t('email.preview')}
          </Text>
          <Text fw={600}>{preview.subject}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.body.replace(/<[^>]+>/g, '')}
          </Text>
        </Card>
      ) : null}
      <Group justify="space-between">
        <Anchor href={mailto} size="sm" target="_blank" rel="noopener noreferrer">
          <Group gap={4}>
            <IconExternalLink size={14} />
            {t('email.open_mail_app')}
          </Group>
        </Anchor>
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => void send()}
          loading={busy}
          data-testid="compose-send"
        >
          {t('email.send')}
        </Button>
      </Group>
    </Stack>
  );
}
