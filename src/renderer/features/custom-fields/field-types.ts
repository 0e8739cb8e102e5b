import {
  IconAlignLeft,
  IconAlphabetLatin,
  IconCalendar,
  IconCalendarTime,
  IconCurrencyDollar,
  IconHash,
  IconLink,
  IconListCheck,
  IconMail,
  IconPhone,
  IconSelector,
  IconSquareCheck,
  IconStar,
  type Icon,
} from '@tabler/icons-react';
import type { CustomFieldType } from '../../../shared/domain/custom-fields';

export const FIELD_TYPE_ICONS: Record<CustomFieldType, Icon> = {
  text: IconAlphabetLatin,
  long_text: IconAlignLeft,
  number: IconHash,
  currency: IconCurrencyDollar,
  date: IconCalendar,
  datetime: IconCalendarTime,
  checkbox: IconSquareCheck,
  select: IconSelector,
  multiselect: IconListCheck,
  url: IconLink,
  email: IconMail,
  phone: IconPhone,
  rating: IconStar,
};

export const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';
