import {
  Combobox,
  Group,
  Kbd,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  UnstyledButton,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys, useOs } from '@mantine/hooks';
import {
  IconBook,
  IconBuilding,
  IconCalendarEvent,
  IconLifebuoy,
  IconNote,
  IconSearch,
  IconSpeakerphone,
  IconTargetArrow,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchHit, SearchType } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { hitTitle } from '../search/hit-title';
import classes from './CommandPalette.module.css';
import { fold, PALETTE_ACTIONS, paletteRoute, TYPE_ORDER } from './palette-actions';

const PER_TYPE = 5;

const TYPE_ICONS: Record<SearchType, Icon> = {
  contact: IconUser,
  company: IconBuilding,
  deal: IconTargetArrow,
  activity: IconCalendarEvent,
  note: IconNote,
  ticket: IconLifebuoy,
  kb_article: IconBook,
  campaign: IconSpeakerphone,
};

/** Search while typing (debounced; answers to older queries are dropped). */
function usePaletteSearch(text: string) {
  const [debounced] = useDebouncedValue(text.trim(), 40);
  const [state, setState] = useState<{ query: string; hits: SearchHit[]; loading: boolean }>({
    query: '',
    hits: [],
    loading: false,
  });
  useEffect(() => {
    if (!debounced) {
      setState({ query: '', hits: [], loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    // One query per type, a few hits each: a name shared by a hundred contacts must not hide the
    // company of that name. Groups whose best hit starts with what was typed come first, then
    // contacts, companies, deals, activities, notes.
    Promise.all(
      TYPE_ORDER.map((type) => unwrap(api.search.query({ query: debounced, limit: PER_TYPE, types: [type] }))),
    )
      .then((answers) => {
        const words = fold(debounced);
        const rank = (hits: SearchHit[], index: number) =>
          (fold(hits[0]?.title ?? '').startsWith(words) ? 0 : TYPE_ORDER.length) + index;
        const hits = answers
          .map((a, index) => ({ hits: a.hits, rank: rank(a.hits, index) }))
          .filter((g) => g.hits.length)
          .sort((a, b) => a.rank - b.rank)
          .flatMap((g) => g.hits);
        if (current) setState({ query: debounced, hits, loading: false });
      })
      .catch(() => current && setState({ query: debounced, hits: [], loading: false }));
    return () => {
      current = false;
    };
  }, [debounced]);
  return state;
}

/**
 * Ctrl/Cmd+K: one box to find any record (results grouped by type) or to go anywhere. Arrows move,
 * Enter opens, Escape closes.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const os = useOs();
  const [opened, setOpened] = useState(false);
  // Works from inside inputs too: it is the one shortcut that must always answer.
  useHotkeys([['mod+K', () => setOpened((o) => !o)]], []);
  const mac = os === 'macos' || os === 'ios';
  return (
    <>
      <UnstyledButton
        className={classes.trigger}
        onClick={() => setOpened(true)}
        aria-label={t('palette.open')}
        title={t('palette.open')}
        data-testid="palette-trigger"
      >
        <IconSearch size={16} />
        <Text size="sm" visibleFrom="md">
          {t('palette.trigger')}
        </Text>
        <Group gap={2} visibleFrom="sm">
          <Kbd size="xs">{mac ? '⌘' : 'Ctrl'}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </UnstyledButton>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        withCloseButton={false}
        padding={0}
        size={640}
        radius="lg"
        yOffset="10vh"
        transitionProps={{ duration: 120 }}
        aria-label={t('palette.title')}
      >
        {opened ? <PaletteBody onClose={() => setOpened(false)} /> : null}
      </Modal>
    </>
  );
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const { hits, loading, query } = usePaletteSearch(text);
  const combobox = useCombobox({ defaultOpened: true });

  const actions = useMemo(() => {
    const words = fold(text.trim());
    return PALETTE_ACTIONS.filter((a) => !words || fold(t(a.label)).includes(words));
  }, [text, t]);

  // Hits arrive grouped by type, best group first.
  const grouped = useMemo(() => {
    const groups: { type: SearchType; hits: SearchHit[] }[] = [];
    for (const hit of hits) {
      const last = groups[groups.length - 1];
      if (last?.type === hit.type) last.hits.push(hit);
      else groups.push({ type: hit.type, hits: [hit] });
    }
    return groups;
  }, [hits]);

  // New results or actions: highlight the first, so Enter opens the best match.
  const signature = `${hits.map((h) => h.id).join(',')}|${actions.map((a) => a.id).join(',')}`;
  useEffect(() => {
    combobox.openDropdown();
    combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store object is recreated each render
  }, [signature]);

  const open = (value: string) => {
    const [kind, id] = value.split('|');
    const hit = kind === 'hit' ? hits.find((h) => `${h.type}:${h.id}` === id) : undefined;
    const to = hit ? paletteRoute(hit) : PALETTE_ACTIONS.find((a) => a.id === id)?.to;
    onClose();
    if (to) void navigate(to);
  };

  const nothing = query !== '' && hits.length === 0 && actions.length === 0;

  return (
    <Combobox store={combobox} onOptionSubmit={open}>
      <Combobox.EventsTarget>
        <TextInput
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder={t('palette.placeholder')}
          aria-label={t('palette.title')}
          leftSection={loading ? <Loader size={16} /> : <IconSearch size={20} />}
          leftSectionWidth={48}
          classNames={{ input: classes.input }}
          data-autofocus
          autoFocus
          data-testid="palette-input"
        />
      </Combobox.EventsTarget>
      <ScrollArea.Autosize mah="min(60vh, 520px)" type="scroll">
        <Combobox.Options p="xs" data-testid="palette-results">
          {grouped.map((group) => {
            const TypeIcon = TYPE_ICONS[group.type];
            return (
              <Combobox.Group key={group.type} label={t(`palette.group.${group.type}`)}>
                {group.hits.map((hit) => (
                  <Combobox.Option
                    key={`${hit.type}:${hit.id}`}
                    value={`hit|${hit.type}:${hit.id}`}
                    className={classes.option}
                    data-testid="palette-hit"
                    data-hit-type={hit.type}
                  >
                    <Group gap="sm" wrap="nowrap">
                      <ThemeIcon variant="light" radius="xl" size={30}>
                        <TypeIcon size={15} />
                      </ThemeIcon>
                      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                        <Text size="sm" fw={600} truncate>
                          {hitTitle(hit, t)}
                        </Text>
                        {hit.subtitle ? (
                          <Text size="xs" c="dimmed" truncate>
                            {hit.subtitle}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                  </Combobox.Option>
                ))}
              </Combobox.Group>
            );
          })}
          {actions.length ? (
            <Combobox.Group label={t('palette.group.actions')}>
              {actions.map((action) => {
                const ActionIcon = action.icon;
                return (
                  <Combobox.Option
                    key={action.id}
                    value={`action|${action.id}`}
                    className={classes.option}
                    data-testid="palette-action"
                  >
                    <Group gap="sm" wrap="nowrap">
                      <ThemeIcon variant="default" radius="md" size={30}>
                        <ActionIcon size={15} />
                      </ThemeIcon>
                      <Text size="sm">{t(action.label)}</Text>
                    </Group>
                  </Combobox.Option>
                );
              })}
            </Combobox.Group>
          ) : null}
          {nothing ? (
            <Combobox.Empty>
              <Text size="sm" c="dimmed" py="md">
                {t('search.no_results', { query })}
              </Text>
            </Combobox.Empty>
          ) : null}
        </Combobox.Options>
      </ScrollArea.Autosize>
      <Group
        justify="space-between"
        px="md"
        py={8}
        style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap={6}>
          <Kbd size="xs">↑</Kbd>
          <Kbd size="xs">↓</Kbd>
          <Text size="xs" c="dimmed">
            {t('palette.hint_move')}
          </Text>
          <Kbd size="xs">↵</Kbd>
          <Text size="xs" c="dimmed">
            {t('palette.hint_open')}
          </Text>
        </Group>
        <Group gap={6}>
          <Kbd size="xs">Esc</Kbd>
          <Text size="xs" c="dimmed">
            {t('palette.hint_close')}
          </Text>
        </Group>
      </Group>
    </Combobox>
  );
}
