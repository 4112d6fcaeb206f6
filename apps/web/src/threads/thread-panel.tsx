import { Alert, Anchor, Badge, Button, CloseButton, Group, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { documentKeys, documentsQuery, uploadDocument, type DocumentView } from '../api/documents';
import { postMessage, threadKeys, threadQuery, type ThreadMessage, type ThreadType } from '../api/threads';
import { DetailCard } from '../components/detail-layout';
import { formatDateTime } from '../format';
import { formatSize, refusal } from '../records/documents-card';
import { LongText } from '../records/record-detail';
import { useTranslation } from '../i18n';

const MAX = 10_000;

/**
 * A request's or a match's conversation (DESIGN §4b): the messages, newest first, what arrived since the last
 * visit marked "new", and a box to write. Opening it marks it read (the API does, on reading). Whoever may add
 * documents to the record may attach one: it is uploaded to the record first, then the message names it.
 */
export function ThreadPanel({ type, id }: { type: ThreadType; id: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const thread = useQuery(threadQuery(type, id));
  // The record's documents: who may attach, and the names and sizes of the attached ones.
  const documents = useQuery({ ...documentsQuery(type, id), enabled: thread.isSuccess });
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const maxBytes = documents.data?.maxBytes ?? Infinity;
  const send = useMutation({
    mutationFn: async () => {
      let documentId: string | undefined;
      if (file) {
        setProgress(0);
        try {
          const title = file.name.replace(/\.[^.]+$/, '').slice(0, 300) || file.name.slice(0, 300);
          // On a request, uploaded as correspondence: hidden from providers from the start, not only once named.
          const fields = { kind: 'other' as const, title, ...(type === 'request' ? { purpose: 'correspondence' as const } : {}) };
          documentId = (await uploadDocument(type, id, fields, file, setProgress).done).id;
        } catch (err) {
          throw new Error(refusal(err, { network: t('documents.networkError'), wrongType: t('documents.wrongType'), tooLarge: t('documents.tooLargeServer') }), { cause: err });
        } finally {
          setProgress(null);
        }
        // Uploaded: the record lists it even if the message fails, and the message is sent without uploading again.
        void queryClient.invalidateQueries({ queryKey: documentKeys.of(type, id) });
        setFile(null);
        if (input.current) input.current.value = '';
      }
      return postMessage(type, id, body.trim(), documentId);
    },
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: threadKeys.thread(type, id) });
      void queryClient.invalidateQueries({ queryKey: threadKeys.unread });
    },
  });
  const tooLarge = file !== null && file.size > maxBytes;
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
                error={send.error instanceof ApiError ? send.error.message : undefined}
              />
              {file && (
                <Group gap="xs" data-testid="thread-attachment">
                  <Text size="sm">{t('threads.attached', { name: file.name, size: formatSize(file.size, i18n.language) })}</Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('threads.removeAttachment', { name: file.name })}
                    onClick={() => {
                      setFile(null);
                      if (input.current) input.current.value = '';
                    }}
                  />
                </Group>
              )}
              {tooLarge && (
                <Alert color="red" role="alert">
                  {t('documents.tooLarge', { size: formatSize(file.size, i18n.language), max: formatSize(maxBytes, i18n.language) })}
                </Alert>
              )}
              {send.error && !(send.error instanceof ApiError) && (
                <Alert color="red" role="alert" title={t('threads.attachRefused')}>
                  {send.error.message}
                </Alert>
              )}
              {progress !== null && <Progress value={Math.round(progress * 100)} aria-label={t('documents.progress')} animated />}
              <Group justify="flex-end">
                {documents.data?.canUpload && (
                  <>
                    <Button variant="default" onClick={() => input.current?.click()} disabled={send.isPending}>
                      {t('threads.attach')}
                    </Button>
                    <input
                      ref={input}
                      type="file"
                      hidden
                      aria-label={t('threads.attach')}
                      accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt,.csv"
                      onChange={(event) => {
                        send.reset();
                        setFile(event.target.files?.[0] ?? null);
                      }}
                    />
                  </>
                )}
                <Button type="submit" loading={send.isPending} disabled={!body.trim() || tooLarge}>
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
          <MessageItem key={message.id} message={message} documents={documents.data?.items} />
        ))}
      </Stack>
    </DetailCard>
  );
}

function MessageItem({ message, documents }: { message: ThreadMessage; documents: DocumentView[] | undefined }) {
  const { t, i18n } = useTranslation();
  const attached = message.documentId ? documents?.find((d) => d.id === message.documentId) : undefined;
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
      {message.documentId && (
        <Group gap="xs" mt={6} data-message-document={message.documentId}>
          {attached ? (
            <>
              <Text size="sm">{t('threads.attachment')}</Text>
              <Anchor href={attached.contentUrl} download={attached.fileName} size="sm" aria-label={t('documents.downloadNamed', { title: attached.title })}>
                {attached.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {attached.fileName} · {formatSize(attached.size, i18n.language)}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {documents ? t('threads.attachmentGone') : t('threads.attachment')}
            </Text>
          )}
        </Group>
      )}
    </Paper>
  );
}
