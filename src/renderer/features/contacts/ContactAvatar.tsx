import { Avatar, type MantineSize } from '@mantine/core';

/** Initials on a colour derived from the name, so a person keeps the same colour everywhere. */
export function ContactAvatar({ name, size = 'md' }: { name: string; size?: MantineSize | number }) {
  return <Avatar name={name} color="initials" size={size} radius="xl" alt="" />;
}
