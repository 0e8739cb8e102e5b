import { Button, Stack, Text } from '@mantine/core';
import { IconLink, type Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactCompanyLink } from '../../../shared/contract';
import { LinkModal } from './LinkModal';
import { LinkRow } from './LinkRow';
import type { Picked } from './pickers/RemotePicker';
import { SectionCard } from './SectionCard';
import type { Live } from './use-live';

interface Props {
  title: string;
  testId: string;
  readOnly?: boolean;
  links: Live<ContactCompanyLink[]>;
  emptyText: string;
  /** The other side of each link: its id, where its page is, its icon and its rows' test id. */
  otherId: (link: ContactCompanyLink) => string;
  otherPath: 'contacts' | 'companies';
  rowIcon: Icon;
  rowTestId: string;
  /** The "link an existing one" button and the title of its modal. */
  linkLabel: string;
  linkTestId: string;
  /** More actions after the link button (add a new one…). */
  extraActions?: ReactNode;
  primaryLabel: string;
  defaultPrimary?: boolean;
  /** The picker of the other side; `exclude` holds the ids already linked. */
  renderPicker: (value: Picked | null, onChange: (value: Picked | null) => void, exclude: string[]) => ReactNode;
  /** Links with the role and the primary flag; throws the ApiError of a refusal. */
  link: (other: Picked, role: string, isPrimary: boolean) => Promise<void>;
}

/** The contact–company links of a record (role, primary first), linked and unlinked in place. */
export function LinksCard({
  title,
  testId,
  readOnly,
  links,
  emptyText,
  otherId,
  otherPath,
  rowIcon,
  rowTestId,
  linkLabel,
  linkTestId,
  extraActions,
  primaryLabel,
  defaultPrimary,
  renderPicker,
  link,
}: Props) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const items = links.data ?? [];
  return (
    <SectionCard
      title={title}
      count={items.length}
      testId={testId}
      actions={
        readOnly ? null : (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconLink size={14} />}
              onClick={() => setLinking(true)}
              data-testid={linkTestId}
            >
              {linkLabel}
            </Button>
            {extraActions}
          </>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {links.loading ? t('common.loading') : emptyText}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((l) => (
            <LinkRow
              key={l.id}
              link={l}
              to={`/${otherPath}/${otherId(l)}`}
              icon={rowIcon}
              readOnly={readOnly}
              testId={rowTestId}
            />
          ))}
        </Stack>
      )}
      <LinkModal
        opened={linking}
        onClose={() => setLinking(false)}
        title={linkLabel}
        primaryLabel={primaryLabel}
        defaultPrimary={defaultPrimary}
        renderPicker={(value, onChange) => renderPicker(value, onChange, items.map(otherId))}
        link={async (other, role, isPrimary) => {
          await link(other, role, isPrimary);
          await links.reload();
        }}
      />
    </SectionCard>
  );
}
