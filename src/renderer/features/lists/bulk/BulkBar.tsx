import { Avatar, Button, CloseButton, Divider, Group, Loader, Menu, Text } from '@mantine/core';
import {
  IconDownload,
  IconFlag,
  IconTag,
  IconTagOff,
  IconTrash,
  IconUserCircle,
  IconUserOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Member, Tag } from '../../../../shared/contract';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../../shared/domain/contact';
import { TagPicker } from './TagPicker';
import classes from './BulkBar.module.css';

interface Props {
  count: number;
  loadedCount: number;
  busy: boolean;
  members: Member[];
  tags: Tag[];
  onSelectAll: () => void;
  onClear: () => void;
  onAddTag: (tag: Tag | { name: string }) => void;
  onRemoveTag: (tag: Tag) => void;
  onOwner: (memberId: string | null) => void;
  onStage: (stage: LifecycleStage | null) => void;
  onExport: () => void;
  onDelete: () => void;
}

/** Floats over the table while rows are selected: what can be done to all of them at once. */
export function BulkBar(props: Props) {
  const { t } = useTranslation();
  const { count, busy } = props;
  return (
    <div className={classes.bar} role="toolbar" aria-label={t('lists.bulk_toolbar')} data-testid="bulk-bar">
      <Group gap={4} wrap="nowrap">
        <CloseButton size="sm" aria-label={t('lists.clear_selection')} onClick={props.onClear} />
        {busy ? <Loader size={14} /> : null}
        <Text size="sm" fw={600} data-testid="bulk-count">
          {t('lists.selected', { count })}
        </Text>
        {count < props.loadedCount ? (
          <Button size="compact-xs" variant="subtle" onClick={props.onSelectAll}>
            {t('lists.select_all_n', { count: props.loadedCount })}
          </Button>
        ) : null}
      </Group>
      <Divider orientation="vertical" />
      <Group gap={2} wrap="nowrap">
        <TagPicker
          tags={props.tags}
          creatable
          label={t('lists.bulk_tag')}
          icon={<IconTag size={15} />}
          disabled={busy}
          onPick={props.onAddTag}
          testId="bulk-tag"
        />
        <TagPicker
          tags={props.tags}
          creatable={false}
          label={t('lists.bulk_untag')}
          icon={<IconTagOff size={16} />}
          iconOnly
          disabled={busy}
          onPick={(tag) => 'id' in tag && props.onRemoveTag(tag)}
          testId="bulk-untag"
        />
        <Menu position="top" shadow="lg" width={240}>
          <Menu.Target>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconUserCircle size={15} />}
              disabled={busy}
              className={classes.action}
              data-testid="bulk-owner"
            >
              {t('lists.bulk_owner')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
            <Menu.Label>{t('lists.bulk_owner_title')}</Menu.Label>
            {props.members
              .filter((m) => m.active)
              .map((m) => (
                <Menu.Item
                  key={m.id}
                  leftSection={<Avatar name={m.name} color="initials" size={20} radius="xl" alt="" />}
                  onClick={() => props.onOwner(m.id)}
                >
                  {m.name}
                </Menu.Item>
              ))}
            <Menu.Divider />
            <Menu.Item leftSection={<IconUserOff size={16} />} onClick={() => props.onOwner(null)}>
              {t('lists.no_owner')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Menu position="top" shadow="lg" width={220}>
          <Menu.Target>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconFlag size={15} />}
              disabled={busy}
              className={classes.action}
              data-testid="bulk-stage"
            >
              {t('lists.bulk_stage')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('lists.bulk_stage_title')}</Menu.Label>
            {LIFECYCLE_STAGES.map((stage) => (
              <Menu.Item key={stage} onClick={() => props.onStage(stage)}>
                {t(`stage.${stage}`)}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item onClick={() => props.onStage(null)}>{t('lists.no_stage')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconDownload size={15} />}
          onClick={props.onExport}
          className={classes.action}
          data-testid="bulk-export"
        >
          {t('lists.bulk_export')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          leftSection={<IconTrash size={15} />}
          disabled={busy}
          onClick={props.onDelete}
          data-testid="bulk-delete"
        >
          {t('lists.bulk_delete')}
        </Button>
      </Group>
    </div>
  );
}
