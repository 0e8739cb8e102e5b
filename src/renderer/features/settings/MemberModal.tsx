import { Alert, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type Member, type MethodInput } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { refreshWorkspace, useWorkspace } from '../members/workspace-store';
import { FormActions } from '../records/RecordFormParts';
import { useRecordForm } from '../records/use-record-form';

type Role = (typeof MEMBER_ROLES)[number];
interface Values {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
}

/** Adds a member, or edits one (name, email, role, team). */
export function MemberModal({
  member,
  opened,
  onClose,
}: {
  member: Member | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={member ? t('members.edit_title', { name: member.name }) : t('members.add')}
    >
      <MemberForm member={member} onDone={onClose} />
    </FormModal>
  );
}

function MemberForm({ member, onDone }: { member: Member | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { teams } = useWorkspace();
  const form = useRecordForm<Values>(
    {
      name: member?.name ?? '',
      email: member?.email ?? '',
      role: member?.role ?? 'member',
      teamId: member?.teamId ?? null,
    },
    (key) => ['name', 'email', 'role', 'teamId'].includes(key),
  );
  const { values, errors, set } = form;

  const prepare = (v: Values) => {
    const common = { name: v.name, email: v.email.trim() || null, role: v.role, teamId: v.teamId };
    return { input: member ? { id: member.id, ...common } : common, rows: {} };
  };
  async function save(input: MethodInput<'members.create'> | MethodInput<'members.update'>) {
    if ('id' in input) await unwrap(api.members.update(input));
    else await unwrap(api.members.create(input as MethodInput<'members.create'>));
    await refreshWorkspace();
    onDone();
  }

  return (
    <form onSubmit={(e) => void form.submit(e, prepare, save)} noValidate data-testid="member-form">
      <Stack gap="md">
        {form.general.length ? <Alert color="red">{form.general.join(' ')}</Alert> : null}
        <TextInput
          label={t('members.name')}
          required
          data-autofocus
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-testid="member-name"
        />
        <TextInput
          label={t('members.email')}
          type="email"
          value={values.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.email}
          data-testid="member-email"
        />
        <Group grow>
          <Select
            label={t('members.role')}
            data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`members.role.${r}`) }))}
            value={values.role}
            onChange={(v) => set('role', (v as Role | null) ?? 'member')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('members.team')}
            placeholder={t('members.no_team')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={values.teamId}
            onChange={(v) => set('teamId', v)}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <FormActions
          onCancel={onDone}
          saving={form.saving}
          submitLabel={member ? t('records.save') : t('members.add')}
          submitTestId="member-save"
        />
      </Stack>
    </form>
  );
}
