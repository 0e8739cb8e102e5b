import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconBuilding, IconCopyCheck, IconGitMerge, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { DuplicateGroup } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useFormat } from '../../lib/format';
import { dynamicT } from '../records/dynamic-t';
import { notifyWithUndo } from '../records/undo-toast';
import { useLive } from '../records/use-live';
import { MergeWizard, type DuplicateEntity } from './MergeWizard';

/** Likely duplicates across the whole book, a group per card, each merged with the wizard (and undoable). */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const entity: DuplicateEntity = params.get('entity') === 'companies' ? 'companies' : 'contacts';
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const groups = useLive(
    () => unwrap(api.duplicates.groups({ entity, limit: 200 })),
    [entity, 'merge_history'],
    entity,
  );
  const list = groups.data?.groups ?? [];
  const Icon = entity === 'contacts' ? IconUser : IconBuilding;
  const reason = (r: string) => dynamicT(t)(`duplicates.reason.${r}`);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title={t('duplicates.title')}
        subtitle={groups.data ? t('duplicates.subtitle_count', { count: groups.data.total }) : t('duplicates.subtitle')}
        actions={
          <SegmentedControl
            value={entity}
            onChange={(v) => setParams({ entity: v }, { replace: true })}
            data={[
              { value: 'contacts', label: t('nav.contacts') },
              { value: 'companies', label: t('nav.companies') },
            ]}
            aria-label={t('duplicates.entity_label')}
            data-testid="duplicates-entity"
          />
        }
      />
      {groups.loading && !groups.data ? (
        <LoadingState />
      ) : list.length === 0 ? (
        <Card>
          <EmptyState
            icon={IconCopyCheck}
            color="teal"
            title={t('duplicates.none_title')}
            body={t('duplicates.none_body')}
            testId="duplicates-empty"
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {list.map((group) => (
            <Card key={group.ids.join(',')} p="lg" data-testid="duplicate-group">
              <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
                <Group gap={6}>
                  {group.reasons.map((r) => (
                    <Badge key={r} variant="light" color="yellow" radius="sm" tt="none">
                      {reason(r)}
                    </Badge>
                  ))}
                </Group>
                <Button
                  size="xs"
                  leftSection={<IconGitMerge size={14} />}
                  onClick={() => setMerging(group)}
                  data-testid="merge-button"
                >
                  {t('duplicates.merge')}
                </Button>
              </Group>
              <Stack gap="sm">
                {group.records.map((r) => (
                  <Group key={r.id} gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" radius="xl" size={32} color="gray">
                      <Icon size={16} />
                    </ThemeIcon>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/${entity}/${r.id}`} size="sm" fw={600} truncate>
                        {r.title}
                      </Anchor>
                      <Text size="xs" c="dimmed" truncate>
                        {r.subtitle}
                      </Text>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {groups.data && groups.data.total > list.length ? (
        <Text size="sm" c="dimmed" ta="center" mt="md">
          {t('duplicates.more_groups', { shown: format.number(list.length), total: format.number(groups.data.total) })}
        </Text>
      ) : null}
      <MergeWizard
        entity={entity}
        group={merging}
        onClose={() => setMerging(null)}
        onMerged={({ mergeId, survivorId, survivorName, count }) => {
          void groups.reload();
          notifyWithUndo({
            title: t('duplicates.merged'),
            message: (
              <>
                {t('duplicates.merged_body', { count, name: survivorName })}{' '}
                {/* Toasts live outside the router: a plain button that navigates, not a <Link>. */}
                <Anchor component="button" size="sm" onClick={() => void navigate(`/${entity}/${survivorId}`)}>
                  {t('duplicates.open_survivor')}
                </Anchor>
              </>
            ),
            undoneTitle: t('duplicates.unmerged'),
            undo: async () => {
              await unwrap(api.duplicates.undoMerge({ mergeId }));
              await groups.reload();
            },
            testId: 'merge-toast',
            icon: <IconGitMerge size={18} />,
          });
        }}
      />
    </Stack>
  );
}
