import { Button, Group, Tooltip } from '@mantine/core';
import { IconCalendarPlus, IconMail, IconPhone, IconTargetArrow } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  phone: string | null;
  email: string | null;
  /** Consent: a contact who opted out is not offered the channel. */
  phoneOptOut?: boolean;
  emailOptOut?: boolean;
  onLogActivity: () => void;
  /** Edit, delete… on the right. */
  children?: ReactNode;
}

/** The record header's one-click actions: call (tel:), email (mailto:), log an activity, create a deal. */
export function QuickActions({ phone, email, phoneOptOut, emailOptOut, onLogActivity, children }: Props) {
  const { t } = useTranslation();
  const callHint = !phone ? t('records.no_phone_to_call') : phoneOptOut ? t('records.phone_opted_out') : null;
  const mailHint = !email ? t('records.no_email_to_write') : emailOptOut ? t('records.email_opted_out') : null;
  return (
    <Group gap="xs" data-testid="quick-actions">
      <Tooltip label={callHint ?? t('contacts.call', { value: phone ?? '' })} withArrow>
        {phone && !phoneOptOut ? (
          <Button
            component="a"
            href={`tel:${phone}`}
            variant="light"
            leftSection={<IconPhone size={16} />}
            data-testid="quick-call"
          >
            {t('records.action_call')}
          </Button>
        ) : (
          <Button
            variant="light"
            leftSection={<IconPhone size={16} />}
            data-disabled
            onClick={(e) => e.preventDefault()}
          >
            {t('records.action_call')}
          </Button>
        )}
      </Tooltip>
      <Tooltip label={mailHint ?? t('contacts.send_email', { value: email ?? '' })} withArrow>
        {email && !emailOptOut ? (
          <Button
            component="a"
            href={`mailto:${email}`}
            variant="light"
            leftSection={<IconMail size={16} />}
            data-testid="quick-email"
          >
            {t('records.action_email')}
          </Button>
        ) : (
          <Button
            variant="light"
            leftSection={<IconMail size={16} />}
            data-disabled
            onClick={(e) => e.preventDefault()}
          >
            {t('records.action_email')}
          </Button>
        )}
      </Tooltip>
      <Button
        variant="light"
        leftSection={<IconCalendarPlus size={16} />}
        onClick={onLogActivity}
        data-testid="quick-log"
      >
        {t('records.log_activity')}
      </Button>
      <Tooltip label={t('records.deals_coming_soon')} withArrow>
        <Button
          variant="light"
          leftSection={<IconTargetArrow size={16} />}
          data-disabled
          onClick={(e) => e.preventDefault()}
          data-testid="quick-deal"
        >
          {t('records.create_deal')}
        </Button>
      </Tooltip>
      {children}
    </Group>
  );
}
