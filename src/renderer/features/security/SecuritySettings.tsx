import { Stack } from '@mantine/core';
import { BackupsCard } from './BackupsCard';
import { WorkspaceSecurity } from './WorkspaceSecurity';

/** The data-safety part of Settings › General: encryption at rest, then backups and restore. */
export function SecuritySettings() {
  return (
    <Stack gap="lg" mt="lg">
      <WorkspaceSecurity />
      <BackupsCard />
    </Stack>
  );
}
