import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { dynamicT } from './dynamic-t';

type CheckInput = MethodInput<'duplicates.check'>;
type Candidate = MethodOutput<'duplicates.check'>['candidates'][number];

const hasSomething = (input: CheckInput) =>
  Boolean(
    input.emails?.length ||
    input.phones?.length ||
    input.domain ||
    (input.name && input.name.trim().length > 1) ||
    (input.lastName && input.lastName.trim().length > 1),
  );

/**
 * "Possible duplicates" while a record is typed: asks the back end a moment after typing stops
 * (same email or phone, similar name at the same company, same domain) and links to each match.
 */
export function DuplicateHints({ check }: { check: CheckInput }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(JSON.stringify(check), 400);
  const [candidates, setCandidates] = useState<Candidate[]>([]);

  useEffect(() => {
    const input = JSON.parse(debounced) as CheckInput;
    if (!hasSomething(input)) {
      setCandidates([]);
      return;
    }
    let current = true;
    unwrap(api.duplicates.check(input))
      .then((found) => {
        if (current) setCandidates(found.candidates);
      })
      .catch(() => {
        // A hint, not a check: a phone still half-typed may be refused; keep the last answer.
      });
    return () => {
      current = false;
    };
  }, [debounced]);

  if (candidates.length === 0) return null;
  const entity = (JSON.parse(debounced) as CheckInput).entity;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy size={18} />}
      title={t('duplicates.possible_title', { count: candidates.length })}
      data-testid="possible-duplicates"
    >
      <Text size="sm" mb="xs">
        {t('duplicates.possible_body')}
      </Text>
      <Stack gap={6}>
        {candidates.slice(0, 5).map((c) => (
          <Group key={c.id} gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/${entity}/${c.id}`} fw={600} size="sm">
              {c.title}
            </Anchor>
            {c.subtitle ? (
              <Text size="xs" c="dimmed">
                {c.subtitle}
              </Text>
            ) : null}
            {c.reasons.map((r) => (
              <Badge key={r} size="xs" variant="outline" color="yellow" radius="sm" tt="none">
                {dynamicT(t)(`duplicates.reason.${r}`)}
              </Badge>
            ))}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
