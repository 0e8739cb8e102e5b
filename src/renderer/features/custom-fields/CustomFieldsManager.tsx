import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconArchive,
  IconArrowDown,
  IconArrowUp,
  IconForms,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CustomField } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { notifyWithUndo } from '../records/undo-toast';
import { FIELD_TYPE_ICONS } from './field-types';
import { FieldModal } from './FieldModal';
import { useCustomFields } from './use-custom-fields';

type Entity = 'contacts' | 'companies';

/**
 * Custom fields per entity: add, rename, edit options, reorder; deleting archives the field (its
 * values stay hidden and come back with Restore).
 */
export function CustomFieldsManager() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entity: Entity = params.get('entity') === 'companies' ? 'companies' : 'contacts';
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const fields = useCustomFields(entity, true);
  const all = fields.data ?? [];
  const active = all.filter((f) => !f.archived);
  const archived = all.filter((f) => f.archived);

  async function move(index: number, delta: -1 | 1) {
    const order = [...active];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + delta, 0, moved);
    try {
      // Positions become the new order's indexes; only the fields that moved are written.
      for (const [i, f] of order.entries()) {
        if (f.position !== i) await unwrap(api.customFields.update({ id: f.id, position: i }));
      }
      await fields.reload();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  async function archive(field: CustomField) {
    try {
      await unwrap(api.customFields.delete({ id: field.id }));
      notifyWithUndo({
        title: t('custom_fields.archived'),
        message: t('custom_fields.archived_body', { name: field.label }),
        undoneTitle: t('custom_fields.restored'),
        undo: () => unwrap(api.customFields.restore({ id: field.id })),
      });
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  async function restore(field: CustomField) {
    try {
      await unwrap(api.customFields.restore({ id: field.id }));
      notifySuccess(t('custom_fields.restored'), field.label);
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  const row = (field: CustomField, index: number, isArchived: boolean) => {
    const Icon = FIELD_TYPE_ICONS[field.type];
    return (
      <Group
        key={field.id}
        justify="space-between"
        wrap="nowrap"
        p="sm"
        style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}
        data-testid={isArchived ? 'archived-field' : 'custom-field-row'}
      >
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" radius="md" size={36} color={isArchived ? 'gray' : 'indigo'}>
            <Icon size={18} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm" truncate>
                {field.label}
              </Text>
              <Badge size="xs" variant="default" radius="sm" tt="none">
                {t(`custom_fields.type.${field.type}`)}
              </Badge>
            </Group>
            <Group gap={6}>
              {field.options.slice(0, 6).map((o) => (
                <Badge key={o.id} size="xs" variant="light" radius="sm" tt="none">
                  {o.label}
                </Badge>
              ))}
              {field.options.length > 6 ? (
                <Text size="xs" c="dimmed">
                  +{field.options.length - 6}
                </Text>
              ) : null}
              <Code fz={10} c="dimmed">
                {field.key}
              </Code>
            </Group>
          </Stack>
        </Group>
        {isArchived ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRestore size={14} />}
            onClick={() => void restore(field)}
            aria-label={t('custom_fields.restore_named', { name: field.label })}
          >
            {t('common.restore')}
          </Button>
        ) : (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === 0}
              onClick={() => void move(index, -1)}
              aria-label={t('custom_fields.move_up', { name: field.label })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === active.length - 1}
              onClick={() => void move(index, 1)}
              aria-label={t('custom_fields.move_down', { name: field.label })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <Tooltip label={t('common.edit')} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => setEditing(field)}
                aria-label={t('custom_fields.edit_named', { name: field.label })}
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('custom_fields.archive')} withArrow>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => void archive(field)}
                aria-label={t('custom_fields.archive_named', { name: field.label })}
              >
                <IconArchive size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    );
  };

  return (
    <Card p="xl" data-testid="custom-fields-manager">
      <Group justify="space-between" mb="md" wrap="wrap">
        <div>
          <Title order={5}>{t('custom_fields.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('custom_fields.subtitle')}
          </Text>
        </div>
        <Group gap="sm">
          <SegmentedControl
            value={entity}
            onChange={(v) => setParams({ entity: v }, { replace: true })}
            data={[
              { value: 'contacts', label: t('nav.contacts') },
              { value: 'companies', label: t('nav.companies') },
            ]}
            aria-label={t('custom_fields.entity_label')}
            data-testid="fields-entity"
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-field">
            {t('custom_fields.add')}
          </Button>
        </Group>
      </Group>
      {active.length === 0 && !fields.loading ? (
        <EmptyState
          icon={IconForms}
          title={t('custom_fields.empty_title')}
          body={t('custom_fields.empty_body')}
          testId="fields-empty"
        />
      ) : (
        <Stack gap="xs">{active.map((f, i) => row(f, i, false))}</Stack>
      )}
      {archived.length ? (
        <Stack gap="xs" mt="lg">
          <Switch
            label={t('custom_fields.show_archived', { count: archived.length })}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
            data-testid="show-archived"
          />
          {showArchived ? archived.map((f, i) => row(f, i, true)) : null}
        </Stack>
      ) : null}
      <FieldModal
        entity={entity}
        field={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
