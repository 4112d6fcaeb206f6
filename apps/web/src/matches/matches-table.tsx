import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from '../router';
import { awaitsScore, type Match } from '../api/matches';
import { useSignedInUser } from '../auth/current-user';
import { SortableTh } from '../components/list-controls';
import { MatchStatusBadge } from '../components/status-badge';
import { formatDate } from '../format';
import { offerPath, requestPath } from '../paths';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { MatchActions } from './match-actions';
import { FeedbackLines } from './match-card';
import { ScoreValue } from './score-breakdown';
import { useTranslation } from '../i18n';

interface MatchesTableProps {
  items: Match[];
  label: string;
  sort?: string;
  onSort?: (sort: string) => void;
}

/** Matches with both sides, score, origin and status; each row's actions are those the API allows the viewer. */
export function MatchesTable({ items, label, sort, onSort }: MatchesTableProps) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();

  const sortable = (field: string, title: string, first: 'asc' | 'desc') =>
    sort && onSort ? (
      <SortableTh field={field} sort={sort} onSort={onSort} firstDirection={first}>
        {title}
      </SortableTh>
    ) : (
      <Table.Th>{title}</Table.Th>
    );

  return (
    // The record tables' classes: on a phone each match becomes a card of labelled lines (app.css).
    <Table.ScrollContainer minWidth={960} type="native" className="record-table-scroll">
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        horizontalSpacing="xs"
        aria-label={label}
        className="record-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matchesTable.columns.request')}</Table.Th>
            <Table.Th>{t('matchesTable.columns.offer')}</Table.Th>
            {sortable('score', t('matchesTable.columns.score'), 'desc')}
            <Table.Th>{t('matchesTable.columns.status')}</Table.Th>
            {sortable('updatedAt', t('matchesTable.columns.updatedAt'), 'desc')}
            <Table.Th>{t('list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((match) => {
            const offerLink = offerPath(user.role, match.offer.id);
            return (
              <Table.Tr key={match.id} data-match-id={match.id}>
                <Table.Td miw={220} maw={320} data-label={t('matchesTable.columns.request')}>
                  <Stack gap={2}>
                    <Text size="xs" ff="monospace" c="dimmed">
                      {match.request.reference} · {lookup?.stateName(match.request.state) ?? match.request.state}
                    </Text>
                    <Anchor
                      component={Link}
                      to={`${requestPath(user.role, match.request.id)}?match=${match.id}`}
                      size="sm"
                      fw={500}
                    >
                      {match.request.title}
                    </Anchor>
                  </Stack>
                </Table.Td>
                <Table.Td miw={200} maw={300} data-label={t('matchesTable.columns.offer')}>
                  <Stack gap={2}>
                    {offerLink ? (
                      <Anchor component={Link} to={offerLink} size="sm" fw={500}>
                        {match.offer.title}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={500}>
                        {match.offer.title}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" title={match.offer.provider.name}>
                      {match.offer.provider.shortName}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td data-label={t('matchesTable.columns.score')}>
                  <ScoreValue score={match.score} size="sm" pending={awaitsScore(match)} />
                </Table.Td>
                <Table.Td data-label={t('matchesTable.columns.status')}>
                  <Stack gap={4} align="flex-start">
                    <MatchStatusBadge status={match.status} size="sm" />
                    <Text size="xs" c="dimmed">
                      {t(`matchOrigin.${match.origin}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-label={t('matchesTable.columns.updatedAt')}>
                  <Text size="sm">{formatDate(match.updatedAt, i18n.language)}</Text>
                </Table.Td>
                <Table.Td data-label={t('list.actions')}>
                  <Stack gap={6}>
                    <MatchActions match={match} size="xs" />
                    <FeedbackLines requester={match.feedback.requester} provider={match.feedback.provider} compact />
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
