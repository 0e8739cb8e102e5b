import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { dynamicT } from '../records/dynamic-t';

type Match = ImportJob['matches'][number];

/** The records a name in the file may mean, by field: products and owners are few enough to list. */
function useChoices(fields: Set<string>) {
  const [choices, setChoices] = useState<Record<string, string[]>>({});
  const wantProducts = fields.has('product');
  const wantOwners = fields.has('owner');
  useEffect(() => {
    let live = true;
    void (async () => {
      const next: Record<string, string[]> = {};
      if (wantProducts) next.product = (await unwrap(api.products.list({}))).items.map((p) => p.name);
      if (wantOwners) next.owner = (await unwrap(api.members.list({}))).items.map((m) => m.name);
      if (live) setChoices(next);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wantProducts, wantOwners]);
  return choices;
}

/**
 * The variants table: each name of the file matched to a record with another spelling ("GTXPro"
 * is "GTX Pro"), and the record it was matched to, which the user may change before importing.
 * A change becomes an alias of the import's settings; checking again applies it.
 */
export function VariantsTable({
  matches,
  aliases,
  onChange,
  onRecheck,
  busy,
}: {
  matches: Match[];
  aliases: Record<string, string>;
  onChange: (aliases: Record<string, string>) => void;
  onRecheck: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const tt = dynamicT(t);
  const choices = useChoices(new Set(matches.map((m) => m.field)));
  // Changed since the last check: what the table shows is not yet what the check used.
  const pending = matches.some((m) => aliases[m.from] !== undefined && aliases[m.from] !== m.to);

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('import.matches_title')}
      </Text>
      <Table withTableBorder data-testid="import-matches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.match_written')}</Table.Th>
            <Table.Th>{t('import.match_record')}</Table.Th>
            <Table.Th>{t('import.match_rows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((m) => {
            const options = choices[m.field];
            const value = aliases[m.from] ?? m.to;
            return (
              <Table.Tr key={`${m.field}|${m.from}`} data-testid="import-match-row">
                <Table.Td>{m.from}</Table.Td>
                <Table.Td>
                  {options ? (
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        aria-label={t('import.match_choose', { name: m.from })}
                        data={[...new Set([value, ...options])]}
                        value={value}
                        onChange={(v) => v && onChange({ ...aliases, [m.from]: v })}
                        searchable
                        allowDeselect={false}
                        size="xs"
                        miw={200}
                        data-testid={`import-match-${m.from}`}
                      />
                      <Text span size="xs" c="dimmed">
                        ({tt(`import.target.${m.field}`)})
                      </Text>
                    </Group>
                  ) : (
                    <>
                      {m.to}{' '}
                      <Text span size="xs" c="dimmed">
                        ({tt(`import.target.${m.field}`)})
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td>{m.rows}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {pending ? (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={14} />}
            onClick={onRecheck}
            loading={busy}
            data-testid="import-recheck"
          >
            {t('import.match_recheck')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
