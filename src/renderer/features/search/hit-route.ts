import type { SearchHit } from '../../../shared/contract';

/** Where a search hit opens. Contacts and companies have their own pages; the others open their section. */
export function hitRoute(hit: SearchHit): string {
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
