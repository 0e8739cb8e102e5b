import {
  IconAddressBook,
  IconBook,
  IconBuilding,
  IconCalendarEvent,
  IconAward,
  IconChartBar,
  IconChartPie,
  IconFileImport,
  IconFileDescription,
  IconHome,
  IconLifebuoy,
  IconPackage,
  IconReceipt,
  IconSettings,
  IconSpeakerphone,
  IconTargetArrow,
  type Icon,
} from '@tabler/icons-react';
import type { UiKey } from '../i18n/en';

export interface NavItem {
  to: string;
  label: UiKey;
  icon: Icon;
}

/** The sidebar, in order; later issues fill the sections that show a placeholder today. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome },
  { to: '/contacts', label: 'nav.contacts', icon: IconAddressBook },
  { to: '/companies', label: 'nav.companies', icon: IconBuilding },
  { to: '/deals', label: 'nav.deals', icon: IconTargetArrow },
  { to: '/products', label: 'nav.products', icon: IconPackage },
  { to: '/quotes', label: 'nav.quotes', icon: IconFileDescription },
  { to: '/invoices', label: 'nav.invoices', icon: IconReceipt },
  { to: '/activities', label: 'nav.activities', icon: IconCalendarEvent },
  { to: '/tickets', label: 'nav.tickets', icon: IconLifebuoy },
  { to: '/knowledge-base', label: 'nav.knowledge_base', icon: IconBook },
  { to: '/campaigns', label: 'nav.campaigns', icon: IconSpeakerphone },
  { to: '/reports', label: 'nav.reports', icon: IconChartBar },
  { to: '/segments', label: 'nav.segments', icon: IconChartPie },
  { to: '/loyalty', label: 'nav.loyalty', icon: IconAward },
  { to: '/import', label: 'nav.import', icon: IconFileImport },
];

export const SETTINGS_ITEM: NavItem = { to: '/settings', label: 'nav.settings', icon: IconSettings };
