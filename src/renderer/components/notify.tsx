import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Toasts in one place, so every screen reports success and failure the same way. */
export function notifySuccess(title: string, message: ReactNode, id?: string): void {
  notifications.show({ id, title, message, color: 'teal', icon: <IconCheck size={18} />, autoClose: 4000 });
}

export function notifyError(title: string, message: ReactNode): void {
  notifications.show({ title, message, color: 'red', icon: <IconAlertCircle size={18} />, autoClose: 7000 });
}
