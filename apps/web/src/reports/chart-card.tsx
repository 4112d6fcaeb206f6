import { Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { downloadCsv, type CsvTable } from './csv';
import { useDuration } from '../components/use-duration';
import { useTranslation } from '../i18n';

interface ChartCardProps {
  title: string;
  description: string;
  /** The figures behind the card: its CSV and its table view. */
  table: CsvTable;
  /** The CSV's file name, without the extension. */
  filename: string;
  /** The chart; without one the card shows its table. */
  chart?: ReactNode;
  /** Controls above the body (e.g. what to count by). */
  controls?: ReactNode;
  /** Shown instead of the body when there is nothing to draw. */
  empty?: string;
}

/** A dashboard card: title, what it shows, a chart or its table, and the CSV of exactly those figures. */
export function ChartCard({ title, description, table, filename, chart, controls, empty }: ChartCardProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const showTable = !chart || view === 'table';
  return (
    <Paper withBorder p="lg" component="section" aria-label={title} h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </div>
          <Button
            variant="default"
            size="xs"
            style={{ flexShrink: 0 }}
            onClick={() => downloadCsv(filename, table)}
            disabled={table.rows.length === 0}
          >
            {t('reports.chart.downloadCsv')}
          </Button>
        </Group>
        {(chart || controls) && (
          <Group justify="space-between" gap="sm">
            {controls ?? <span />}
            {chart && !empty && (
              <SegmentedControl
                size="xs"
                aria-label={t('reports.chart.view')}
                value={view}
                onChange={(value) => setView(value)}
                data={[
                  { value: 'chart', label: t('reports.chart.asChart') },
                  { value: 'table', label: t('reports.chart.asTable') },
                ]}
              />
            )}
          </Group>
        )}
        {empty ? (
          <Text size="sm" c="dimmed" py="md">
            {empty}
          </Text>
        ) : showTable ? (
          <FiguresTable table={table} label={t('reports.chart.tableOf', { title })} />
        ) : (
          chart
        )}
      </Stack>
    </Paper>
  );
}

/** The card's figures as a table: text left, numbers right. */
export function FiguresTable({ table, label }: { table: CsvTable; label: string }) {
  const duration = useDuration();
  const shown = (cell: CsvTable['rows'][number][number], index: number) =>
    typeof cell === 'number' && table.durationColumns?.includes(index) ? duration(cell) : (cell ?? '—');
  return (
    <Table.ScrollContainer minWidth={320} maxHeight={360} type="native">
      <Table striped stickyHeader verticalSpacing={6} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {table.header.map((cell, index) => (
              <Table.Th key={cell} ta={index === 0 ? 'left' : 'right'}>
                {cell}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, rowIndex) => (
            <Table.Tr key={rowIndex}>
              {row.map((cell, index) => (
                <Table.Td
                  key={index}
                  ta={typeof cell === 'number' ? 'right' : 'left'}
                  ff={typeof cell === 'number' && !table.durationColumns?.includes(index) ? 'monospace' : undefined}
                >
                  {shown(cell, index)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
