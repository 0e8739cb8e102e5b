import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../shared/contract';
import { notifyError, notifySuccess } from '../../../components/notify';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { errorText } from '../../../lib/error-text';
import { ENTITY_API, type BulkPatch } from '../entity-api';
import type { RecordEntity } from '../types';

/** The most ids one tags.apply / tags.remove call takes. */
const TAG_CHUNK = 5000;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The bulk actions of a list over the selected records: tag and untag, assign an owner, set the
 * lifecycle stage, and delete to the trash with Undo. Each reports what it did in a toast.
 */
export function useBulkActions(entity: RecordEntity, onDone: () => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const entityApi = ENTITY_API[entity];

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        notifyError(t('common.error'), errorText(t, error));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const addTag = useCallback(
    (ids: string[], picked: Tag | { name: string }) =>
      run(async () => {
        const tag = 'id' in picked ? picked : await unwrap(api.tags.create({ name: picked.name }));
        for (const part of chunks(ids, TAG_CHUNK)) await unwrap(api.tags.apply({ tagId: tag.id, entity, ids: part }));
        notifySuccess(t('lists.bulk_tagged'), t('lists.bulk_tagged_body', { count: ids.length, tag: tag.name }));
      }),
    [run, entity, t],
  );

  const removeTag = useCallback(
    (ids: string[], tag: Tag) =>
      run(async () => {
        for (const part of chunks(ids, TAG_CHUNK)) await unwrap(api.tags.remove({ tagId: tag.id, entity, ids: part }));
        notifySuccess(t('lists.bulk_untagged'), t('lists.bulk_untagged_body', { count: ids.length, tag: tag.name }));
      }),
    [run, entity, t],
  );

  const update = useCallback(
    (ids: string[], patch: BulkPatch, doneTitle: string) =>
      run(async () => {
        const { changed } = await unwrap(entityApi.update(ids, patch));
        notifySuccess(doneTitle, t('lists.bulk_updated_body', { count: changed }));
      }),
    [run, entityApi, t],
  );

  const restore = useCallback(
    (ids: string[]) =>
      run(async () => {
        const { changed } = await unwrap(entityApi.restore(ids));
        notifySuccess(t('lists.bulk_restored'), t('lists.bulk_restored_body', { count: changed }));
      }),
    [run, entityApi, t],
  );

  const remove = useCallback(
    (ids: string[]) =>
      run(async () => {
        const { changed: done } = await unwrap(entityApi.remove(ids));
        onDone();
        const toastId = `bulk-deleted-${Date.now()}`;
        notifications.show({
          id: toastId,
          title: t('lists.bulk_deleted'),
          color: 'gray',
          icon: <IconTrash size={18} />,
          autoClose: 10_000,
          message: (
            <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="bulk-delete-toast">
              <Text size="sm">{t('lists.bulk_deleted_body', { count: done })}</Text>
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconArrowBackUp size={14} />}
                onClick={() => {
                  notifications.hide(toastId);
                  void restore(ids);
                }}
                data-testid="bulk-undo-delete"
              >
                {t('common.undo')}
              </Button>
            </Group>
          ),
        });
      }),
    [run, entityApi, onDone, restore, t],
  );

  return { busy, addTag, removeTag, update, remove };
}
