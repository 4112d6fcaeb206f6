import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { publicActionPlansQuery, publicEngagementsQuery, publicNoteUrl } from '../api/public-requests';
import { ErrorState } from '../components/error-state';
import { formatDate } from '../format';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

// The register shows the most recent ones; the lists are short (a few plans and notes a year).
const PAGE_SIZE = 50;

/** National action plans' public summaries, as their States chose to publish them. */
export function PublicActionPlansSection() {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const plans = useQuery(publicActionPlansQuery(1, PAGE_SIZE));
  return (
    <Stack component="section" aria-labelledby="public-plans-title" gap="sm" mt="xl">
      <Title order={2} size="h3" id="public-plans-title">
        {t('publicRegister.plans.title')}
      </Title>
      {plans.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Text c="dimmed">{t('publicRegister.plans.empty')}</Text>
      ) : (
        plans.data.items.map((p) => (
          <Card key={p.id} withBorder component="article" aria-label={p.title}>
            <Title order={3} size="h5">
              {p.title}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {p.submittedOn
                ? t('publicRegister.plans.byline', { state: lookup?.stateName(p.state) ?? p.state, date: formatDate(p.submittedOn, i18n.language) })
                : (lookup?.stateName(p.state) ?? p.state)}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }}>{p.summary}</Text>
          </Card>
        ))
      )}
    </Stack>
  );
}

/** Engagements whose information note the Committee published, with links to the note (HTML and PDF). */
export function PublicInformationNotesSection() {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const notes = useQuery(publicEngagementsQuery(1, PAGE_SIZE));
  return (
    <Stack component="section" aria-labelledby="public-notes-title" gap="sm" mt="xl">
      <Title order={2} size="h3" id="public-notes-title">
        {t('publicRegister.notes.title')}
      </Title>
      {notes.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : notes.isError ? (
        <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.items.length === 0 ? (
        <Text c="dimmed">{t('publicRegister.notes.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
          {notes.data.items.map((e) => {
            const dates =
              e.startDate === e.endDate
                ? formatDate(e.startDate, i18n.language)
                : t('publicRegister.notes.dates', { start: formatDate(e.startDate, i18n.language), end: formatDate(e.endDate, i18n.language) });
            const where = [e.venue, e.online ? t('engagements.online') : null].filter(Boolean).join(' · ');
            return (
              <Card key={e.id} withBorder component="li" padding="sm">
                <Text fw={600}>
                  {t(`engagements.kinds.${e.kind}`)}: {e.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {[dates, where, e.states.map((s) => lookup?.stateName(s) ?? s).join(', ')].filter(Boolean).join(' · ')}
                </Text>
                <Group gap="md" mt={4}>
                  <Anchor href={publicNoteUrl(e.id, 'html', i18n.language)} target="_blank" size="sm" aria-label={t('publicRegister.notes.htmlFor', { title: e.title })}>
                    {t('publicRegister.notes.html')}
                  </Anchor>
                  <Anchor href={publicNoteUrl(e.id, 'pdf', i18n.language)} size="sm" aria-label={t('publicRegister.notes.pdfFor', { title: e.title })}>
                    {t('publicRegister.notes.pdf')}
                  </Anchor>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
