import { Anchor, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { matchListQuery } from '../api/matches';
import { offerListQuery } from '../api/offers';
import { requestListQuery } from '../api/requests';

/** A count of what waits for the Committee, where it is worked through, and the list query that counts it. */
interface Queue {
  key: 'requests' | 'offers' | 'suggestions';
  path: string;
  // Only the total is read: one row per query.
  query: ReturnType<typeof requestListQuery> | ReturnType<typeof offerListQuery> | ReturnType<typeof matchListQuery>;
}

const QUEUES: Queue[] = [
  {
    key: 'requests',
    path: '/committee/review-queue',
    query: requestListQuery({ page: 1, pageSize: 1, status: 'submitted,acknowledged' }),
  },
  {
    key: 'offers',
    path: '/committee/review-queue?tab=offers',
    query: offerListQuery({ page: 1, pageSize: 1, status: 'pending_verification' }),
  },
  {
    key: 'suggestions',
    path: '/committee/matches?status=suggested',
    query: matchListQuery({ page: 1, pageSize: 1, status: 'suggested' }),
  },
];

/** On the Committee's home page: how much waits in each of its queues, each a link to where it is worked. */
export function CommitteeWaiting() {
  const { t } = useTranslation();
  const totals = useQueries({ queries: QUEUES.map((q) => q.query) });
  return (
    <section aria-labelledby="committee-waiting">
      <Title id="committee-waiting" order={2} size="h3" mb="md">
        {t('homeWaiting.heading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {QUEUES.map((queue, i) => {
          const total = totals[i].data?.total;
          return (
            <Paper key={queue.key} withBorder p="md" role="group" aria-label={t(`homeWaiting.${queue.key}.label`)}>
              <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                {t(`homeWaiting.${queue.key}.label`)}
              </Text>
              {totals[i].isError ? (
                <Text c="red" size="sm" mt="xs">
                  {t('homeWaiting.unavailable')}
                </Text>
              ) : total === undefined ? (
                <Skeleton h={36} w={60} mt="xs" />
              ) : (
                <Text fz={32} fw={700} c={total > 0 ? 'orange.8' : undefined} data-waiting-count>
                  {total}
                </Text>
              )}
              <Text size="sm" c="dimmed" mb="xs">
                {t(`homeWaiting.${queue.key}.help`)}
              </Text>
              <Anchor component={Link} to={queue.path} size="sm">
                {t(`homeWaiting.${queue.key}.open`)}
              </Anchor>
            </Paper>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
