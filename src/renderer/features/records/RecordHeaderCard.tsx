import { Alert, Avatar, Badge, Button, Card, Group, Stack, Title } from '@mantine/core';
import { IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LifecycleStage } from '../../../shared/domain/contact';
import { StageBadge } from '../contacts/StageBadge';
import { LogInteractionButton } from '../tickets/LogInteractionButton';
import { useMemberName } from '../members/workspace-store';
import { QuickActions } from './QuickActions';
import { TagsEditor } from './TagsEditor';

interface HeaderRecord {
  id: string;
  deleted: boolean;
  lifecycleStage: LifecycleStage | null;
  ownerId: string | null;
  phones: { value: string }[];
  emails: { value: string }[];
}

interface Props {
  entity: 'contacts' | 'companies';
  /** Names the buttons' test ids: edit-<kind>, delete-<kind>, restore-<kind>. */
  kind: 'contact' | 'company';
  record: HeaderRecord;
  avatar: ReactNode;
  title: string;
  /** What the record is, under its title (work and company, website and industry…). */
  subtitle?: ReactNode;
  /** Shown while the record is in the trash. */
  trashNotice: string;
  /** Consent: a contact who opted out is not offered the channel. */
  phoneOptOut?: boolean;
  emailOptOut?: boolean;
  onRestore: () => void;
  onDelete: () => void;
  onLogActivity: () => void;
  /** More buttons beside Edit and Delete, while the record is not in the trash. */
  actions?: ReactNode;
}

/** The top of a record page: avatar, title, stage, owner and tags; edit, delete or restore; one-click actions. */
export function RecordHeaderCard({
  entity,
  kind,
  record,
  avatar,
  title,
  subtitle,
  trashNotice,
  phoneOptOut,
  emailOptOut,
  onRestore,
  onDelete,
  onLogActivity,
  actions,
}: Props) {
  const { t } = useTranslation();
  const memberName = useMemberName();
  const owner = memberName(record.ownerId);
  const readOnly = record.deleted;
  return (
    <Card p="xl">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Group gap="lg" wrap="nowrap" align="flex-start">
          {avatar}
          <Stack gap={6}>
            <Title order={2} fz={26} data-testid="page-title">
              {title}
            </Title>
            {subtitle}
            <Group gap="xs">
              <StageBadge stage={record.lifecycleStage} />
              {owner ? (
                <Badge
                  variant="default"
                  radius="sm"
                  tt="none"
                  fw={500}
                  leftSection={<Avatar name={owner} color="initials" size={16} radius="xl" />}
                >
                  {owner}
                </Badge>
              ) : null}
              {record.deleted ? (
                <Badge color="red" variant="light" radius="sm" tt="none" data-testid="in-trash-badge">
                  {t('contacts.in_trash_badge')}
                </Badge>
              ) : null}
            </Group>
            <TagsEditor entity={entity} id={record.id} readOnly={readOnly} />
          </Stack>
        </Group>
        <Group gap="sm">
          {record.deleted ? (
            <Button leftSection={<IconRestore size={18} />} onClick={onRestore} data-testid={`restore-${kind}`}>
              {t('common.restore')}
            </Button>
          ) : (
            <>
              {actions}
              <Button
                component={Link}
                to={`/${entity}/${record.id}/edit`}
                variant="default"
                leftSection={<IconEdit size={18} />}
                data-testid={`edit-${kind}`}
              >
                {t('common.edit')}
              </Button>
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={18} />}
                onClick={onDelete}
                data-testid={`delete-${kind}`}
              >
                {t('common.delete')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {readOnly ? null : (
        <Group mt="lg" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <QuickActions
            phone={record.phones[0]?.value ?? null}
            email={record.emails[0]?.value ?? null}
            phoneOptOut={phoneOptOut}
            emailOptOut={emailOptOut}
            onLogActivity={onLogActivity}
          />
          <LogInteractionButton entity={entity} id={record.id} variant="light" size="sm" />
        </Group>
      )}
      {record.deleted ? (
        <Alert color="red" variant="light" mt="lg" icon={<IconTrash size={18} />}>
          {trashNotice}
        </Alert>
      ) : null}
    </Card>
  );
}
