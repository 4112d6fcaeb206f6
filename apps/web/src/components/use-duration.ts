import { useCallback } from 'react';
import { formatDuration } from '../format';
import { useTranslation } from '../i18n';

/** Formats a number of days as people say it, in the interface language ("6 years 3 months", "12 days"). */
export function useDuration(): (days: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (days: number) =>
      formatDuration(days, (part) =>
        part ? t(`duration.${part.unit}`, { count: part.count }) : t('duration.lessThanHour'),
      ),
    [t],
  );
}
