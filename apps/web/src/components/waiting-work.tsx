import { Anchor, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from '../router';
import { matchListQuery } from '../api/matches';
import { offerListQuery } from '../api/offers';
import { CIRCULATED_STATUSES, REVIEW_QUEUE_STATUSES } from '../api/request-status';
import { requestListQuery } from '../api/requests';
import type { CurrentUser } from '../api/auth';
import { useSignedInUser } from '../auth/current-user';
import { UnreadThreads } from '../threads/unread-threads';
import { listCount, ListCountText } from './list-count';
import { useTranslation } from '../i18n';

type QueueKey =
  | 'requestsToReview'
  | 'offersToVerify'
  | 'suggestions'
  | 'drafts'
  | 'readyDrafts'
  | 'questions'
  | 'toConfirm'
  | 'toAnswer'
  | 'offerDrafts'
  | 'circulated';

/** What waits in one place: counted with the list query of the page where it is worked (only its total is read). */
interface Queue {
  key: QueueKey;
  path: string;
  query: ReturnType<typeof requestListQuery> | ReturnType<typeof offerListQuery> | ReturnType<typeof matchListQuery>;
}

const one = { page: 1, pageSize: 1 } as const;

/** Each role's queues, in the order the person works through them. */
function queuesFor(user: CurrentUser): Queue[] {
  switch (user.role) {
    case 'committee_admin':
    case 'committee_member':
      return [
        {
          key: 'requestsToReview',
          path: '/committee/review-queue',
          query: requestListQuery({ ...one, status: REVIEW_QUEUE_STATUSES.join(',') }),
        },
        {
          key: 'offersToVerify',
          path: '/committee/review-queue?tab=offers',
          query: offerListQuery({ ...one, status: 'pending_verification' }),
        },
        {
          key: 'suggestions',
          path: '/committee/matches?status=suggested',
          query: matchListQuery({ ...one, status: 'suggested' }),
        },
      ];
    case 'agency_coordinator':
    case 'agency_member': {
      // A member works on their own organisation's requests, the coordinator on the whole State's (as the list does).
      const organizationId = user.role === 'agency_member' ? user.organization.id : undefined;
      const queues: Queue[] = [
        {
          key: 'questions',
          path: '/agency/requests?group=clarification',
          query: requestListQuery({ ...one, organizationId, status: 'clarification_requested' }),
        },
        {
          key: 'drafts',
          path: '/agency/requests?group=drafts',
          query: requestListQuery({ ...one, organizationId, status: 'draft' }),
        },
      ];
      if (user.role === 'agency_coordinator') {
        queues.push({
          key: 'readyDrafts',
          path: '/agency/requests?group=ready',
          query: requestListQuery({ ...one, status: 'draft,clarification_requested', ready: true }),
        });
        queues.push({
          key: 'toConfirm',
          path: '/agency/matches?group=toConfirm',
          query: matchListQuery({ ...one, status: 'accepted' }),
        });
      }
      return queues;
    }
    case 'provider_member':
      return [
        {
          key: 'toAnswer',
          path: '/provider/matches?group=toAnswer',
          query: matchListQuery({ ...one, status: 'endorsed' }),
        },
        {
          key: 'offerDrafts',
          path: '/provider/offers?status=draft',
          query: offerListQuery({ ...one, status: 'draft' }),
        },
        {
          key: 'circulated',
          path: '/provider/requests',
          query: requestListQuery({ ...one, status: CIRCULATED_STATUSES.join(',') }),
        },
      ];
  }
}

/** On a home page: how much waits for this person in each queue, each a link to where it is worked. */
export function WaitingWork() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const queues = queuesFor(user);
  const totals = useQueries({ queries: queues.map((queue) => queue.query) });
  const committee = user.role === 'committee_admin' || user.role === 'committee_member';
  return (
    <>
      <section aria-labelledby="waiting-work">
        <Title id="waiting-work" order={2} size="h3" mb="md">
          {committee ? t('waitingWork.headingCommittee') : t('waitingWork.heading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: queues.length }} spacing="md">
          {queues.map((queue, i) => {
            const data = totals[i]?.data;
            const total = data ? listCount(data) : undefined;
            return (
              <Paper key={queue.key} withBorder p="md" role="group" aria-label={t(`waitingWork.${queue.key}.label`)}>
                <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                  {t(`waitingWork.${queue.key}.label`)}
                </Text>
                {totals[i]?.isError ? (
                  <Text c="red" size="sm" mt="xs">
                    {t('waitingWork.unavailable')}
                  </Text>
                ) : total === undefined ? (
                  <Skeleton h={36} w={60} mt="xs" />
                ) : (
                  <Text fz={32} fw={700} c={total.count > 0 ? 'orange.8' : undefined} data-waiting-count>
                    <ListCountText value={total} />
                  </Text>
                )}
                <Text size="sm" c="dimmed" mb="xs">
                  {t(`waitingWork.${queue.key}.help`)}
                </Text>
                <Anchor component={Link} to={queue.path} size="sm">
                  {t(`waitingWork.${queue.key}.open`)}
                </Anchor>
              </Paper>
            );
          })}
        </SimpleGrid>
      </section>
      <UnreadThreads />
    </>
  );
}
