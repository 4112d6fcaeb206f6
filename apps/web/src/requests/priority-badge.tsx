import { Badge } from '@mantine/core';
import type { RequestPriority } from '../api/requests';
import { useTranslation } from '../i18n';

const COLOR: Record<RequestPriority, string> = { high: 'red', medium: 'yellow', low: 'gray' };

/** `short`: "High" in a table's Priority column; otherwise "High priority". */
export function PriorityBadge({ priority, short = false }: { priority: RequestPriority; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[priority]} variant="dot" tt="none" miw="max-content">
      {short ? t(`priorityShort.${priority}`) : t(`priority.${priority}`)}
    </Badge>
  );
}
