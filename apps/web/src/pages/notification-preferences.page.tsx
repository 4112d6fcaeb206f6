import { Button, Group, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  EMAIL_MODES,
  notificationKeys,
  preferencesQuery,
  savePreferences,
  type EmailMode,
  type NotificationCategory,
} from '../api/notifications';
import { BackLink } from '../components/detail-layout';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { FormErrorAlert } from '../components/form-errors';
import { useNotify } from '../components/notifications';
import { PageHeader } from '../components/page-header';
import { useTranslation } from '../i18n';

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Per kind of notification: e-mail at once, in the daily digest, or not at all (the inbox always gets it). */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const preferences = useQuery(preferencesQuery);
  const [draft, setDraft] = useState<Partial<Record<NotificationCategory, EmailMode>>>({});

  const saved = Object.fromEntries((preferences.data?.items ?? []).map((item) => [item.category, item.mode]));
  useEffect(() => {
    if (preferences.data)
      setDraft(Object.fromEntries(preferences.data.items.map((item) => [item.category, item.mode])));
  }, [preferences.data]);

  const save = useMutation({
    mutationFn: () =>
      savePreferences(
        (preferences.data?.items ?? []).map((item) => ({
          category: item.category,
          mode: draft[item.category] ?? item.mode,
        })),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(notificationKeys.preferences, updated);
      notify({ color: 'green', title: t('preferences.saved') });
    },
  });

  if (preferences.isPending) return <PageLoader />;
  if (preferences.isError) return <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />;
  const dirty = preferences.data.items.some((item) => draft[item.category] !== saved[item.category]);
  const modes = EMAIL_MODES.filter((mode) => preferences.data.modes.includes(mode));

  return (
    <Stack gap={0}>
      <BackLink to="/notifications" label={t('preferences.back')} />
      <PageHeader title={t('sections.notificationPreferences.title')}>{t('preferences.intro')}</PageHeader>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (dirty) save.mutate();
        }}
      >
        <Paper withBorder p="lg">
          <Stack gap="md">
            <Table.ScrollContainer minWidth={720} type="native">
              <Table verticalSpacing="md" aria-label={t('preferences.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('preferences.category')}</Table.Th>
                    <Table.Th>{t('preferences.mode')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preferences.data.items.map((item) => {
                    const label = t(`inbox.category.${item.category}`);
                    return (
                      <Table.Tr key={item.category}>
                        <Table.Td maw={420}>
                          <Text fw={600} size="sm">
                            {label}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`preferences.descriptions.${item.category}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Radio.Group
                            value={draft[item.category] ?? item.mode}
                            onChange={(value) => setDraft({ ...draft, [item.category]: value })}
                            // Named for assistive technology; sighted readers have the kind in the first column.
                            label={t('preferences.modeFor', { category: label })}
                            styles={{ label: VISUALLY_HIDDEN }}
                          >
                            <Group gap="lg">
                              {modes.map((mode) => (
                                <Radio
                                  key={mode}
                                  value={mode}
                                  label={t(`preferences.modes.${mode}`)}
                                  title={t(`preferences.modesHelp.${mode}`)}
                                />
                              ))}
                            </Group>
                          </Radio.Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap={2}>
              {modes.map((mode) => (
                <Text key={mode} size="xs" c="dimmed">
                  <Text span fw={600}>
                    {t(`preferences.modes.${mode}`)}:
                  </Text>{' '}
                  {t(`preferences.modesHelp.${mode}`)}
                </Text>
              ))}
            </Stack>
            <FormErrorAlert error={save.error} rest={[]} />
            <Group gap="sm">
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('preferences.save')}
              </Button>
              <Button variant="default" disabled={!dirty} onClick={() => setDraft(saved)}>
                {t('preferences.reset')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
    </Stack>
  );
}
