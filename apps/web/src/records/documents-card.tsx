import { Alert, Anchor, Button, Group, Modal, Paper, Progress, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { ApiError } from '../api/client';
import {
  DOCUMENT_KINDS,
  documentsQuery,
  isPreviewable,
  previewUrl,
  removeDocument,
  uploadDocument,
  type DocumentKind,
  type DocumentParent,
  type DocumentView,
} from '../api/documents';
import { DetailCard } from '../components/detail-layout';
import { formatDate, formattingLocale } from '../format';
import { useTranslation } from '../i18n';

/** "2.4 MB", "830 KB": sizes as people read them. */
export function formatSize(bytes: number, language: string): string {
  // formattingLocale: Arabic with Western digits as everywhere else (a bare `ar` may bring Arabic-Indic ones).
  const number = (n: number) => new Intl.NumberFormat(formattingLocale(language), { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** A record's documents: the list with download, preview and removal, and the upload form for those who may add. */
export function DocumentsCard({ parent, parentId }: { parent: DocumentParent; parentId: string }) {
  const { t } = useTranslation();
  return (
    <DetailCard title={t('documents.title')}>
      <DocumentsPanel parent={parent} parentId={parentId} />
    </DetailCard>
  );
}

/** The same without its card, for places that already frame it (a match card). */
export function DocumentsPanel({ parent, parentId }: { parent: DocumentParent; parentId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(documentsQuery(parent, parentId));
  const [preview, setPreview] = useState<DocumentView | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(parentId) });
  const remove = useMutation({ mutationFn: removeDocument, onSuccess: refresh });

  if (list.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  const { items, canUpload, maxBytes } = list.data;

  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Text c="dimmed">{t('documents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" aria-label={t('documents.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.columns.document')}</Table.Th>
                <Table.Th>{t('documents.columns.kind')}</Table.Th>
                <Table.Th>{t('documents.columns.from')}</Table.Th>
                <Table.Th>{t('documents.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id} data-document-id={d.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {d.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.fileName} · {formatSize(d.size, i18n.language)}
                      {d.documentDate && <> · {formatDate(d.documentDate, i18n.language)}</>}
                      {d.language && <> · {d.language}</>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`documents.kinds.${d.kind}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.organization.shortName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor href={d.contentUrl} download={d.fileName} size="sm" aria-label={t('documents.downloadNamed', { title: d.title })}>
                        {t('documents.download')}
                      </Anchor>
                      {isPreviewable(d) && (
                        <Button variant="subtle" size="compact-sm" onClick={() => setPreview(d)} aria-label={t('documents.previewNamed', { title: d.title })}>
                          {t('documents.preview')}
                        </Button>
                      )}
                      {d.canRemove && (
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          loading={remove.isPending && remove.variables === d.id}
                          aria-label={t('documents.removeNamed', { title: d.title })}
                          onClick={() => {
                            if (window.confirm(t('documents.confirmRemove', { title: d.title }))) remove.mutate(d.id);
                          }}
                        >
                          {t('documents.remove')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
      {canUpload && <UploadForm parent={parent} parentId={parentId} maxBytes={maxBytes} onUploaded={refresh} />}
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.title} size="xl">
        {preview &&
          (preview.contentType === 'application/pdf' ? (
            <iframe src={previewUrl(preview)} title={preview.title} style={{ width: '100%', height: '70vh', border: 0 }} />
          ) : (
            <img src={previewUrl(preview)} alt={preview.title} style={{ maxWidth: '100%' }} />
          ))}
      </Modal>
    </Stack>
  );
}

function UploadForm({ parent, parentId, maxBytes, onUploaded }: { parent: DocumentParent; parentId: string; maxBytes: number; onUploaded: () => unknown }) {
  const { t, i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>('other');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('');
  const [date, setDate] = useState('');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setError(chosen.size > maxBytes ? t('documents.tooLarge', { size: formatSize(chosen.size, i18n.language), max: formatSize(maxBytes, i18n.language) }) : null);
    setFile(chosen);
    if (!title) setTitle(chosen.name.replace(/\.[^.]+$/, '').slice(0, 300));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const submit = async () => {
    if (!file || file.size > maxBytes) return;
    if (!title.trim()) return setError(t('documents.titleRequired'));
    setError(null);
    setProgress(0);
    try {
      await uploadDocument(parent, parentId, { kind, title: title.trim(), language: language.trim() || undefined, date: date || undefined }, file, setProgress).done;
      setFile(null);
      setTitle('');
      setLanguage('');
      setDate('');
      if (input.current) input.current.value = '';
      await onUploaded();
    } catch (err) {
      setError(refusal(err, { network: t('documents.networkError'), wrongType: t('documents.wrongType'), tooLarge: t('documents.tooLargeServer') }));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm" component="form" aria-label={t('documents.upload')} onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Paper
        withBorder
        p="md"
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="document-dropzone"
        style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-blue-0)' : undefined }}
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm" c={file ? undefined : 'dimmed'}>
            {file ? t('documents.chosen', { name: file.name, size: formatSize(file.size, i18n.language) }) : t('documents.dropHere', { max: formatSize(maxBytes, i18n.language) })}
          </Text>
          <Button variant="default" size="xs" onClick={() => input.current?.click()}>
            {t('documents.chooseFile')}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t('documents.chooseFile')}
          accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt,.csv"
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </Paper>
      {file && (
        <Group grow align="flex-start" gap="sm">
          <Select
            label={t('documents.fields.kind')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
          />
          <TextInput label={t('documents.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} required />
          <TextInput label={t('documents.fields.language')} description={t('documents.fields.languageHint')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)} maxLength={3} />
          <TextInput label={t('documents.fields.date')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </Group>
      )}
      {progress !== null && <Progress value={Math.round(progress * 100)} aria-label={t('documents.progress')} animated />}
      {error && (
        <Alert color="red" role="alert" title={t('documents.refused')}>
          {error}
        </Alert>
      )}
      {file && (
        <Group justify="flex-end">
          <Button type="submit" loading={progress !== null} disabled={file.size > maxBytes}>
            {t('documents.upload')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The API's own words for a refusal, with the field it names; the status decides the lead sentence. */
export function refusal(err: unknown, words: { network: string; wrongType: string; tooLarge: string }): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (err.isNetworkError) return words.network;
  const lead = err.statusCode === 415 ? words.wrongType : err.statusCode === 413 ? words.tooLarge : '';
  return [lead, err.message].filter(Boolean).join(' ');
}
