import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { postMessage, threadKeys, threadQuery, type ThreadMessage, type ThreadType } from '../api/threads';
import { DetailCard } from '../components/detail-layout';
import { formatDateTime } from '../format';
import { LongText } from '../records/record-detail';

const MAX = 10_000;

/**
 * A request's or a match's conversation (DESIGN §4b): the messages, newest first, what arrived since the last
 * visit marked "new", and a box to write. Opening it marks it read (the API does, on reading).
 */
export function ThreadPanel({ type, id }: { type: ThreadType; id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const thread = useQuery(threadQuery(type, id));
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () => postMessage(type, id, body.trim()),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: threadKeys.thread(type, id) });
      void queryClient.invalidateQueries({ queryKey: threadKeys.unread });
    },
  });
  // The thread does not exist for this viewer (a provider on a request): show nothing.
  if (thread.error instanceof ApiError && thread.error.statusCode === 404) return null;
  const title = t(`threads.title.${type}`);
  const unread = thread.data?.unread ?? 0;

  return (
    <DetailCard
      title={title}
      actions={
        thread.data?.canPost ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (body.trim()) send.mutate();
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('threads.write')}
                description={t(`threads.audience.${type}`)}
                value={body}
                onChange={(event) => setBody(event.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={MAX}
                error={send.error ? send.error.message : undefined}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={send.isPending} disabled={!body.trim()}>
                  {t('threads.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null
      }
    >
      {unread > 0 && (
        <Badge
          color="orange"
          variant="filled"
          data-thread-unread
          aria-label={t('threads.unreadLabel', { count: unread })}
        >
          {t('threads.unread', { count: unread })}
        </Badge>
      )}
      {thread.isError && !(thread.error instanceof ApiError && thread.error.statusCode === 404) && (
        <Text c="red" size="sm">
          {t('threads.unavailable')}
        </Text>
      )}
      {thread.data && thread.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('threads.empty')}
        </Text>
      )}
      <Stack gap="sm" role="log" aria-label={title}>
        {thread.data?.items.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </Stack>
    </DetailCard>
  );
}

function MessageItem({ message }: { message: ThreadMessage }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" bg={message.side === 'committee' ? 'blue.0' : undefined} data-message-kind={message.kind}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {message.author.displayName} · {message.author.organization}
        </Text>
        <Group gap="xs">
          {message.unread && (
            <Badge size="xs" color="orange">
              {t('threads.new')}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt, i18n.language)}
          </Text>
        </Group>
      </Group>
      {message.kind !== 'message' && (
        <Text size="xs" fw={700} c="orange.8" mb={4}>
          {t(`threads.kind.${message.kind}`)}
        </Text>
      )}
      {message.body ? <LongText>{message.body}</LongText> : null}
    </Paper>
  );
}
