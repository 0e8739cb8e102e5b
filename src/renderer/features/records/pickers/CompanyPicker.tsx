import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { RemotePicker, type Picked } from './RemotePicker';

interface Props {
  label?: string;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  /** Ids not to offer (the company itself when picking its parent). */
  exclude?: string[];
  error?: string | undefined;
  description?: string;
  testId?: string;
  'aria-label'?: string;
  autoFocus?: boolean;
  required?: boolean;
}

/** Pick a company by typing part of its name or domain. */
export function CompanyPicker({ exclude = [], ...props }: Props) {
  const { t } = useTranslation();
  const search = async (query: string): Promise<Picked[]> => {
    const page = await unwrap(api.companies.list({ ...(query ? { query } : {}), limit: 12 }));
    return page.items.filter((c) => !exclude.includes(c.id)).map((c) => ({ id: c.id, name: c.name }));
  };
  return (
    <RemotePicker
      placeholder={t('records.pick_company')}
      nothingFound={t('records.no_company_found')}
      leftSection={<IconBuilding size={16} />}
      search={search}
      {...props}
    />
  );
}
