import { Alert, Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../lib/api';
import { setViewedBook, useViewedBook } from '../../lib/book-view';

/**
 * Shown above every screen while the window shows a client book read-only: whose book it is, and
 * the way back to the own workspace (which closes the book).
 */
export function ViewedBookBanner() {
  const { t } = useTranslation();
  const book = useViewedBook();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  if (!book) return null;

  const back = async () => {
    setLeaving(true);
    // Back to the workspace first, so nothing more is asked of the book while it closes.
    setViewedBook(null);
    try {
      await api.import.closeBook({ bookId: book.bookId });
    } finally {
      setLeaving(false);
      void navigate('/import');
    }
  };

  return (
    <Alert color="yellow" variant="light" icon={<IconLock size={18} />} mb="md" data-testid="book-view-banner">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {t('import.book_view_banner', { name: book.name })}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowBackUp size={14} />}
          loading={leaving}
          onClick={() => void back()}
          data-testid="book-view-close"
        >
          {t('import.book_view_back')}
        </Button>
      </Group>
    </Alert>
  );
}
