import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconDots,
  IconMapPin,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUserCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type Member, type Team } from '../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { refreshWorkspace, useWorkspace } from '../members/workspace-store';
import { ConfirmModal } from '../records/ConfirmModal';
import { MemberModal } from './MemberModal';
import { TeamModal } from './TeamModal';

type Role = (typeof MEMBER_ROLES)[number];
const ROLE_COLORS: Record<Role, string> = { owner: 'grape', admin: 'indigo', member: 'gray' };

/** The people of the workspace (role, team, active) and its teams (manager, region). */
export function MembersSettings() {
  const { t } = useTranslation();
  const { members, teams, current } = useWorkspace();
  const [showInactive, setShowInactive] = useState(false);
  const [editingMember, setEditingMember] = useState<Member | 'new' | null>(null);
  const [editingTeam, setEditingTeam] = useState<Team | 'new' | null>(null);
  const [deletingTeam, setDeletingTeam] = useState<Team | null>(null);

  const shown = members.filter((m) => showInactive || m.active);
  const inactiveCount = members.filter((m) => !m.active).length;

  async function change(member: Member, patch: { role?: Role; teamId?: string | null; active?: boolean }) {
    try {
      await unwrap(api.members.update({ id: member.id, ...patch }));
      await refreshWorkspace();
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  async function choose(member: Member) {
    try {
      await unwrap(api.members.setCurrent({ id: member.id }));
      await refreshWorkspace();
      notifySuccess(t('members.you_are_now'), member.name);
    } catch (error) {
      notifyError(t('common.error'), errorText(t, error));
    }
  }

  return (
    <Stack gap="lg">
      <Card p="xl" data-testid="members-card">
        <Group justify="space-between" mb="md">
          <div>
            <Title order={5}>{t('members.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('members.subtitle')}
            </Text>
          </div>
          <Group gap="sm">
            {inactiveCount ? (
              <Switch
                size="sm"
                label={t('members.show_inactive', { count: inactiveCount })}
                checked={showInactive}
                onChange={(e) => setShowInactive(e.currentTarget.checked)}
              />
            ) : null}
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditingMember('new')}
              data-testid="add-member"
            >
              {t('members.add')}
            </Button>
          </Group>
        </Group>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            {t('members.none')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" highlightOnHover data-testid="members-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.name')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('members.team')}</Table.Th>
                <Table.Th>{t('members.active')}</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => (
                <Table.Tr key={m.id} data-testid="member-row" style={m.active ? undefined : { opacity: 0.6 }}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <Avatar name={m.name} color="initials" radius="xl" size={34} />
                      <Stack gap={0}>
                        <Group gap={6}>
                          <Text size="sm" fw={600}>
                            {m.name}
                          </Text>
                          {m.id === current?.id ? (
                            <Badge size="xs" radius="sm" tt="none" data-testid="member-you">
                              {t('members.you')}
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {m.email ?? '—'}
                        </Text>
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={130}
                      variant="filled"
                      data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`members.role.${r}`) }))}
                      value={m.role}
                      onChange={(v) => v && void change(m, { role: v as Role })}
                      allowDeselect={false}
                      aria-label={t('members.role_of', { name: m.name })}
                      leftSection={<Badge size="xs" circle color={ROLE_COLORS[m.role]} variant="filled" />}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={170}
                      variant="filled"
                      placeholder={t('members.no_team')}
                      data={teams.map((team) => ({ value: team.id, label: team.name }))}
                      value={m.teamId}
                      onChange={(v) => void change(m, { teamId: v })}
                      clearable
                      aria-label={t('members.team_of', { name: m.name })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={m.active}
                      onChange={(e) => void change(m, { active: e.currentTarget.checked })}
                      aria-label={t('members.active_of', { name: m.name })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('members.actions_of', { name: m.name })}
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditingMember(m)}>
                          {t('common.edit')}
                        </Menu.Item>
                        {m.id !== current?.id && m.active ? (
                          <Menu.Item leftSection={<IconUserCheck size={14} />} onClick={() => void choose(m)}>
                            {t('members.this_is_me')}
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card p="xl" data-testid="teams-card">
        <Group justify="space-between" mb="md">
          <div>
            <Title order={5}>{t('members.teams')}</Title>
            <Text size="sm" c="dimmed">
              {t('members.teams_subtitle')}
            </Text>
          </div>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditingTeam('new')}
            data-testid="add-team"
          >
            {t('members.add_team')}
          </Button>
        </Group>
        {teams.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            {t('members.no_teams')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {teams.map((team) => {
              const manager = members.find((m) => m.id === team.managerId);
              const count = members.filter((m) => m.teamId === team.id && m.active).length;
              return (
                <Card key={team.id} withBorder p="md" radius="md" data-testid="team-card">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Group gap="sm" wrap="nowrap">
                      <Avatar color="indigo" radius="md">
                        <IconUsersGroup size={20} />
                      </Avatar>
                      <Stack gap={0}>
                        <Text fw={600} size="sm">
                          {team.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('members.member_count', { count })}
                        </Text>
                      </Stack>
                    </Group>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('members.team_actions', { name: team.name })}
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditingTeam(team)}>
                          {t('common.edit')}
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => setDeletingTeam(team)}
                        >
                          {t('common.delete')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                  <Stack gap={4} mt="sm">
                    <Text size="xs" c="dimmed">
                      {t('members.manager')}:{' '}
                      <Text span size="xs" c="var(--mantine-color-text)">
                        {manager?.name ?? '—'}
                      </Text>
                    </Text>
                    {team.region ? (
                      <Group gap={4} c="dimmed">
                        <IconMapPin size={12} />
                        <Text size="xs">{team.region}</Text>
                      </Group>
                    ) : null}
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </Card>
      <MemberModal
        opened={editingMember !== null}
        member={editingMember === 'new' ? null : editingMember}
        onClose={() => setEditingMember(null)}
      />
      <TeamModal
        opened={editingTeam !== null}
        team={editingTeam === 'new' ? null : editingTeam}
        onClose={() => setEditingTeam(null)}
      />
      <ConfirmModal
        opened={deletingTeam !== null}
        onClose={() => setDeletingTeam(null)}
        title={t('members.delete_team_title', { name: deletingTeam?.name ?? '' })}
        body={t('members.delete_team_body')}
        confirmLabel={t('common.delete')}
        danger
        onConfirm={async () => {
          if (!deletingTeam) return;
          try {
            await unwrap(api.teams.delete({ id: deletingTeam.id }));
            await refreshWorkspace();
          } catch (error) {
            notifyError(t('common.error'), errorText(t, error));
          }
        }}
      />
    </Stack>
  );
}
