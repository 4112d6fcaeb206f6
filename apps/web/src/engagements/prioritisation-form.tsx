import { ActionIcon, Alert, Button, Group, List, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ACTION_PLAN_PRIORITY_LEVELS, type ActionPlanPriorityLevel } from '@app/contracts/vocabulary';
import { actionPlanKeys, actionPlanListQuery, actionPlanQuery, type ActionPlanItem } from '../api/action-plans';
import { ApiError } from '../api/client';
import { recordPrioritisation, type Engagement } from '../api/engagements';
import { offerListQuery } from '../api/offers';
import { providersQuery } from '../api/organizations';
import { useErrorMessage } from '../components/error-state';
import { useTranslation } from '../i18n';

interface InterestDraft {
  itemId: string;
  providerOrganizationId: string;
  offerId: string | null;
  programme: string;
  note: string;
}
const EMPTY_INTEREST = { itemId: null as string | null, providerOrganizationId: null as string | null, offerId: null as string | null, programme: '', note: '' };

/**
 * A roundtable's prioritisation (POST /engagements/:id/prioritisation): pick a plan of a State the roundtable
 * concerns, put its items in the agreed order with a level each, and record which providers could support which
 * item (with the offer concerned, when there is one on the platform).
 */
export function PrioritisationForm({ engagement: e, onSaved }: { engagement: Engagement; onSaved: (e: Engagement) => void }) {
  const { t } = useTranslation();
  const plans = useQuery(actionPlanListQuery());
  const candidates = (plans.data?.items ?? []).filter((p) => p.status === 'submitted' && e.states.includes(p.state));
  const [planId, setPlanId] = useState<string | null>(null);
  const chosen = planId ?? (candidates.length === 1 ? candidates[0].id : null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('engagements.prioritise.intro')}
      </Text>
      {plans.isSuccess && candidates.length === 0 ? (
        <Alert>{t('engagements.prioritise.noPlan')}</Alert>
      ) : (
        <Select
          label={t('engagements.prioritise.plan')}
          data={candidates.map((p) => ({ value: p.id, label: `${p.state} · ${p.title}` }))}
          value={chosen}
          onChange={setPlanId}
          allowDeselect={false}
        />
      )}
      {chosen && <PlanPrioritisation key={chosen} engagement={e} planId={chosen} onSaved={onSaved} />}
    </Stack>
  );
}

