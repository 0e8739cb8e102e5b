import { useTranslation } from 'react-i18next';
import { BackLink } from '../contacts/BackLink';

export function CompanyBackLink({ to, label }: { to?: string; label?: string | undefined }) {
  const { t } = useTranslation();
  return <BackLink to={to ?? '/companies'} label={label ?? t('records.back_to_companies')} />;
}
