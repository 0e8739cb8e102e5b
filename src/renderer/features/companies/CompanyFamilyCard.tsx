import { Anchor, Button, Divider, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuilding, IconBuildingSkyscraper, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { SectionCard } from '../records/SectionCard';
import { useLive } from '../records/use-live';

function CompanyLine({ company, testId }: { company: Pick<Company, 'id' | 'name' | 'domain'>; testId: string }) {
  return (
    <Group gap="sm" wrap="nowrap" data-testid={testId}>
      <ThemeIcon variant="light" color="gray" radius="xl" size={30}>
        <IconBuilding size={15} />
      </ThemeIcon>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/companies/${company.id}`} size="sm" fw={600} truncate>
          {company.name}
        </Anchor>
        {company.domain ? (
          <Text size="xs" c="dimmed" truncate>
            {company.domain}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}

/** The corporate family, both ways: the parent company above, the subsidiaries below. */
export function CompanyFamilyCard({ company, readOnly }: { company: Company; readOnly?: boolean }) {
  const { t } = useTranslation();
  const parentId = company.parentId;
  const parent = useLive(
    parentId ? () => unwrap(api.companies.get({ id: parentId })) : null,
    ['companies'],
    parentId ?? '',
  );
  const subsidiaries = useLive(
    async () => (await unwrap(api.companies.list({ parentId: company.id, limit: 100 }))).items,
    ['companies'],
    company.id,
  );
  const subs = subsidiaries.data ?? [];
  return (
    <SectionCard
      title={t('records.family')}
      count={subs.length + (parentId ? 1 : 0)}
      testId="company-family"
      actions={
        readOnly ? null : (
          <Button
            size="compact-sm"
            variant="subtle"
            component={Link}
            to={`/companies/new?parent=${company.id}`}
            leftSection={<IconPlus size={14} />}
            data-testid="add-subsidiary"
          >
            {t('records.add_subsidiary')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed" fw={600}>
          {t('records.parent_company')}
        </Text>
        {parent.data ? (
          <CompanyLine company={parent.data} testId="company-parent" />
        ) : (
          <Group gap="xs" c="dimmed">
            <IconBuildingSkyscraper size={16} />
            <Text size="sm">{t('records.no_parent')}</Text>
          </Group>
        )}
        <Divider my={4} />
        <Text size="xs" c="dimmed" fw={600}>
          {t('records.subsidiaries')}
        </Text>
        {subs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('records.no_subsidiaries')}
          </Text>
        ) : (
          subs.map((s) => <CompanyLine key={s.id} company={s} testId="company-subsidiary" />)
        )}
      </Stack>
    </SectionCard>
  );
}
