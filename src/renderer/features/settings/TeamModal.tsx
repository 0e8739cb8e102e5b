import { Alert, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodInput, Team } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { refreshWorkspace } from '../members/workspace-store';
import { MemberSelect } from '../records/pickers/MemberSelect';
import { FormActions } from '../records/RecordFormParts';
import { useRecordForm } from '../records/use-record-form';

interface Values {
  name: string;
  managerId: string | null;
  region: string;
}

/** Adds or edits a team: its name, manager and region or office. */
export function TeamModal({ team, opened, onClose }: { team: Team | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={team ? t('members.edit_team', { name: team.name }) : t('members.add_team')}
    >
      <TeamForm team={team} onDone={onClose} />
    </FormModal>
  );
}

function TeamForm({ team, onDone }: { team: Team | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useRecordForm<Values>(
    { name: team?.name ?? '', managerId: team?.managerId ?? null, region: team?.region ?? '' },
    (key) => ['name', 'managerId', 'region'].includes(key),
  );
  const { values, errors, set } = form;
  const prepare = (v: Values) => {
    const common = { name: v.name, managerId: v.managerId, region: v.region.trim() || null };
    return { input: team ? { id: team.id, ...common } : common, rows: {} };
  };
  async function save(input: MethodInput<'teams.create'> | MethodInput<'teams.update'>) {
    if ('id' in input) await unwrap(api.teams.update(input));
    else await unwrap(api.teams.create(input as MethodInput<'teams.create'>));
    await refreshWorkspace();
    onDone();
  }
  return (
    <form onSubmit={(e) => void form.submit(e, prepare, save)} noValidate data-testid="team-form">
      <Stack gap="md">
        {form.general.length ? <Alert color="red">{form.general.join(' ')}</Alert> : null}
        <TextInput
          label={t('members.team_name')}
          required
          data-autofocus
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-testid="team-name"
        />
        <MemberSelect
          label={t('members.manager')}
          placeholder={t('members.no_manager')}
          value={values.managerId}
          onChange={(v) => set('managerId', v)}
          error={errors.managerId}
        />
        <TextInput
          label={t('members.region')}
          placeholder={t('members.region_placeholder')}
          value={values.region}
          onChange={(e) => set('region', e.currentTarget.value)}
          error={errors.region}
        />
        <FormActions
          onCancel={onDone}
          saving={form.saving}
          submitLabel={team ? t('records.save') : t('members.add_team')}
          submitTestId="team-save"
        />
      </Stack>
    </form>
  );
}
