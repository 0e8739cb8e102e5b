import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../../lib/format';
import { useWorkspace } from '../../members/workspace-store';
import { formatMinor } from '../money';
import type { CardFormat, CardOwner } from './DealCard';

/** The colours Mantine's Avatar picks initials from, so a card's avatar matches the rest of the app. */
const AVATAR_COLORS = ['blue', 'cyan', 'grape', 'green', 'indigo', 'lime', 'orange', 'pink', 'red', 'teal', 'violet'];

function hashCode(input: string): number {
  let hash = 0;
  for (let i = 0; i < input.length; i += 1) hash = (Math.imul(hash, 31) + input.charCodeAt(i)) | 0;
  return hash;
}

/** Initials and colour as Mantine's Avatar with `color="initials"` shows them. */
export function ownerAvatar(name: string): CardOwner {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials = (
    words.length === 1
      ? name.trim().slice(0, 2)
      : words
          .map((w) => w[0])
          .join('')
          .slice(0, 2)
  ).toUpperCase();
  const color = AVATAR_COLORS[Math.abs(hashCode(name)) % AVATAR_COLORS.length]!;
  return {
    name,
    initials,
    style: {
      '--avatar-bg': `var(--mantine-color-${color}-light)`,
      '--avatar-color': `var(--mantine-color-${color}-light-color)`,
    } as CardOwner['style'],
  };
}

/**
 * A label with the card's title in it, translated once per board: i18next's interpolation for
 * every card's two buttons was a noticeable part of the board's render. (The UI's i18next does
 * not escape values, so filling the slot by hand gives the same text.)
 */
function withTitle(label: (title: string) => string): (title: string) => string {
  const slot = '\u0000';
  const [before, after] = label(slot).split(slot);
  return after === undefined ? label : (title) => before + title + after;
}

/** The board's one formatter for all its cards: money in each deal's currency, days, owners, labels. */
export function useCardFormat(baseCurrency: string): CardFormat {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { members } = useWorkspace();
  const navigate = useNavigate();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    // Many cards share a close date: each day is formatted once.
    const days = new Map<string, string>();
    const percents = new Map<number, string>();
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const owners = new Map(members.map((m) => [m.id, ownerAvatar(m.name)]));
    return {
      money: (minor, currency) => (minor === null ? '' : formatMinor(locale, minor, currency ?? baseCurrency)),
      day: (iso) => {
        let text = days.get(iso);
        if (text === undefined) days.set(iso, (text = day.format(Date.parse(`${iso}T00:00:00Z`))));
        return text;
      },
      percent: (whole) => {
        let text = percents.get(whole);
        if (text === undefined) percents.set(whole, (text = percent.format(whole / 100)));
        return text;
      },
      owner: (id) => (id ? (owners.get(id) ?? null) : null),
      follow: (event) => {
        const plain = event.button === 0 && !event.metaKey && !event.altKey && !event.ctrlKey && !event.shiftKey;
        if (event.defaultPrevented || !plain) return;
        event.preventDefault();
        void navigate(event.currentTarget.getAttribute('href') ?? '/deals');
      },
      text: {
        noCompany: t('deals.no_company'),
        rotting: t('deals.rotting'),
        rottingHint: t('deals.rotting_hint'),
        win: withTitle((title) => t('deals.mark_won_named', { title })),
        lose: withTitle((title) => t('deals.mark_lost_named', { title })),
        role: t('deals.card_role'),
      },
    };
  }, [t, locale, members, baseCurrency, navigate]);
}
