import { Avatar, Menu, Modal, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconSettings, IconSwitchHorizontal, IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChooseMember, WhoAreYouPrompt } from './WhoAreYou';
import { useWorkspace } from './workspace-store';

/** Who is using the app here (top bar), with a way to switch person; hosts the first-run prompt. */
export function CurrentMemberMenu() {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const [switching, setSwitching] = useState(false);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={240}>
        <Menu.Target>
          <Tooltip label={current ? current.name : t('members.who_are_you')} withArrow>
            <UnstyledButton aria-label={t('members.current_menu')} data-testid="current-member">
              {current ? (
                <Avatar name={current.name} color="initials" radius="xl" size={34} />
              ) : (
                <Avatar radius="xl" size={34}>
                  <IconUserQuestion size={18} />
                </Avatar>
              )}
            </UnstyledButton>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{current ? t('members.signed_as') : t('members.nobody_yet')}</Menu.Label>
          {current ? (
            <Text size="sm" fw={600} px="sm" pb="xs">
              {current.name}
            </Text>
          ) : null}
          <Menu.Item leftSection={<IconSwitchHorizontal size={14} />} onClick={() => setSwitching(true)}>
            {current ? t('members.switch') : t('members.who_are_you')}
          </Menu.Item>
          <Menu.Item leftSection={<IconSettings size={14} />} component={Link} to="/settings/members">
            {t('members.manage')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={switching}
        onClose={() => setSwitching(false)}
        title={<Text fw={650}>{t('members.who_are_you')}</Text>}
        centered
        radius="lg"
        size="sm"
      >
        <Text size="sm" c="dimmed" mb="md">
          {t('members.who_are_you_body')}
        </Text>
        {switching ? <ChooseMember onDone={() => setSwitching(false)} /> : null}
      </Modal>
      <WhoAreYouPrompt />
    </>
  );
}
