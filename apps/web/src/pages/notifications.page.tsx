import { Anchor, Badge, Box, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '../router';
import {
  inboxQuery,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  type InboxNotification,
} from '../api/notifications';
import { ListFooter, ListStates, useListParams } from '../components/list-controls';
import { useNotify } from '../components/notifications';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { useTranslation } from '../i18n';

const CATEGORY_COLOR: Record<InboxNotification['category'], string> = {
  requests: 'blue',
  circulations: 'teal',
  offers: 'grape',
  matches: 'green',
  reminders: 'orange',
};

/** The signed-in person's inbox: unread first, each item linking to what it is about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const list = useListParams(['show'] as const, { sort: 'unread-first', viewKeys: ['show'] });
  const unreadOnly = list.filters.show === 'unread';
  const inbox = useQuery({
    ...inboxQuery(list.page, list.pageSize, unreadOnly),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });

  const readAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => {
      refresh();
      notify({ color: 'green', title: t('inbox.markedAllRead') });
    },
  });
  const read = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const unread = inbox.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('sections.notifications.title')}
        actions={
          <>
            <Button component={Link} to="/notifications/preferences" variant="default">
              {t('inbox.settings')}
            </Button>
            <Button onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={unread === 0}>
              {t('inbox.markAllRead')}
            </Button>
          </>
        }
      >
        {t('inbox.intro')}
      </PageHeader>
      <Group mb="md" gap="md">
        <SegmentedControl
          aria-label={t('inbox.show')}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => list.setFilter('show', value === 'unread' ? 'unread' : null)}
          data={[
            { value: 'all', label: t('inbox.showAll') },
            { value: 'unread', label: t('inbox.showUnread') },
          ]}
        />
        {inbox.data && (
          <Text size="sm" c={unread ? 'blue' : 'dimmed'} fw={unread ? 600 : undefined} role="status">
            {unread ? t('inbox.unreadCount', { count: unread }) : t('inbox.allRead')}
          </Text>
        )}
      </Group>
      <ListStates
        query={inbox}
        emptyTitle={unreadOnly ? t('inbox.empty.unreadTitle') : t('inbox.empty.title')}
        emptyDescription={unreadOnly ? t('inbox.empty.unreadDescription') : t('inbox.empty.description')}
      >
        {(page) => (
          <>
            <Stack gap="xs" role="list" aria-label={t('inbox.listLabel')}>
              {page.items.map((item) => (
                <InboxItem
                  key={item.id}
                  item={item}
                  onOpen={() => {
                    if (!item.readAt) read.mutate(item.id);
                  }}
                  onMarkRead={() => read.mutate(item.id)}
                />
              ))}
            </Stack>
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
    </>
  );
}

interface InboxItemProps {
  item: InboxNotification;
  onOpen: () => void;
  onMarkRead: () => void;
}

function InboxItem({ item, onOpen, onMarkRead }: InboxItemProps) {
  const { t, i18n } = useTranslation();
  const unread = !item.readAt;
  return (
    <Paper
      withBorder
      p="md"
      role="listitem"
      aria-label={item.title}
      data-unread={unread || undefined}
      bg={unread ? 'blue.0' : undefined}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {unread && (
              <Badge size="xs" color="blue" variant="filled">
                {t('inbox.unreadLabel')}
              </Badge>
            )}
            <Badge size="xs" variant="light" color={CATEGORY_COLOR[item.category] ?? 'gray'} tt="none">
              {t(`inbox.category.${item.category}`)}
            </Badge>
            <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
              {formatDateTime(item.createdAt, i18n.language)}
            </Text>
          </Group>
          <Anchor
            component={Link}
            to={item.link}
            onClick={onOpen}
            fw={unread ? 700 : 500}
            c={unread ? undefined : 'dark'}
          >
            {item.title}
          </Anchor>
          <Text size="sm" c={unread ? undefined : 'dimmed'}>
            {item.body}
          </Text>
          {item.facts.length > 0 && (
            <Group gap="md" mt={2}>
              {item.facts.map((fact) => (
                <Text key={`${fact.label}:${fact.value}`} size="xs" c="dimmed">
                  <Box component="span" fw={600}>
                    {fact.label}:
                  </Box>{' '}
                  {fact.value}
                </Text>
              ))}
            </Group>
          )}
        </Stack>
        <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
          {unread && (
            <Button size="xs" variant="light" onClick={onMarkRead}>
              {t('inbox.markRead')}
            </Button>
          )}
          <Text size="xs" c="dimmed">
            {t(`inbox.emailed.${item.emailMode}`)}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
