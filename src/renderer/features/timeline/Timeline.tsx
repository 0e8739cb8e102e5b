import {
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Timeline as MTimeline,
} from '@mantine/core';
import { IconHistory, IconLifebuoy, IconNote, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType, TimelineItem } from '../../../shared/contract';
import { useCustomFields } from '../custom-fields/use-custom-fields';
import { useMemberName } from '../members/workspace-store';
import { ACTIVITY_ICONS } from '../records/LogActivityModal';
import { SectionCard } from '../records/SectionCard';
import { TicketTimelineEntry } from '../tickets/TicketTimelineEntry';
import { useChangeText } from './change-text';
import { NoteComposer } from './NoteComposer';
import { ActivityEntry, ChangeEntry, DealEntry, NoteEntry } from './TimelineEntry';
import { useTimeline, type TimelineEntity, type TimelineKind } from './use-timeline';

const FILTERS = ['all', 'activity', 'note', 'deal', 'ticket', 'change'] as const;
type Filter = (typeof FILTERS)[number];

const COLORS: Record<TimelineKind, string> = {
  activity: 'blue',
  note: 'yellow',
  deal: 'grape',
  change: 'gray',
  ticket: 'orange',
};

function Bullet({ item }: { item: TimelineItem }) {
  const Icon =
    item.kind === 'activity'
      ? (ACTIVITY_ICONS[item.subtype as ActivityType] ?? IconNote)
      : item.kind === 'note'
        ? IconNote
        : item.kind === 'deal'
          ? IconTargetArrow
          : item.kind === 'ticket'
            ? IconLifebuoy
            : IconHistory;
  return (
    <ThemeIcon size={28} radius="xl" variant="light" color={COLORS[item.kind]}>
      <Icon size={15} />
    </ThemeIcon>
  );
}

/** One timeline of everything that happened to a record, newest first, with notes written in place. */
export function Timeline({ entity, id, readOnly }: { entity: TimelineEntity; id: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const timeline = useTimeline(entity, id, filter === 'all' ? null : [filter]);
  const fields = useCustomFields(entity, true);
  const { changesOf } = useChangeText(fields.data ?? []);
  const memberName = useMemberName();

  const entries = timeline.items
    .map((item) => ({ item, changes: item.kind === 'change' ? changesOf(item.data) : [] }))
    // An update that only touched bookkeeping says nothing to a person.
    .filter(({ item, changes }) => !(item.kind === 'change' && item.subtype === 'update' && changes.length === 0));

  return (
    <SectionCard title={t('timeline.title')} testId="timeline">
      <Stack gap="md">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={FILTERS.map((f) => ({ value: f, label: t(`timeline.filter.${f}`) }))}
          aria-label={t('timeline.filter_label')}
          data-testid="timeline-filter"
        />
        {readOnly ? null : <NoteComposer entity={entity} id={id} onAdded={() => void timeline.reload()} />}
        {timeline.loading && timeline.items.length === 0 ? (
          <Center py="lg">
            <Loader size="sm" type="dots" />
          </Center>
        ) : entries.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="timeline-empty">
            {t('timeline.empty')}
          </Text>
        ) : (
          <MTimeline bulletSize={28} lineWidth={2} data-testid="timeline-items">
            {entries.map(({ item, changes }) => {
              const actor = memberName(item.actor);
              return (
                <MTimeline.Item key={`${item.kind}:${item.id}`} bullet={<Bullet item={item} />} data-kind={item.kind}>
                  {item.kind === 'note' ? (
                    <NoteEntry item={item} actor={actor} />
                  ) : item.kind === 'activity' ? (
                    <ActivityEntry item={item} actor={actor} />
                  ) : item.kind === 'deal' ? (
                    <DealEntry item={item} actor={actor} />
                  ) : item.kind === 'ticket' ? (
                    <TicketTimelineEntry item={item} actor={actor} />
                  ) : (
                    <ChangeEntry item={item} actor={actor} changes={changes} />
                  )}
                </MTimeline.Item>
              );
            })}
          </MTimeline>
        )}
        {timeline.nextCursor ? (
          <Group justify="center">
            <Button
              variant="default"
              size="xs"
              onClick={() => void timeline.loadMore()}
              loading={timeline.loadingMore}
              data-testid="timeline-more"
            >
              {t('timeline.load_more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
