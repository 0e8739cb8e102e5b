import { IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { RemotePicker, type Picked } from './RemotePicker';

interface Props {
  label?: string;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  exclude?: string[];
  error?: string | undefined;
  testId?: string;
  'aria-label'?: string;
  autoFocus?: boolean;
}

/** Pick a contact by typing part of a name, an email or phone digits. */
export function ContactPicker({ exclude = [], ...props }: Props) {
  const { t } = useTranslation();
  const search = async (query: string): Promise<Picked[]> => {
    const page = await unwrap(api.contacts.list({ ...(query ? { query } : {}), limit: 12 }));
    return page.items.filter((c) => !exclude.includes(c.id)).map((c) => ({ id: c.id, name: c.displayName }));
  };
  return (
    <RemotePicker
      placeholder={t('records.pick_contact')}
      nothingFound={t('records.no_contact_found')}
      leftSection={<IconUser size={16} />}
      search={search}
      {...props}
    />
  );
}
