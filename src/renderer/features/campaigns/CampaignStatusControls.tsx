import { Button, Group } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/contract/campaigns';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';

type Run = (action: () => Promise<unknown>, done: string) => Promise<void>;

/**
 * Start, pause, resume, complete and cancel. An email campaign sends when started; any other type
 * (an event, a webinar, an advert...) runs outside the app, so starting it only marks it active.
 */
export function CampaignStatusControls({ campaign, run }: { campaign: Campaign; run: Run }) {
  const { t } = useTranslation();
  const { id, status, type, stats } = campaign;
  const email = type === 'email';
  // A finished email campaign can resume to retry the members it could not mail.
  const resumable = status === 'paused' || (email && status === 'completed' && stats.failed > 0);
  const finish = (next: 'completed' | 'cancelled') =>
    void run(
      () => unwrap(api.campaigns.update({ id, status: next })),
      next === 'completed' ? t('campaigns.completed_done') : t('campaigns.cancelled_done'),
    );
  return (
    <>
      {status === 'planned' || resumable ? (
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() =>
            void run(
              () => unwrap(resumable ? api.campaigns.resume({ id }) : api.campaigns.start({ id })),
              email ? (resumable ? t('campaigns.resumed') : t('campaigns.started')) : t('campaigns.started_other'),
            )
          }
          data-testid="campaign-start"
        >
          {resumable ? t('campaigns.resume') : email ? t('campaigns.start') : t('campaigns.start_other')}
        </Button>
      ) : null}
      {status === 'active' ? (
        <Button
          variant="default"
          leftSection={<IconPlayerPause size={16} />}
          onClick={() =>
            void run(
              () => unwrap(api.campaigns.pause({ id })),
              email ? t('campaigns.paused') : t('campaigns.paused_other'),
            )
          }
          data-testid="campaign-pause"
        >
          {t('campaigns.pause')}
        </Button>
      ) : null}
      {status === 'planned' || status === 'active' || status === 'paused' ? (
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconCircleCheck size={16} />}
            onClick={() => finish('completed')}
            data-testid="campaign-complete"
          >
            {t('campaigns.complete')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconCircleX size={16} />}
            onClick={() => finish('cancelled')}
            data-testid="campaign-cancel"
          >
            {t('campaigns.cancel')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
