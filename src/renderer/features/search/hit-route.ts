import type { SearchHit } from '../../../shared/contract';

/** Where a search hit opens. Only contacts have screens yet; the others open their section. */
export function hitRoute(hit: SearchHit): string {
  switch (hit.type) {
    case 'contact':
      return `/contacts/${hit.id}`;
    case 'company':
      return '/companies';
    case 'deal':
      return '/deals';
    case 'activity':
    case 'note':
      return '/activities';
  }
}
