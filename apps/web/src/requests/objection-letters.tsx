import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentsQuery } from '../api/documents';
import { useState } from 'react';
import { requestKeys, transitionRequest, type AssistanceRequest } from '../api/requests';
import { DetailCard } from '../components/detail-layout';
import { useNotify } from '../components/notifications';
import { formatDate, formatDateTime } from '../format';
import { useTranslation } from '../i18n';

/** The State's objection to circulation while it stands (DESIGN §4b): circulation waits for its withdrawal. */
export function ObjectionNote({ request }: { request: AssistanceRequest }) {
  const { t, i18n } = useTranslation();
  if (!request.objectedAt) return null;
  const text =
    request.objectionSource === 'letter'
      ? t('objection.byLetter', {
          date: request.objectionLetterDate ? formatDate(request.objectionLetterDate, i18n.language) : '—',
        })
      : t('objection.inApp', { at: formatDateTime(request.objectedAt, i18n.language) });
  return (
    <Alert color="red" variant="light" title={t('objection.title')} role="status" data-objection>
      {text} {t('objection.blocks')}
    </Alert>
  );
}

type LetterKind = 'record_objection' | 'record_waiver';

/** The Committee records what the State wrote: an objection to circulation, or a waiver of the window. */
export function LetterCard({ request }: { request: AssistanceRequest }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const kinds = (['record_objection', 'record_waiver'] as const).filter((k) => request.availableActions.includes(k));
  const [kind, setKind] = useState<LetterKind>(kinds[0] ?? 'record_objection');
  const [letterDate, setLetterDate] = useState('');
  const [comment, setComment] = useState('');
  const [documentId, setDocumentId] = useState<string | null>(null);
  // The letter itself, when it was added to the request's documents first.
  const documents = useQuery(documentsQuery('request', request.id));
  const record = useMutation({
    mutationFn: () =>
      transitionRequest(request.id, {
        action: kind,
        letterDate,
        documentId: documentId ?? undefined,
        comment: comment.trim() || undefined,
        version: request.version,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      setLetterDate('');
      setComment('');
      setDocumentId(null);
      notify({ color: 'green', title: t(`letters.${kind}.done`, { reference: updated.reference }) });
    },
  });
  if (kinds.length === 0) return null;
  const chosen = kinds.includes(kind) ? kind : kinds[0];
  return (
    <DetailCard title={t('letters.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('letters.help')}
          </Text>
          {kinds.length > 1 && (
            <SegmentedControl
              value={chosen}
              onChange={(value) => setKind(value)}
              data={kinds.map((k) => ({ value: k, label: t(`letters.${k}.label`) }))}
              aria-label={t('letters.kind')}
            />
          )}
          <TextInput
            type="date"
            label={t('letters.date')}
            required
            value={letterDate}
            onChange={(event) => setLetterDate(event.currentTarget.value)}
          />
          <Select
            label={t('letters.document')}
            description={t('letters.documentHint')}
            placeholder={t('letters.noDocument')}
            data={(documents.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.title} (${d.fileName})` }))}
            value={documentId}
            onChange={setDocumentId}
            clearable
          />
          <Textarea
            label={t('letters.comment')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          {record.error && (
            <Text c="red" size="sm" role="alert">
              {record.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={record.isPending}
              disabled={!letterDate}
              color={chosen === 'record_objection' ? 'red' : undefined}
            >
              {t(`letters.${chosen}.button`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </DetailCard>
  );
}
