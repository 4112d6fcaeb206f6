import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import {
  contactListPath,
  contactListQuery,
  matchContactsQuery,
  putContacts,
  type ContactPerson,
} from '../api/contacts';
import { DetailCard } from '../components/detail-layout';
import { useTranslation } from '../i18n';

const EMPTY: ContactPerson = { name: '', title: null, agency: null, email: '', phone: null, languages: [] };

/** People to contact, read-only. */
export function ContactLines({ contacts }: { contacts: ContactPerson[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('contacts.none')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {contacts.map((c, i) => (
        <Paper key={`${c.email}-${i}`} withBorder p="xs" data-contact>
          <Text size="sm" fw={600}>
            {c.name}
            {c.title ? `, ${c.title}` : ''}
          </Text>
          {c.agency && <Text size="sm">{c.agency}</Text>}
          <Text size="sm">
            {c.email}
            {c.phone ? ` · ${c.phone}` : ''}
            {c.languages.length ? ` · ${c.languages.join(', ')}` : ''}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** A State's points of contact or an organisation's contact persons, editable by those who keep them. */
export function ContactListCard({
  title,
  owner,
  ownerKey,
}: {
  title: string;
  owner: 'state' | 'organization';
  ownerKey: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = contactListQuery(owner, ownerKey);
  const path = contactListPath(owner, ownerKey);
  const list = useQuery(query);
  const [draft, setDraft] = useState<ContactPerson[] | null>(null);
  const save = useMutation({
    mutationFn: () => putContacts(path, draft!, list.data!.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(query.queryKey, saved);
      setDraft(null);
    },
  });
  if (list.error instanceof ApiError && list.error.statusCode === 404) {
    return (
      <DetailCard title={title}>
        <Text size="sm" c="dimmed">
          {t('contacts.notVisible')}
        </Text>
      </DetailCard>
    );
  }
  const set = (i: number, patch: Partial<ContactPerson>) =>
    setDraft((rows) => rows!.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const blank = (v: string) => (v.trim() ? v : null);
  return (
    <DetailCard
      title={title}
      actions={
        list.data?.canEdit &&
        (draft ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('contacts.cancel')}
            </Button>
            <Button variant="default" onClick={() => setDraft((rows) => [...rows!, EMPTY])}>
              {t('contacts.add')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate()}>
              {t('contacts.save')}
            </Button>
          </Group>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDraft(list.data.contacts)}>
              {t('contacts.edit')}
            </Button>
          </Group>
        ))
      }
    >
      {save.error && (
        <Text c="red" size="sm" role="alert">
          {save.error.message}
        </Text>
      )}
      {draft ? (
        <Stack gap="sm">
          {draft.map((row, i) => (
            <Paper key={i} withBorder p="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  label={t('contacts.name')}
                  required
                  value={row.name}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                />
                <TextInput
                  label={t('contacts.titleField')}
                  value={row.title ?? ''}
                  onChange={(e) => set(i, { title: blank(e.currentTarget.value) })}
                />
                <TextInput
                  label={t('contacts.agency')}
                  value={row.agency ?? ''}
                  onChange={(e) => set(i, { agency: blank(e.currentTarget.value) })}
                />
                <TextInput
                  label={t('contacts.email')}
                  required
                  type="email"
                  value={row.email}
                  onChange={(e) => set(i, { email: e.currentTarget.value })}
                />
                <TextInput
                  label={t('contacts.phone')}
                  value={row.phone ?? ''}
                  onChange={(e) => set(i, { phone: blank(e.currentTarget.value) })}
                />
                <TextInput
                  label={t('contacts.languages')}
                  description={t('contacts.languagesHelp')}
                  value={row.languages.join(', ')}
                  onChange={(e) =>
                    set(i, {
                      languages: e.currentTarget.value
                        .split(',')
                        .map((s) => s.trim())
                        .filter(Boolean),
                    })
                  }
                />
              </SimpleGrid>
              <Group justify="flex-end" mt="xs">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('contacts.remove')}
                  onClick={() => setDraft((rows) => rows!.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        list.data && <ContactLines contacts={list.data.contacts} />
      )}
    </DetailCard>
  );
}

/** On an agreed match: each side's contacts (DESIGN §4b). */
export function MatchContactsCard({ matchId }: { matchId: string }) {
  const { t } = useTranslation();
  const contacts = useQuery(matchContactsQuery(matchId));
  if (!contacts.data?.agreed) return null;
  const { state, requester, provider } = contacts.data;
  return (
    <Paper bg="gray.0" p="sm" radius="sm" aria-label={t('contacts.onMatch')} component="section">
      <Text fw={600} size="sm" mb="xs">
        {t('contacts.onMatch')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {t('contacts.statePoc', { state: state?.code ?? '' })}
          </Text>
          <ContactLines contacts={state?.contacts ?? []} />
        </Stack>
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {requester?.name}
          </Text>
          <ContactLines contacts={requester?.contacts ?? []} />
        </Stack>
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {provider?.name}
          </Text>
          <ContactLines contacts={provider?.contacts ?? []} />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
