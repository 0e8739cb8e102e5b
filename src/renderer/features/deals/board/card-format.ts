import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { useWorkspace } from '../../members/workspace-store';
import { formatMinor } from '../money';
import type { CardFormat } from './DealCard';

/** The board's one formatter for all its cards: money in each deal's currency, days, owner names, labels. */
export function useCardFormat(baseCurrency: string): CardFormat {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { members } = useWorkspace();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    // Many cards share a close date: each day is formatted once.
    const days = new Map<string, string>();
    const names = new Map(members.map((m) => [m.id, m.name]));
    return {
      money: (minor, currency) => (minor === null ? '' : formatMinor(locale, minor, currency ?? baseCurrency)),
      day: (iso) => {
        let text = days.get(iso);
        if (text === undefined) days.set(iso, (text = day.format(Date.parse(`${iso}T00:00:00Z`))));
        return text;
      },
      memberName: (id) => (id ? (names.get(id) ?? null) : null),
      text: {
        noCompany: t('deals.no_company'),
        rotting: t('deals.rotting'),
        rottingHint: t('deals.rotting_hint'),
        win: (title) => t('deals.mark_won_named', { title }),
        lose: (title) => t('deals.mark_lost_named', { title }),
        role: t('deals.card_role'),
      },
    };
  }, [t, locale, members, baseCurrency]);
}
