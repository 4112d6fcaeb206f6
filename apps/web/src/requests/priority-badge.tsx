import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestPriority } from '../api/requests';

const COLOR: Record<RequestPriority, string> = { high: 'red', medium: 'yellow', low: 'gray' };

export function PriorityBadge({ priority }: { priority: RequestPriority }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[priority]} variant="dot" tt="none" miw="max-content">
      {t(`priority.${priority}`)}
    </Badge>
  );
}
