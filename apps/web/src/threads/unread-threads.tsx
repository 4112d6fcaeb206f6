import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '../router';
import { unreadThreadsQuery } from '../api/threads';
import { useSignedInUser } from '../auth/current-user';
import { requestPath } from '../paths';
import { useTranslation } from '../i18n';

/** On a home page: the conversations with messages this person has not read, each a link to its page. */
export function UnreadThreads() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const unread = useQuery(unreadThreadsQuery);
  const total = unread.data?.total ?? 0;
  return (
    <section aria-labelledby="unread-threads">
      <Group gap="sm" mb="md">
        <Title id="unread-threads" order={2} size="h3">
          {t('threads.home.heading')}
        </Title>
        <Badge color={total > 0 ? 'orange' : 'gray'} variant={total > 0 ? 'filled' : 'light'} data-unread-total>
          {t('threads.unread', { count: total })}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        {unread.isError ? (
          <Text c="red" size="sm">
            {t('threads.unavailable')}
          </Text>
        ) : unread.data && unread.data.threads.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('threads.home.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            {unread.data?.threads.map((thread) => {
              const path = requestPath(user.role, thread.requestId);
              const to = thread.threadType === 'match' ? `${path}?match=${thread.threadId}` : path;
              return (
                <Group key={`${thread.threadType}:${thread.threadId}`} justify="space-between" data-unread-thread>
                  <Anchor component={Link} to={to} size="sm">
                    {t(`threads.home.${thread.threadType}`, { reference: thread.reference, title: thread.title })}
                  </Anchor>
                  <Badge color="orange">{thread.unread}</Badge>
                </Group>
              );
            })}
          </Stack>
        )}
      </Paper>
    </section>
  );
}
