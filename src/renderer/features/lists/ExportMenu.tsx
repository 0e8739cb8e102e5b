import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/notify';
import { errorText } from '../../lib/error-text';
import { downloadExport } from '../import/download';
import type { ListFilterInput, RecordEntity } from './types';

type Choice = 'csv' | 'csv_excel' | 'xlsx';
const CHOICES: Choice[] = ['csv', 'csv_excel', 'xlsx'];

/**
 * Exports the list as it is filtered now (a saved view, words, filter builder, quick filter):
 * every matching record, not only the rows loaded on screen, as CSV or XLSX.
 */
export function ExportMenu({ entity, input }: { entity: RecordEntity; input: ListFilterInput | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function run(choice: Choice) {
    if (!input) return;
    setBusy(true);
    try {
      const { count } = await downloadExport({
        ...input,
        entity,
        format: choice === 'xlsx' ? 'xlsx' : 'csv',
        ...(choice === 'csv_excel' ? { bom: true } : {}),
      });
      notifySuccess(t('lists.exported'), t('lists.export_list_done', { count }));
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={busy}
          disabled={!input}
          data-testid="list-export"
        >
          {t('lists.export_list')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('lists.export_list_hint')}</Menu.Label>
        {CHOICES.map((choice) => (
          <Menu.Item key={choice} onClick={() => void run(choice)} data-testid={`list-export-${choice}`}>
            {t(`lists.export_as.${choice}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
