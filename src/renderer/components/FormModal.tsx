import { Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A centred modal around a form; the form is mounted only while open, so each opening starts afresh. */
export function FormModal({
  opened,
  onClose,
  title,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} centered radius="lg" title={<Text fw={650}>{title}</Text>}>
      {opened ? children : null}
    </Modal>
  );
}
