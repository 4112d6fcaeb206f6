import { Anchor, Box, Group, Table, Text } from '@mantine/core';
import { Link } from '../router';
import { useDuration } from '../components/use-duration';
import { formatDate } from '../format';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { csvName, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

export function UnmatchedCard({ summary, filters }: CardProps) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const rows = summary.unmatched;
  const table: CsvTable = {
    header: [
      t('reports.unmatched.reference'),
      t('reports.unmatched.request'),
      t('reports.unmatched.state'),
      t('reports.unmatched.circulatedAt'),
      t('reports.unmatched.age'),
    ],
    rows: rows.map((row) => [row.reference, row.title, row.state, row.circulatedAt.slice(0, 10), row.ageDays]),
    durationColumns: [4],
    csvHeader: [
      t('reports.unmatched.reference'),
      t('reports.unmatched.request'),
      t('reports.unmatched.state'),
      t('reports.unmatched.circulatedAt'),
      t('reports.unmatched.ageDays'),
    ],
  };
  const oldest = Math.max(1, ...rows.map((row) => row.ageDays));
  return (
    <ChartCard
      title={t('reports.unmatched.title')}
      description={t('reports.unmatched.description')}
      table={table}
      filename={csvName('unmatched-requests', filters)}
      empty={rows.length === 0 ? t('reports.unmatched.none') : undefined}
      chart={
        <Table.ScrollContainer minWidth={720} maxHeight={420} type="native">
          <Table striped stickyHeader verticalSpacing={6} aria-label={t('reports.unmatched.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.unmatched.reference')}</Table.Th>
                <Table.Th>{t('reports.unmatched.request')}</Table.Th>
                <Table.Th>{t('reports.unmatched.state')}</Table.Th>
                <Table.Th>{t('reports.unmatched.circulatedAt')}</Table.Th>
                <Table.Th w={220}>{t('reports.unmatched.age')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/committee/requests/${row.id}`} size="sm">
                      {row.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/committee/requests/${row.id}`} size="sm" c="inherit">
                      {row.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{lookup?.stateName(row.state) ?? row.state}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.circulatedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <AgeBar days={row.ageDays} max={oldest} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

function AgeBar({ days, max }: { days: number; max: number }) {
  const duration = useDuration();
  const color = days > 180 ? 'red.6' : days > 60 ? 'orange.5' : 'teal.5';
  return (
    <Group gap="xs" wrap="nowrap">
      <Box w={140} h={10} bg="gray.1" style={{ borderRadius: 3, overflow: 'hidden', flexShrink: 0 }} aria-hidden="true">
        <Box h="100%" w={`${Math.max(2, (days / max) * 100)}%`} bg={color} />
      </Box>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {duration(days)}
      </Text>
    </Group>
  );
}
