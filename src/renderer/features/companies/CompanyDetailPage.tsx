import { RecordComms } from '../activities/RecordComms';
import { Anchor, Avatar, Grid, Group, Stack, Text } from '@mantine/core';
import { IconBuildingOff, IconMail, IconPhone, IconWorld } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { ActivityType, MethodInput } from '../../../shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { formatPhone } from '../../lib/phone';
import { ContactInfoRow, EmptyLine } from '../contacts/ContactInfoRow';
import { labelText } from '../contacts/labels';
import { CustomFieldsCard } from '../custom-fields/CustomFieldsCard';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { ExportBookButton } from '../import/ExportBookButton';
import { LogActivityModal } from '../records/LogActivityModal';
import { MoreDetailsCard } from '../records/MoreDetailsCard';
import { OpenTasksCard } from '../records/OpenTasksCard';
import { RecordHeaderCard } from '../records/RecordHeaderCard';
import { RecordMeta } from '../records/RecordMeta';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';
import { Timeline } from '../timeline/Timeline';
import { CompanyAboutCard } from './CompanyAboutCard';
import { CompanyBackLink } from './CompanyBackLink';
import { CompanyContactsCard } from './CompanyContactsCard';
import { CompanyFamilyCard } from './CompanyFamilyCard';
import { LoyaltyCard } from '../loyalty/LoyaltyCard';
import { useCompany } from './use-company';
import { useCompanyActions } from './use-company-actions';
import { CrossSellPanel } from '../quotes/CrossSellPanel';

/** The 360° view of a company (account): facts and actions, its people and family, tasks and one timeline. */
export function CompanyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { company, loading } = useCompany(id);
  const { remove, restore } = useCompanyActions();
  const fields = useCustomFields('companies');
  const [logging, setLogging] = useState<ActivityType | null>(null);
  const parentId = company?.parentId ?? null;
  const parent = useLive(
    parentId ? () => unwrap(api.companies.get({ id: parentId })) : null,
    ['companies'],
    parentId ?? '',
  );

  useEffect(() => {
    if (id) void api.recent.add({ entity: 'companies', id });
  }, [id]);

  if (loading && !company) return <LoadingState />;
  if (company && company.id !== id) return <Navigate to={`/companies/${company.id}`} replace />;
  if (!company) {
    return (
      <Stack>
        <CompanyBackLink />
        <EmptyState
          icon={IconBuildingOff}
          color="gray"
          title={t('records.company_not_found')}
          body={t('records.company_not_found_body')}
          testId="company-not-found"
        />
      </Stack>
    );
  }

  const save = async (patch: Omit<MethodInput<'companies.update'>, 'id'>) => {
    await unwrap(api.companies.update({ id: company.id, ...patch }));
  };
  const readOnly = company.deleted;
  const facts = [company.industry, company.type ? t(`records.company_type.${company.type}`) : null].filter(Boolean);

  return (
    <Stack gap="lg" maw={1280} data-testid="company-detail">
      <CompanyBackLink />
      <RecordHeaderCard
        entity="companies"
        kind="company"
        record={company}
        avatar={<Avatar name={company.name} color="initials" size={72} radius="lg" />}
        title={company.name}
        subtitle={
          <Group gap="md" c="dimmed">
            {company.domain ? (
              <Anchor href={`https://${company.domain}`} target="_blank" rel="noreferrer" size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconWorld size={14} />
                  {company.domain}
                </Group>
              </Anchor>
            ) : null}
            {facts.length ? <Text size="sm">{facts.join(' · ')}</Text> : null}
            {parent.data ? (
              <Text size="sm" data-testid="company-parent-line">
                {t('records.subsidiary_of')}{' '}
                <Anchor component={Link} to={`/companies/${parent.data.id}`} inherit>
                  {parent.data.name}
                </Anchor>
              </Text>
            ) : null}
          </Group>
        }
        trashNotice={t('records.company_in_trash_notice')}
        onRestore={() => void restore(company)}
        onDelete={() => {
          void remove(company).then((ok) => ok && navigate('/companies'));
        }}
        onLogActivity={() => setLogging('call')}
        actions={<ExportBookButton companyId={company.id} name={company.name} />}
      />
      <RecordComms
        entityType="companies"
        entityId={company.id}
        name={company.name}
        email={company.emails[0]?.value ?? null}
        phone={company.phones[0]?.value ?? null}
        readOnly={company.deleted}
      />

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <CompanyAboutCard company={company} save={save} readOnly={readOnly} />
            <SectionCard title={t('contacts.section_reach')}>
              <Stack gap="sm" data-testid="company-emails">
                {company.emails.length ? (
                  company.emails.map((e) => (
                    <ContactInfoRow
                      key={e.value}
                      icon={IconMail}
                      value={e.value}
                      href={`mailto:${e.value}`}
                      label={labelText(t, e.label)}
                      title={t('contacts.send_email', { value: e.value })}
                    />
                  ))
                ) : (
                  <EmptyLine>{t('contacts.no_emails')}</EmptyLine>
                )}
              </Stack>
              <Stack gap="sm" mt="md" data-testid="company-phones">
                {company.phones.length ? (
                  company.phones.map((p) => (
                    <ContactInfoRow
                      key={p.value}
                      icon={IconPhone}
                      value={formatPhone(p.value)}
                      href={`tel:${p.value}`}
                      label={labelText(t, p.label)}
                      title={t('contacts.call', { value: p.value })}
                    />
                  ))
                ) : (
                  <EmptyLine>{t('contacts.no_phones')}</EmptyLine>
                )}
              </Stack>
            </SectionCard>
            <CustomFieldsCard
              entity="companies"
              fields={fields.data ?? []}
              custom={company.custom}
              readOnly={readOnly}
              save={(custom) => save({ custom })}
            />
            <MoreDetailsCard addresses={company.addresses} social={company.social} />
            <RecordMeta {...company} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <CompanyContactsCard companyId={company.id} readOnly={readOnly} />
            <CompanyFamilyCard company={company} readOnly={readOnly} />
            <LoyaltyCard companyId={company.id} />
            <OpenTasksCard entityId={company.id} onAddTask={readOnly ? undefined : () => setLogging('task')} />
            <CrossSellPanel companyId={company.id} />
            <Timeline entity="companies" id={company.id} readOnly={readOnly} />
          </Stack>
        </Grid.Col>
      </Grid>
      <LogActivityModal
        opened={logging !== null}
        onClose={() => setLogging(null)}
        initialType={logging ?? 'call'}
        link={{ entityType: 'companies', entityId: company.id }}
      />
    </Stack>
  );
}
