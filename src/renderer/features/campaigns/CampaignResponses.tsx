import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESPONSE_KINDS, type Campaign, type CampaignResponse } from '../../../shared/contract/campaigns';
import { notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { useChanges } from '../../lib/use-changes';
import { firstProblem } from '../records/issues';
import { RemotePicker, type Picked } from '../records/pickers/RemotePicker';

/**
 * Records what a member answered. The contact picker asks the back end, so any member of a large
 * audience can be found, not only the members already loaded on the page.
 */
export function ResponseForm({ campaign, onDone }: { campaign: Campaign; onDone: () => void }) {
  const { t } = useTranslation();
  const [contact, setContact] = useState<Picked | null>(null);
  const [kind, setKind] = useState<string>('replied');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    try {
      await unwrap(
        api.campaigns.recordResponse({
          id: campaign.id,
          contactId: contact?.id ?? '',
          kind: kind as (typeof RESPONSE_KINDS)[number],
          note: note || null,
        }),
      );
      notifySuccess(t('campaigns.response_recorded'), campaign.name);
      onDone();
    } catch (e) {
      setError(firstProblem(t, e));
    }
  };
  return (
    <Stack gap="sm">
      <RemotePicker
        label={t('campaigns.col.contact')}
        placeholder={t('campaigns.search_members')}
        value={contact}
        onChange={setContact}
        search={async (query) =>
          (await unwrap(api.campaigns.members({ id: campaign.id, ...(query ? { query } : {}), limit: 20 }))).items
            // Opted-out members asked not to be contacted: no response is recorded for them.
            .filter((m) => m.status !== 'opted_out')
            .map((m) => ({ id: m.contactId, name: m.contactName || (m.email ?? '') }))
        }
        nothingFound={t('campaigns.no_member_found')}
        error={error}
        testId="response-contact"
      />
      <Select
        label={t('campaigns.response_kind')}
        data={RESPONSE_KINDS.map((k) => ({ value: k, label: t(`campaigns.response.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v)}
        allowDeselect={false}
      />
      <Textarea
        label={t('campaigns.response_note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
      />
      <Group justify="flex-end">
        <Button onClick={save} data-testid="response-save">
          {t('campaigns.record_response')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The responses recorded for a campaign, newest first; reloads when their count changes. */
export function CampaignResponses({ campaignId, count }: { campaignId: string; count: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [items, setItems] = useState<CampaignResponse[]>([]);
  const load = useCallback(async () => {
    setItems((await unwrap(api.campaigns.responses({ id: campaignId }))).items);
  }, [campaignId]);
  // `count` (the campaign's figure) is a dependency so a response recorded anywhere shows here.
  useEffect(() => {
    void load();
  }, [load, count]);
  useChanges('campaign_responses', () => void load());
  return (
    <Paper withBorder radius="lg" p="md" data-testid="campaign-responses">
      <Text fw={650} mb="xs">
        {t('campaigns.responses')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.responses_empty')}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.col.contact')}</Table.Th>
              <Table.Th>{t('campaigns.response_kind')}</Table.Th>
              <Table.Th>{t('campaigns.response_note')}</Table.Th>
              <Table.Th>{t('campaigns.col.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${r.contactId}`} size="sm">
                    {r.contactName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light">
                    {t(`campaigns.response.${r.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.note ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(r.at)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
