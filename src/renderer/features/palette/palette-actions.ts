import {
  IconAddressBook,
  IconBuilding,
  IconBuildingPlus,
  IconCopyCheck,
  IconHome,
  IconSettings,
  IconTrash,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';
import type { SearchHit, SearchType } from '../../../shared/contract';

export interface PaletteAction {
  id: string;
  /** recordsEn key of its label. */
  label:
    | 'palette.go_home'
    | 'palette.go_contacts'
    | 'palette.go_companies'
    | 'palette.go_settings'
    | 'palette.go_duplicates'
    | 'palette.go_trash'
    | 'palette.new_contact'
    | 'palette.new_company';
  to: string;
  icon: Icon;
}

/** Navigation and creation, reachable by typing their name. */
export const PALETTE_ACTIONS: PaletteAction[] = [
  { id: 'new-contact', label: 'palette.new_contact', to: '/contacts/new', icon: IconUserPlus },
  { id: 'new-company', label: 'palette.new_company', to: '/companies/new', icon: IconBuildingPlus },
  { id: 'go-contacts', label: 'palette.go_contacts', to: '/contacts', icon: IconAddressBook },
  { id: 'go-companies', label: 'palette.go_companies', to: '/companies', icon: IconBuilding },
  { id: 'go-duplicates', label: 'palette.go_duplicates', to: '/duplicates', icon: IconCopyCheck },
  { id: 'go-trash', label: 'palette.go_trash', to: '/trash', icon: IconTrash },
  { id: 'go-settings', label: 'palette.go_settings', to: '/settings', icon: IconSettings },
  { id: 'go-home', label: 'palette.go_home', to: '/', icon: IconHome },
];

/** The order result groups are shown in. */
export const TYPE_ORDER: SearchType[] = [
  'contact',
  'company',
  'deal',
  'ticket',
  'campaign',
  'kb_article',
  'activity',
  'note',
];

/** Where a search hit opens: contacts and companies have their own pages; the others open their section. */
export function paletteRoute(hit: SearchHit): string {
  switch (hit.type) {
    case 'contact':
      return `/contacts/${hit.id}`;
    case 'company':
      return `/companies/${hit.id}`;
    case 'deal':
      return '/deals';
    case 'activity':
    case 'note':
      return '/activities';
    case 'ticket':
      return `/tickets/${hit.id}`;
    case 'kb_article':
      return `/knowledge-base?article=${hit.id}`;
    case 'campaign':
      return `/campaigns/${hit.id}`;
  }
}

export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
