import {
  Button,
  Center,
  Code,
  EmptyState,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from '../router';
import { ApiError } from '../api/client';
import { mailboxQuery, type MailboxMessage } from '../api/notifications';
import { Field, Fields } from '../components/detail-layout';
import { ErrorState } from '../components/error-state';
import { InboxIcon } from '../components/icons';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { currentSearchParams } from '../components/current-search-params';
import { useTranslation } from '../i18n';

/** Demo mode's mailbox: every e-mail the in-process SMTP catcher received, and each one as sent. */
export function MailboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const mailbox = useQuery({ ...mailboxQuery, refetchInterval: 10_000 });
  const selectedId = params.get('message');
  const messages = mailbox.data?.items ?? [];
  const selected = messages.find((message) => message.messageId === selectedId) ?? null;
  const select = (message: MailboxMessage) => {
    const next = currentSearchParams();
    next.set('message', message.messageId);
    setParams(next, { replace: true });
  };

  const header = (
    <PageHeader
      title={t('sections.mailbox.title')}
      actions={
        <Button
          variant="default"
          onClick={() => void mailbox.refetch()}
          loading={mailbox.isFetching && !mailbox.isPending}
        >
          {t('mailbox.refresh')}
        </Button>
      }
    >
      {t('mailbox.intro')}
    </PageHeader>
  );

  if (mailbox.isPending) {
    return (
      <>
        {header}
        <Center py="xl" role="status" aria-label={t('common.loading')}>
          <Loader />
        </Center>
      </>
    );
  }
  if (mailbox.isError) {
    // 404: a real SMTP server is configured, so the catcher and its route do not exist.
    if (mailbox.error instanceof ApiError && mailbox.error.statusCode === 404) {
      return (
        <>
          <PageHeader title={t('sections.mailbox.title')} />
          <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
            <EmptyState.Title order={2}>{t('mailbox.notAvailable.title')}</EmptyState.Title>
            <EmptyState.Description>{t('mailbox.notAvailable.description')}</EmptyState.Description>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {header}
        <ErrorState error={mailbox.error} onRetry={() => void mailbox.refetch()} />
      </>
    );
  }

  return (
    <>
      {header}
      {messages.length === 0 ? (
        <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
          <EmptyState.Title order={2}>{t('mailbox.empty.title')}</EmptyState.Title>
          <EmptyState.Description>{t('mailbox.empty.description')}</EmptyState.Description>
        </EmptyState>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: selected ? 5 : 12 }}>
            <Paper withBorder>
              <Group px="md" py="xs" justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('mailbox.count', { count: messages.length })}
                </Text>
              </Group>
              <MessageTable
                messages={messages}
                selectedId={selected?.messageId ?? null}
                onSelect={select}
                compact={!!selected}
              />
            </Paper>
          </Grid.Col>
          {selected && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <MessageView message={selected} />
            </Grid.Col>
          )}
        </Grid>
      )}
    </>
  );
}

interface MessageTableProps {
  messages: MailboxMessage[];
  selectedId: string | null;
  onSelect: (message: MailboxMessage) => void;
  compact: boolean;
}

function MessageTable({ messages, selectedId, onSelect, compact }: MessageTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={compact ? 300 : 760} maxHeight={640} type="native">
      <Table highlightOnHover stickyHeader verticalSpacing="xs" aria-label={t('mailbox.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mailbox.columns.subject')}</Table.Th>
            {!compact && <Table.Th>{t('mailbox.columns.from')}</Table.Th>}
            {!compact && <Table.Th>{t('mailbox.columns.to')}</Table.Th>}
            {!compact && <Table.Th>{t('mailbox.columns.received')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => {
            const active = message.messageId === selectedId;
            const received = formatDateTime(message.receivedAt, i18n.language);
            return (
              <Table.Tr key={message.messageId} bg={active ? 'blue.0' : undefined} aria-selected={active}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onSelect(message)}
                    aria-label={t('mailbox.open', { subject: message.subject })}
                    style={{ textAlign: 'left' }}
                  >
                    <Text size="sm" fw={active ? 700 : 500} c="blue.8" lineClamp={2}>
                      {message.subject}
                    </Text>
                  </UnstyledButton>
                  {/* Beside an open message there is room for one column: who and when go under the subject. */}
                  {compact && (
                    <Text size="xs" c="dimmed">
                      {message.to.join(', ')} · {received}
                    </Text>
                  )}
                </Table.Td>
                {!compact && (
                  <Table.Td>
                    <Text size="sm">{message.from}</Text>
                  </Table.Td>
                )}
                {!compact && (
                  <Table.Td>
                    <Text size="sm">{message.to.join(', ')}</Text>
                  </Table.Td>
                )}
                {!compact && (
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{received}</Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MessageView({ message }: { message: MailboxMessage }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="lg" component="article" aria-label={t('mailbox.messageLabel')}>
      <Stack gap="md">
        <Title order={2} size="h4">
          {message.subject}
        </Title>
        <Fields labelWidth={110}>
          <Field label={t('mailbox.columns.from')}>{message.from}</Field>
          <Field label={t('mailbox.columns.to')}>{message.to.join(', ')}</Field>
          <Field label={t('mailbox.columns.received')}>{formatDateTime(message.receivedAt, i18n.language)}</Field>
          <Field label={t('mailbox.messageId')}>
            <Code>{message.messageId}</Code>
          </Field>
        </Fields>
        <Tabs defaultValue={message.html ? 'html' : 'text'} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="html" disabled={!message.html}>
              {t('mailbox.html')}
            </Tabs.Tab>
            <Tabs.Tab value="text">{t('mailbox.text')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="html" pt="sm">
            {/* The e-mail's own HTML, isolated: no scripts, no access to this page or its cookies. */}
            <iframe
              title={t('mailbox.frameTitle', { subject: message.subject })}
              sandbox=""
              srcDoc={message.html}
              style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="text" pt="sm">
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {message.text}
            </Code>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
