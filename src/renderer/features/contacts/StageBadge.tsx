import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../../../shared/domain/contact';

const COLORS: Record<LifecycleStage, string> = {
  subscriber: 'gray',
  lead: 'blue',
  qualified_lead: 'cyan',
  opportunity: 'violet',
  customer: 'teal',
  loyal_customer: 'green',
  advocate: 'grape',
  churned: 'red',
};

export function StageBadge({ stage }: { stage: LifecycleStage | null }) {
  const { t } = useTranslation();
  if (!stage) return null;
  return (
    <Badge variant="light" color={COLORS[stage]} radius="sm" tt="none" fw={600}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}