function PlanPrioritisation({ engagement: e, planId, onSaved }: { engagement: Engagement; planId: string; onSaved: (e: Engagement) => void }) {
  const { t } = useTranslation();
  const plan = useQuery(actionPlanQuery(planId));
  const errorMessage = useErrorMessage();
  if (plan.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (plan.isError) return <Text c="red">{errorMessage(plan.error)}</Text>;
  const items = (plan.data.items ?? []).filter((i) => !i.proposed);
  if (!items.length) return <Alert>{t('engagements.prioritise.noItems')}</Alert>;
  return <PrioritisationEditor engagement={e} planId={planId} items={items} onSaved={onSaved} />;
}

function PrioritisationEditor({ engagement: e, planId, items, onSaved }: { engagement: Engagement; planId: string; items: ActionPlanItem[]; onSaved: (e: Engagement) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const byId = new Map(items.map((i) => [i.id, i]));
  const label = (i: ActionPlanItem) => (i.code ? `${i.code} ${i.title}` : i.title);
  const [order, setOrder] = useState(() => items.map((i) => i.id));
  const [levels, setLevels] = useState<Record<string, ActionPlanPriorityLevel>>(() => Object.fromEntries(items.map((i) => [i.id, i.priorityLevel])));
  const [interests, setInterests] = useState<InterestDraft[]>([]);
  const [draft, setDraft] = useState(EMPTY_INTEREST);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const providers = useQuery(providersQuery);
  const providerName = (id: string) => providers.data?.find((p) => p.id === id)?.name ?? id;
  const offers = useQuery({
    ...offerListQuery({ page: 1, pageSize: 100, provider: draft.providerOrganizationId ?? undefined, status: 'active' }),
    enabled: Boolean(draft.providerOrganizationId),
  });
  const offerTitles = new Map<string, string>();
  for (const o of offers.data?.items ?? []) offerTitles.set(o.id, o.title);
  const [knownOffers, setKnownOffers] = useState<Record<string, string>>({});

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setOrder(next);
    setSaved(false);
  };

  const addInterest = () => {
    if (!draft.itemId || !draft.providerOrganizationId) {
      setDraftError(t('engagements.prioritise.interestIncomplete'));
      return;
    }
    const duplicate = interests.some((x) => x.itemId === draft.itemId && x.providerOrganizationId === draft.providerOrganizationId && x.offerId === draft.offerId);
    if (duplicate) {
      setDraftError(t('engagements.prioritise.interestDuplicate'));
      return;
    }
    if (draft.offerId) setKnownOffers({ ...knownOffers, [draft.offerId]: offerTitles.get(draft.offerId) ?? draft.offerId });
    setInterests([...interests, { itemId: draft.itemId, providerOrganizationId: draft.providerOrganizationId, offerId: draft.offerId, programme: draft.programme.trim(), note: draft.note.trim() }]);
    setDraft(EMPTY_INTEREST);
    setDraftError(null);
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: () =>
      recordPrioritisation(e.id, {
        actionPlanId: planId,
        order,
        levels: order.map((itemId) => ({ itemId, level: levels[itemId] })),
        interests: interests.map((x) => ({
          itemId: x.itemId,
          providerOrganizationId: x.providerOrganizationId,
          offerId: x.offerId,
          programme: x.programme || null,
          note: x.note || null,
        })),
        note: note.trim() || null,
      }),
    onSuccess: (next) => {
      setInterests([]);
      setNote('');
      setSaved(true);
      void client.invalidateQueries({ queryKey: actionPlanKeys.all });
      onSaved(next);
    },
  });

  // The API names the field (`order.2`, `interests.0.offerId`): say which row it is in the reader's words.
  const problems = (error: unknown): string[] => {
    if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return [errorMessage(error)];
    return error.fieldErrors.map((f) => {
      const [head, n, field] = f.field.split('.');
      const index = Number(n);
      if (head === 'interests' && interests[index]) {
        const x = interests[index];
        const what = field === 'offerId' ? t('engagements.prioritise.offer') : field === 'providerOrganizationId' ? t('engagements.prioritise.provider') : field === 'itemId' ? t('engagements.prioritise.item') : field;
        return t('engagements.prioritise.interestError', { n: index + 1, item: label(byId.get(x.itemId)!), provider: providerName(x.providerOrganizationId), field: what, message: f.message });
      }
      if ((head === 'order' || head === 'levels') && byId.get(order[index])) {
        return t('engagements.prioritise.itemError', { item: label(byId.get(order[index])!), message: f.message });
      }
      return `${f.field}: ${f.message}`;
    });
  };

  return (
    <Stack gap="sm">
      <Table aria-label={t('engagements.prioritise.ranking')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('engagements.prioritise.rank')}</Table.Th>
            <Table.Th>{t('engagements.prioritise.item')}</Table.Th>
            <Table.Th>{t('engagements.prioritise.level')}</Table.Th>
            <Table.Th>{t('engagements.prioritise.move')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.map((itemId, index) => {
            const item = byId.get(itemId)!;
            return (
              <Table.Tr key={itemId}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>{label(item)}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('engagements.prioritise.levelOf', { item: label(item) })}
                    size="xs"
                    w={170}
                    allowDeselect={false}
                    data={ACTION_PLAN_PRIORITY_LEVELS.map((l) => ({ value: l, label: t(`actionPlans.level.${l}`) }))}
                    value={levels[itemId]}
                    onChange={(v) => {
                      if (v) setLevels({ ...levels, [itemId]: v });
                      setSaved(false);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="default" size="sm" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('engagements.prioritise.moveUp', { item: label(item) })}>
                      ↑
                    </ActionIcon>
                    <ActionIcon variant="default" size="sm" disabled={index === order.length - 1} onClick={() => move(index, 1)} aria-label={t('engagements.prioritise.moveDown', { item: label(item) })}>
                      ↓
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>

      <Text fw={600} size="sm">
        {t('engagements.prioritise.interests')}
      </Text>
      {interests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('engagements.prioritise.noInterests')}
        </Text>
      ) : (
        <List size="sm" aria-label={t('engagements.prioritise.interests')}>
          {interests.map((x, n) => (
            <List.Item key={`${x.itemId}-${x.providerOrganizationId}-${x.offerId ?? ''}`}>
              <Group gap="xs">
                <Text size="sm">
                  {t('engagements.prioritise.interestLine', {
                    provider: providerName(x.providerOrganizationId),
                    item: label(byId.get(x.itemId)!),
                    offer: x.offerId ? (knownOffers[x.offerId] ?? '') : x.programme || t('engagements.prioritise.noOffer'),
                  })}
                </Text>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setInterests(interests.filter((_, k) => k !== n))}>
                  {t('engagements.prioritise.removeInterest')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
        <Select
          label={t('engagements.prioritise.item')}
          searchable
          data={order.map((id) => ({ value: id, label: label(byId.get(id)!) }))}
          value={draft.itemId}
          onChange={(v) => setDraft({ ...draft, itemId: v })}
        />
        <Select
          label={t('engagements.prioritise.provider')}
          searchable
          data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={draft.providerOrganizationId}
          onChange={(v) => setDraft({ ...draft, providerOrganizationId: v, offerId: null })}
        />
        <Select
          label={t('engagements.prioritise.offer')}
          description={t('engagements.prioritise.offerHelp')}
          clearable
          searchable
          disabled={!draft.providerOrganizationId}
          data={(offers.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
          value={draft.offerId}
          onChange={(v) => setDraft({ ...draft, offerId: v })}
        />
        <TextInput label={t('engagements.prioritise.programme')} maxLength={200} value={draft.programme} onChange={(ev) => setDraft({ ...draft, programme: ev.currentTarget.value })} />
        <TextInput label={t('engagements.prioritise.interestNote')} maxLength={2000} value={draft.note} onChange={(ev) => setDraft({ ...draft, note: ev.currentTarget.value })} />
        {draftError && (
          <Text c="red" size="sm" role="alert">
            {draftError}
          </Text>
        )}
        <Group>
          <Button size="xs" variant="light" onClick={addInterest}>
            {t('engagements.prioritise.addInterest')}
          </Button>
        </Group>
      </Stack>

      <Textarea label={t('engagements.prioritise.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(ev) => setNote(ev.currentTarget.value)} />
      {save.isError && (
        <Alert color="red" title={t('engagements.prioritise.failed')} role="alert">
          <List size="sm">
            {problems(save.error).map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {saved && !save.isError && (
        <Alert color="green" role="status">
          {t('engagements.prioritise.saved')}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('engagements.prioritise.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
