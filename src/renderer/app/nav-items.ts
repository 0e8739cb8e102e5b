import {
  IconAddressBook,
  IconBuilding,
  IconCalendarEvent,
  IconChartBar,
  IconFileImport,
  IconFileDescription,
  IconHome,
  IconPackage,
  IconReceipt,
  IconSettings,
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
  { to: '/reports', label: 'nav.reports', icon: IconChartBar },
  { to: '/import', label: 'nav.import', icon: IconFileImport },
];

export const SETTINGS_ITEM: NavItem = { to: '/settings', label: 'nav.settings', icon: IconSettings };
