/** Badge colours of ticket states, shared by the list, the ticket page and timelines. */
export const STATUS_COLORS: Record<string, string> = {
  new: 'blue',
  open: 'indigo',
  pending: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};

export const PRIORITY_COLORS: Record<string, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const SLA_COLORS: Record<string, string> = { none: 'gray', pending: 'blue', met: 'teal', breached: 'red' };
