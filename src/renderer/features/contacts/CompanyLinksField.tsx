import { ActionIcon, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CompanyPicker } from '../records/pickers/CompanyPicker';
import type { CompanyLinkRow } from './form-values';

interface Props {
  rows: CompanyLinkRow[];
  onChange: (rows: CompanyLinkRow[]) => void;
}

/** The companies a contact works at, each with a role; one is the primary one. */
export function CompanyLinksField({ rows, onChange }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<CompanyLinkRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const picked = rows.map((r) => r.companyId).filter(Boolean);
  return (
    <Stack gap="xs" data-testid="company-links">
      {rows.length === 0 ? (
        <Text size="sm" fw={500}>
          {t('records.companies')}
        </Text>
      ) : null}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <div style={{ flex: 3, minWidth: 0 }}>
              <CompanyPicker
                value={row.companyId ? { id: row.companyId, name: row.name } : null}
                onChange={(company) => update(index, { companyId: company?.id ?? '', name: company?.name ?? '' })}
                exclude={picked.filter((id) => id !== row.companyId)}
                testId={`company-link-${index}`}
                label={index === 0 ? t('records.company') : undefined}
                aria-label={t('records.company_n', { n })}
              />
            </div>
            <TextInput
              style={{ flex: 2 }}
              label={index === 0 ? t('records.role') : undefined}
              aria-label={t('records.role_n', { n })}
              placeholder={t('records.role_placeholder')}
              value={row.role}
              onChange={(e) => update(index, { role: e.currentTarget.value })}
              data-testid={`company-role-${index}`}
            />
            <Radio
              mt={index === 0 ? 32 : 8}
              checked={row.isPrimary}
              onChange={() => onChange(rows.map((r, i) => ({ ...r, isPrimary: i === index })))}
              label={t('records.primary')}
              aria-label={t('records.primary_n', { n })}
            />
            <ActionIcon
              mt={index === 0 ? 26 : 2}
              variant="subtle"
              color="gray"
              size={36}
              onClick={() => {
                const next = rows.filter((_, i) => i !== index);
                if (row.isPrimary && next[0]) next[0] = { ...next[0], isPrimary: true };
                onChange(next);
              }}
              aria-label={t('records.remove_company_n', { n })}
            >
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rows, { companyId: '', name: '', role: '', isPrimary: rows.length === 0 }])}
        data-testid="add-company-link"
      >
        {t('records.add_company_link')}
      </Button>
    </Stack>
  );
}
