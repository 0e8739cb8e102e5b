import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Popover,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { IconDots, IconLinkOff, IconPencil, IconStar, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactCompanyLink } from '../../../shared/contract';
import { notifyError } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { firstProblem } from './issues';
import { notifyWithUndo } from './undo-toast';

interface Props {
  link: ContactCompanyLink;
  /** Where the other side's page is. */
  to: string;
  icon: Icon;
  readOnly?: boolean;
  testId: string;
}

/** One contact–company link: the other side, its role, primary or not; role edit, make primary, unlink (with Undo). */
export function LinkRow({ link, to, icon: IconComponent, readOnly, testId }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState(link.role ?? '');
  const [error, setError] = useState<string | undefined>();

  const relink = (patch: { role?: string | null; isPrimary?: boolean }) =>
    unwrap(
      api.contacts.linkCompany({
        contactId: link.contactId,
        companyId: link.companyId,
        role: patch.role !== undefined ? patch.role : link.role,
        isPrimary: patch.isPrimary ?? link.isPrimary,
      }),
    );

  async function saveRole() {
    try {
      await relink({ role: role.trim() || null });
      setEditing(false);
    } catch (e) {
      setError(firstProblem(t, e));
    }
  }

  async function unlink() {
    try {
      await unwrap(api.contacts.unlinkCompany({ contactId: link.contactId, companyId: link.companyId }));
      notifyWithUndo({
        title: t('records.unlinked'),
        message: t('records.unlinked_body', { name: link.name }),
        undoneTitle: t('records.relinked'),
        undo: () => relink({}),
      });
    } catch (e) {
      notifyError(t('common.error'), errorText(t, e));
    }
  }

  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={testId}>
      <ThemeIcon variant="light" radius="xl" size={34} color={link.isPrimary ? 'indigo' : 'gray'}>
        <IconComponent size={17} />
      </ThemeIcon>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Anchor component={Link} to={to} fw={600} size="sm" truncate data-testid={`${testId}-name`}>
            {link.name}
          </Anchor>
          {link.isPrimary ? (
            <Badge size="xs" variant="light" radius="sm" tt="none" data-testid={`${testId}-primary`}>
              {t('records.primary')}
            </Badge>
          ) : null}
        </Group>
        <Popover opened={editing} onChange={setEditing} position="bottom-start" trapFocus withArrow shadow="md">
          <Popover.Target>
            <Text size="xs" c="dimmed" data-testid={`${testId}-role`}>
              {link.role || t('records.no_role')}
            </Text>
          </Popover.Target>
          <Popover.Dropdown>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void saveRole();
              }}
            >
              <Group gap="xs" align="flex-start">
                <TextInput
                  size="xs"
                  w={200}
                  label={t('records.role')}
                  value={role}
                  onChange={(e) => setRole(e.currentTarget.value)}
                  error={error}
                  data-autofocus
                />
                <Button size="xs" type="submit" mt={22}>
                  {t('records.save')}
                </Button>
              </Group>
            </form>
          </Popover.Dropdown>
        </Popover>
      </Stack>
      {readOnly ? null : (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('records.link_actions', { name: link.name })}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPencil size={14} />}
              onClick={() => {
                setRole(link.role ?? '');
                setError(undefined);
                setEditing(true);
              }}
            >
              {t('records.edit_role')}
            </Menu.Item>
            {!link.isPrimary ? (
              <Menu.Item
                leftSection={<IconStar size={14} />}
                onClick={() =>
                  void relink({ isPrimary: true }).catch((e: unknown) =>
                    notifyError(t('common.error'), errorText(t, e)),
                  )
                }
              >
                {t('records.make_primary')}
              </Menu.Item>
            ) : null}
            <Menu.Item color="red" leftSection={<IconLinkOff size={14} />} onClick={() => void unlink()}>
              {t('records.unlink')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
