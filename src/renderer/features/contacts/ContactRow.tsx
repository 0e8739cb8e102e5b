import { memo } from 'react';
import type { Contact } from '../../../shared/contract';
import type { Column } from './columns';
import classes from './ContactsTable.module.css';

interface Props {
  contact: Contact;
  columns: Column[];
  index: number;
  top: number;
  height: number;
  onOpen: (contact: Contact) => void;
}

/**
 * One row of the virtual grid. Memoised: while scrolling only the rows that come into view
 * render, not every row already on screen.
 */
export const ContactRow = memo(function ContactRow({ contact, columns, index, top, height, onOpen }: Props) {
  return (
    <div
      role="row"
      tabIndex={0}
      aria-rowindex={index + 2}
      className={classes.row}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onOpen(contact)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(contact);
      }}
      data-testid="contact-row"
      data-contact-id={contact.id}
    >
      {columns.map((column) => (
        <div key={column.id} role="cell" className={classes.cell}>
          {column.render(contact)}
        </div>
      ))}
    </div>
  );
});
