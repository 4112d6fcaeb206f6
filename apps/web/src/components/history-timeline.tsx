import { Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { HistoryItem } from '../api/history';
import { formatDateTime } from '../format';
import { ErrorState } from './error-state';
import { matchStatusColor, offerStatusColor, requestStatusColor, useStatusLabels } from './status-badge';
import { useTranslation } from '../i18n';

interface HistoryTimelineProps {
  subject: 'request' | 'offer' | 'match';
  query: UseQueryResult<HistoryItem[]>;
}

const STATUS_COLOR = { request: requestStatusColor, offer: offerStatusColor, match: matchStatusColor };

/** Every step of a request, offer or match, oldest first: what happened, who did it, from which organisation, when. */
export function HistoryTimeline({ subject, query }: HistoryTimelineProps) {
  const { t, i18n } = useTranslation();
  const labels = useStatusLabels();
  const statusLabel = labels[subject];
  const statusColor = STATUS_COLOR[subject];

  if (query.isPending) {
    return (
      <Center py="md" role="status" aria-label={t('common.loading')}>
        <Loader size="sm" />
      </Center>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  const eventTitle = (item: HistoryItem): string => {
    const key = `history.${subject}.${item.action}`;
    return i18n.exists(key) ? t(key as 'history.request.create') : item.action.replace(/_/g, ' ');
  };

  return (
    <Timeline active={query.data.length - 1} bulletSize={22} lineWidth={2} role="list" aria-label={t('history.label')}>
      {query.data.map((item) => {
        const color = item.toStatus ? statusColor(item.toStatus) : 'gray';
        const changedFields = Array.isArray(item.details?.fields) ? (item.details.fields as string[]) : [];
        const rating = typeof item.details?.rating === 'number' ? item.details.rating : null;
        return (
          <Timeline.Item
            key={item.id}
            role="listitem"
            color={color}
            bullet={<ThemeIcon size={22} radius="xl" color={color} aria-hidden="true" />}
            title={
              <Text fw={600} size="sm" component="h3" m={0}>
                {eventTitle(item)}
              </Text>
            }
          >
            <Stack gap={4} mt={2}>
              <Text size="sm">
                {item.actor.organization
                  ? t('history.byWithOrganisation', {
                      actor: item.actor.displayName,
                      organisation: item.actor.organization,
                    })
                  : item.actor.id === null
                    ? t('history.bySystem')
                    : t('history.by', { actor: item.actor.displayName })}
              </Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed" component="time" dateTime={item.at}>
                  {formatDateTime(item.at, i18n.language)}
                </Text>
                {item.fromStatus && item.toStatus && item.fromStatus !== item.toStatus && (
                  <Text size="xs" c="dimmed">
                    {t('history.statusChange', { from: statusLabel(item.fromStatus), to: statusLabel(item.toStatus) })}
                  </Text>
                )}
              </Group>
              {item.reason && (
                <Text size="sm">
                  {t('history.reason', {
                    reason: i18n.exists(`closeReasons.${item.reason}`)
                      ? t(`closeReasons.${item.reason}` as 'closeReasons.fulfilled')
                      : item.reason,
                  })}
                </Text>
              )}
              {rating !== null && <Text size="sm">{t('history.rating', { rating })}</Text>}
              {changedFields.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('history.changedFields', {
                    fields: changedFields
                      .map((field) => (i18n.exists(`fields.${field}`) ? t(`fields.${field}` as 'fields.title') : field))
                      .join(', '),
                  })}
                </Text>
              )}
              {item.comment && (
                <Paper withBorder p="xs" bg="gray.0" radius="sm">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.comment}
                  </Text>
                </Paper>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
