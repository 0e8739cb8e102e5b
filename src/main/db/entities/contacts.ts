import { contacts } from '../../../../db/schema';
import { contactDisplayName, contactSortName, type ContactNameParts } from '../../../shared/domain/contact';
import { phoneSearchTerms } from '../../../shared/domain/phone';
import type { EntityDef, Row } from './types';

type Labeled = { value: string; label?: string };

function nameParts(row: Row): ContactNameParts {
  return row as unknown as ContactNameParts;
}

export const contactEntity: EntityDef = {
  table: contacts,
  localFields: ['nameSort'],
  derive: (row) => ({ nameSort: contactSortName(nameParts(row)) }),
  searchType: 'contact',
  searchDoc(row) {
    const emails = (row.emails as Labeled[] | undefined) ?? [];
    const phones = (row.phones as Labeled[] | undefined) ?? [];
    const subtitle = [row.jobTitle, emails[0]?.value].filter(Boolean).join(' · ');
    // The tokenizer splits emails at "." and "@" already, so "garcia" finds jose.garcia@x.com.
    const body = [
      ...emails.map((e) => e.value),
      ...phones.flatMap((p) => phoneSearchTerms(p.value)),
      row.jobTitle,
      row.department,
    ]
      .filter(Boolean)
      .join(' ');
    return { title: contactDisplayName(nameParts(row)), subtitle, body };
  },
};
