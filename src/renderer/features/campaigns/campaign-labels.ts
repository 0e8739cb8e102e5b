/** Badge colours of campaign and member states. */
export const STATUS_COLORS: Record<string, string> = {
  planned: 'gray',
  active: 'blue',
  paused: 'yellow',
  completed: 'teal',
  cancelled: 'red',
};

export const MEMBER_COLORS: Record<string, string> = {
  targeted: 'gray',
  sent: 'blue',
  responded: 'indigo',
  converted: 'teal',
  opted_out: 'red',
};
