import { ActionIcon, Button, Group, Menu, ScrollArea, Tooltip, UnstyledButton } from '@mantine/core';
import {
  IconChevronDown,
  IconDeviceFloppy,
  IconEdit,
  IconLayoutList,
  IconLock,
  IconPlus,
  IconRestore,
  IconTrash,
  IconUsers,
  IconUserShare,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../shared/contract';
import classes from './ViewBar.module.css';

interface Props {
  /** "All contacts": the default view. */
  defaultLabel: string;
  views: SavedView[];
  activeId: string | null;
  /** What is on screen differs from the active view (or from the default one). */
  dirty: boolean;
  onSelect: (view: SavedView | null) => void;
  onSaveNew: () => void;
  onUpdate: (view: SavedView) => void;
  onRename: (view: SavedView) => void;
  onToggleShared: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
}

/** The saved views as tabs, with the active view's actions and a way to save what is on screen. */
export function ViewBar(props: Props) {
  const { t } = useTranslation();
  const { views, activeId, dirty } = props;
  const active = views.find((v) => v.id === activeId) ?? null;

  return (
    <Group gap="md" wrap="nowrap" className={classes.bar} data-testid="view-bar">
      <ScrollArea type="never" style={{ flex: 1, minWidth: 0 }}>
        <Group gap={4} wrap="nowrap" role="tablist" aria-label={t('lists.views')}>
          <UnstyledButton
            role="tab"
            aria-selected={activeId === null}
            className={classes.tab}
            data-active={activeId === null || undefined}
            onClick={() => props.onSelect(null)}
            data-testid="view-tab-default"
          >
            <IconLayoutList size={15} stroke={1.8} />
            {props.defaultLabel}
          </UnstyledButton>
          {views.map((view) => {
            const isActive = view.id === activeId;
            const Icon = view.shared ? IconUsers : IconLock;
            return (
              <Group
                key={view.id}
                gap={0}
                wrap="nowrap"
                className={classes.tabGroup}
                data-active={isActive || undefined}
              >
                <UnstyledButton
                  role="tab"
                  aria-selected={isActive}
                  className={classes.tab}
                  data-active={isActive || undefined}
                  onClick={() => props.onSelect(view)}
                  title={view.shared ? t('lists.view_shared') : t('lists.view_personal')}
                  data-testid="view-tab"
                >
                  <Icon size={14} stroke={1.8} />
                  {view.name}
                  {isActive && dirty ? (
                    <span className={classes.dirtyDot} aria-label={t('lists.view_unsaved')} />
                  ) : null}
                </UnstyledButton>
                {isActive ? (
                  <Menu position="bottom-start" shadow="md" width={240}>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        aria-label={t('lists.view_actions')}
                        data-testid="view-actions"
                      >
                        <IconChevronDown size={14} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item
                        leftSection={<IconDeviceFloppy size={15} />}
                        disabled={!dirty}
                        onClick={() => props.onUpdate(view)}
                      >
                        {t('lists.view_update')}
                      </Menu.Item>
                      <Menu.Item
                        leftSection={<IconRestore size={15} />}
                        disabled={!dirty}
                        onClick={() => props.onSelect(view)}
                      >
                        {t('lists.view_discard')}
                      </Menu.Item>
                      <Menu.Item leftSection={<IconEdit size={15} />} onClick={() => props.onRename(view)}>
                        {t('lists.view_rename')}
                      </Menu.Item>
                      <Menu.Item leftSection={<IconUserShare size={15} />} onClick={() => props.onToggleShared(view)}>
                        {view.shared ? t('lists.view_make_personal') : t('lists.view_make_shared')}
                      </Menu.Item>
                      <Menu.Divider />
                      <Menu.Item
                        color="red"
                        leftSection={<IconTrash size={15} />}
                        onClick={() => props.onDelete(view)}
                        data-testid="view-delete"
                      >
                        {t('lists.view_delete')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ) : null}
              </Group>
            );
          })}
        </Group>
      </ScrollArea>
      <Group gap="xs" wrap="nowrap">
        {active && dirty ? (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconDeviceFloppy size={14} />}
            onClick={() => props.onUpdate(active)}
            data-testid="view-update"
          >
            {t('lists.view_update_short')}
          </Button>
        ) : null}
        <Tooltip label={t('lists.view_save_hint')} openDelay={400}>
          <Button
            size="compact-sm"
            variant={dirty && !active ? 'light' : 'subtle'}
            leftSection={<IconPlus size={14} />}
            onClick={props.onSaveNew}
            data-testid="view-save-new"
          >
            {t('lists.view_save_new')}
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
