import { Anchor, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from '../router';
import { ENGAGEMENT_KINDS } from '@app/contracts/vocabulary';
import {
  addFollowUp,
  createEngagement,
  engagementHistoryQuery,
  engagementKeys,
  engagementListQuery,
  engagementQuery,
  engagementsCsvUrl,
  informationNoteUrl,
  updateEngagement,
  updateFollowUp,
  type Engagement,
} from '../api/engagements';
import { organizationListQuery } from '../api/organizations';
import { useSignedInUser } from '../auth/current-user';
import { CsvDownloads } from '../components/csv-downloads';
import { DetailCard } from '../components/detail-layout';
import { useErrorMessage } from '../components/error-state';
import { FormErrorAlert, splitFieldErrors } from '../components/form-errors';
import { PageHeader } from '../components/page-header';
import { PrioritisationForm } from '../engagements/prioritisation-form';
import { formatDate } from '../format';
import { engagementListPath, engagementPath } from '../paths';
import { DocumentsCard } from '../records/documents-card';
import { LongText, RecordDetailLayout, RecordLoad } from '../records/record-detail';
import { RecordList } from '../records/record-list';
import { DateCell, NoWrapCell, RecordTable, TitleCell } from '../records/record-table';
import { useTranslation } from '../i18n';

type Column = 'title' | 'kind' | 'startDate' | 'states';
const COLUMNS: Column[] = ['title', 'kind', 'startDate', 'states'];

/** Engagements the caller may read; the Committee records new ones. */
export function EngagementsPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const list = useQuery(engagementListQuery({ page, pageSize }));
  const canCreate = user.role === 'committee_admin' || user.role === 'committee_member';
  return (
    <Stack gap="lg">
      <PageHeader title={t('sections.engagements.title')} actions={<CsvDownloads links={[{ href: engagementsCsvUrl(), label: t('engagements.exports.engagements') }]} />}>
        {t('engagements.intro')}
      </PageHeader>
      {canCreate && (
        <Group>
          <Button onClick={() => setCreating(true)}>{t('engagements.new')}</Button>
        </Group>
      )}
      <RecordList list={{ setPage, setPageSize }} query={list} emptyTitle={t('engagements.emptyTitle')} emptyDescription={t('engagements.emptyDescription')}>
        {(items: Engagement[]) => (
          <RecordTable<Engagement, Column>
            items={items}
            columns={COLUMNS}
            label={t('sections.engagements.title')}
            sortable={{}}
            title={(c) => t(`engagements.columns.${c}`)}
            cell={(c, e) =>
              c === 'title' ? (
                <TitleCell title={e.title} to={engagementPath(user.role, e.id)} provisions={[]} />
              ) : c === 'kind' ? (
                <NoWrapCell>{t(`engagements.kinds.${e.kind}`)}</NoWrapCell>
              ) : c === 'startDate' ? (
                <DateCell value={e.startDate} />
              ) : (
                <NoWrapCell>{e.states.join(', ')}</NoWrapCell>
              )
            }
          />
        )}
      </RecordList>
      {creating && <CreateEngagementModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function CreateEngagementModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState({ kind: 'roundtable', title: '', startDate: '', endDate: '', venue: '', online: false, states: '' });
  const set = (k: keyof typeof values) => (v: string | boolean) => setValues((old) => ({ ...old, [k]: v }));
  const create = useMutation({
    mutationFn: () =>
      createEngagement({
        kind: values.kind as Engagement['kind'],
        title: values.title,
        startDate: values.startDate,
        endDate: values.endDate || values.startDate,
        venue: values.venue || null,
        online: values.online,
        states: values.states.split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()),
      }),
    onSuccess: (e) => {
      void client.invalidateQueries({ queryKey: engagementKeys.all });
      void navigate(engagementPath(user.role, e.id));
    },
  });
  // The API's field paths ("states.0") put its answer next to the field; what belongs to none goes in the alert.
  const { fields: errors, rest } = splitFieldErrors<keyof typeof values>(create.error, (field) => {
    const name = field.split('.')[0];
    return name in values ? (name as keyof typeof values) : null;
  });
  return (
    <Modal opened onClose={onClose} title={t('engagements.new')}>
      <Stack>
        <Select label={t('engagements.fields.kind')} data={ENGAGEMENT_KINDS.map((k) => ({ value: k, label: t(`engagements.kinds.${k}`) }))} value={values.kind} onChange={(v) => set('kind')(v ?? 'roundtable')} allowDeselect={false} error={errors.kind} />
        <TextInput label={t('engagements.fields.title')} value={values.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors.title} required />
        <Group grow>
          <TextInput type="date" label={t('engagements.fields.startDate')} value={values.startDate} onChange={(e) => set('startDate')(e.currentTarget.value)} error={errors.startDate} required />
          <TextInput type="date" label={t('engagements.fields.endDate')} value={values.endDate} onChange={(e) => set('endDate')(e.currentTarget.value)} error={errors.endDate} />
        </Group>
        <TextInput label={t('engagements.fields.venue')} value={values.venue} onChange={(e) => set('venue')(e.currentTarget.value)} error={errors.venue} />
        <Checkbox label={t('engagements.fields.online')} checked={values.online} onChange={(e) => set('online')(e.currentTarget.checked)} />
        <TextInput label={t('engagements.fields.states')} description={t('engagements.fields.statesHelp')} value={values.states} onChange={(e) => set('states')(e.currentTarget.value)} error={errors.states} />
        <FormErrorAlert error={create.error} rest={rest} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => create.mutate()} loading={create.isPending}>{t('engagements.create')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One engagement: what happened, who was there, what follows; the Committee edits it and publishes its note. */
export function EngagementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const query = useQuery(engagementQuery(id));
  const back = { to: engagementListPath(user.role), label: t('sections.engagements.title') };
  return (
    <RecordLoad query={query} back={back} notFound={{ title: t('engagements.notFound'), description: t('engagements.notFoundDescription') }}>
      {(e) => <EngagementDetail engagement={e} back={back} />}
    </RecordLoad>
  );
}

function EngagementDetail({ engagement: e, back }: { engagement: Engagement; back: { to: string; label: string } }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const history = useQuery(engagementHistoryQuery(e.id));
  const refresh = (next: Engagement) => {
    client.setQueryData(engagementKeys.detail(e.id), next);
    void client.invalidateQueries({ queryKey: engagementKeys.all });
  };
  const publish = useMutation({ mutationFn: () => updateEngagement(e.id, { notePublished: !e.notePublished, version: e.version }), onSuccess: refresh });
  const day = (d: string) => formatDate(d, i18n.language);
  const where = [e.venue, e.online ? t('engagements.online') : null].filter(Boolean).join(' · ');
  return (
    <RecordDetailLayout
      back={back}
      summaryLabel={t('engagements.summary')}
      summary={
        <>
          <Badge variant="light">{t(`engagements.kinds.${e.kind}`)}</Badge>
          <Text size="sm">{e.startDate === e.endDate ? day(e.startDate) : `${day(e.startDate)} – ${day(e.endDate)}`}</Text>
          {where && <Text size="sm">{where}</Text>}
          {e.notePublished && <Badge color="green" variant="light">{t('engagements.published')}</Badge>}
        </>
      }
      title={e.title}
      actions={
        <>
          <Button component="a" href={informationNoteUrl(e.id, 'pdf', i18n.language)} variant="light" size="xs">{t('engagements.notePdf')}</Button>
          <Button component="a" href={informationNoteUrl(e.id, 'html', i18n.language)} target="_blank" variant="light" size="xs">{t('engagements.noteHtml')}</Button>
          {e.canEdit && (
            <Button size="xs" variant="default" onClick={() => publish.mutate()} loading={publish.isPending}>
              {e.notePublished ? t('engagements.unpublish') : t('engagements.publish')}
            </Button>
          )}
        </>
      }
      notices={publish.isError ? <Text c="red" role="alert">{errorMessage(publish.error)}</Text> : null}
      sections={
        <>
          <DetailCard title={t('engagements.participants')}>
            <Stack gap={4}>
              {e.organisers.length > 0 && (
                <Text size="sm">
                  <b>{t('engagements.organisers')}:</b> {e.organisers.map((p) => p.name).join('; ')}
                </Text>
              )}
              {e.participants.length === 0 ? (
                <Text c="dimmed" size="sm">{t('engagements.noParticipants')}</Text>
              ) : (
                <ul aria-label={t('engagements.participants')}>
                  {e.participants.map((p, n) => (
                    <li key={n}>
                      <Text size="sm">{p.note ? `${p.name} (${p.note})` : p.name}</Text>
                    </li>
                  ))}
                </ul>
              )}
              {e.canEdit && <AddParticipant engagement={e} onSaved={refresh} />}
            </Stack>
          </DetailCard>
          {(['background', 'highlights', 'outcomes', 'additionalComments'] as const).map((k) => (
            <DetailCard key={k} title={t(`engagements.fields.${k}`)}>
              {e.canEdit ? <NarrativeEditor engagement={e} field={k} onSaved={refresh} /> : <LongText>{e[k] || '—'}</LongText>}
            </DetailCard>
          ))}
          {e.kind === 'roundtable' && e.canPrioritise && (
            <DetailCard title={t('engagements.prioritise.title')}>
              <PrioritisationForm engagement={e} onSaved={refresh} />
            </DetailCard>
          )}
          <DocumentsCard parent="engagement" parentId={e.id} />
        </>
      }
      side={
        <>
          <DetailCard title={t('engagements.followUps')}>
            <FollowUps engagement={e} onSaved={refresh} />
          </DetailCard>
          {e.prioritisations.length > 0 && (
            <DetailCard title={t('engagements.prioritisations')}>
              {e.prioritisations.map((p) => (
                <Text key={p.id} size="sm">
                  {t('engagements.prioritisationLine', { version: p.planVersion, by: p.decidedByName ?? '—', items: p.ranking.length, interests: p.interests.length })}
                </Text>
              ))}
            </DetailCard>
          )}
          {history.data && (
            <DetailCard title={t('engagements.history')}>
              <Stack gap={2}>
                {history.data.map((h) => (
                  <Text key={h.id} size="xs">
                    {day(h.at.slice(0, 10))} · {t(`history.engagement.${h.action}` as 'history.engagement.create')}
                  </Text>
                ))}
              </Stack>
            </DetailCard>
          )}
        </>
      }
    />
  );
}

function NarrativeEditor({ engagement: e, field, onSaved }: { engagement: Engagement; field: 'background' | 'highlights' | 'outcomes' | 'additionalComments'; onSaved: (e: Engagement) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [value, setValue] = useState(e[field]);
  const save = useMutation({ mutationFn: () => updateEngagement(e.id, { [field]: value, version: e.version }), onSuccess: onSaved });
  return (
    <Stack gap="xs">
      <Textarea aria-label={t(`engagements.fields.${field}`)} autosize minRows={2} value={value} onChange={(ev) => setValue(ev.currentTarget.value)} />
      {save.isError && <Text c="red" size="sm" role="alert">{errorMessage(save.error)}</Text>}
      <Group>
        <Button size="xs" variant="light" disabled={value === e[field]} onClick={() => save.mutate()} loading={save.isPending}>
          {t('engagements.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function AddParticipant({ engagement: e, onSaved }: { engagement: Engagement; onSaved: (e: Engagement) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const orgs = useQuery(organizationListQuery({ page: 1, pageSize: 100 }));
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () =>
      updateEngagement(e.id, {
        participants: [...e.participants, organizationId ? { organizationId } : { name }],
        version: e.version,
      }),
    onSuccess: (next) => {
      setOrganizationId(null);
      setName('');
      onSaved(next);
    },
  });
  return (
    <Stack gap="xs" mt="sm">
      <Select
        label={t('engagements.addOrganization')}
        searchable
        clearable
        data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={organizationId}
        onChange={setOrganizationId}
      />
      <TextInput label={t('engagements.addByName')} value={name} onChange={(ev) => setName(ev.currentTarget.value)} disabled={Boolean(organizationId)} />
      {add.isError && <Text c="red" size="sm" role="alert">{errorMessage(add.error)}</Text>}
      <Group>
        <Button size="xs" onClick={() => add.mutate()} disabled={!organizationId && !name.trim()} loading={add.isPending}>
          {t('engagements.addParticipant')}
        </Button>
      </Group>
    </Stack>
  );
}

function FollowUps({ engagement: e, onSaved }: { engagement: Engagement; onSaved: (e: Engagement) => void }) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const errorMessage = useErrorMessage();
  const orgs = useQuery({ ...organizationListQuery({ page: 1, pageSize: 100 }), enabled: e.canEdit });
  const [draft, setDraft] = useState({ description: '', ownerOrganizationId: null as string | null, dueDate: '' });
  const add = useMutation({
    mutationFn: () => addFollowUp(e.id, { description: draft.description, ownerOrganizationId: draft.ownerOrganizationId, dueDate: draft.dueDate }),
    onSuccess: (next) => {
      setDraft({ description: '', ownerOrganizationId: null, dueDate: '' });
      onSaved(next);
    },
  });
  const toggle = useMutation({
    mutationFn: (a: Engagement['followUps'][number]) => updateFollowUp(e.id, a.id, { status: a.status === 'open' ? 'done' : 'open', version: a.version }),
    onSuccess: onSaved,
  });
  return (
    <Stack gap="xs">
      {e.followUps.length === 0 ? (
        <Text c="dimmed" size="sm">{t('engagements.noFollowUps')}</Text>
      ) : (
        <Table aria-label={t('engagements.followUps')}>
          <Table.Tbody>
            {e.followUps.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text size="sm">{a.description}</Text>
                  <Text size="xs" c="dimmed">
                    {t('engagements.followUpLine', { owner: a.ownerName ?? '—', due: formatDate(a.dueDate, i18n.language) })}
                  </Text>
                </Table.Td>
                {/* As wide as its status word, which a narrow side column must not cut (40% longer in some languages). */}
                <Table.Td w="1%" style={{ whiteSpace: 'nowrap' }}>
                  {e.canEdit || a.ownerUserId === user.id || a.ownerOrganizationId === user.organization.id ? (
                    <Checkbox label={t('engagements.done')} checked={a.status === 'done'} onChange={() => toggle.mutate(a)} />
                  ) : (
                    // A badge's label may otherwise shrink to nothing in a table cell (its overflow is hidden).
                    <Badge variant="light" styles={{ label: { overflow: 'visible' } }}>
                      {t(`engagements.status.${a.status}`)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {toggle.isError && <Text c="red" size="sm" role="alert">{errorMessage(toggle.error)}</Text>}
      {e.canEdit && (
        <Stack gap="xs">
          <TextInput label={t('engagements.followUpDescription')} value={draft.description} onChange={(ev) => setDraft({ ...draft, description: ev.currentTarget.value })} />
          <Select
            label={t('engagements.followUpOwner')}
            searchable
            data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={draft.ownerOrganizationId}
            onChange={(v) => setDraft({ ...draft, ownerOrganizationId: v })}
          />
          <TextInput type="date" label={t('engagements.followUpDue')} value={draft.dueDate} onChange={(ev) => setDraft({ ...draft, dueDate: ev.currentTarget.value })} />
          {add.isError && <Text c="red" size="sm" role="alert">{errorMessage(add.error)}</Text>}
          <Group>
            <Button size="xs" onClick={() => add.mutate()} loading={add.isPending}>{t('engagements.addFollowUp')}</Button>
          </Group>
        </Stack>
      )}
      <Anchor size="xs" href={informationNoteUrl(e.id, 'html', i18n.language)} target="_blank">{t('engagements.noteHtml')}</Anchor>
    </Stack>
  );
}
