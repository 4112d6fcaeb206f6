import { Box, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ReportSummary } from '../api/reports';
import { useTaxonomy, type TaxonomyLookup } from '../taxonomy/use-taxonomy';
import { ChartCard } from './chart-card';
import type { CsvTable } from './csv';
import { csvName, type CardProps } from './report-card';
import { useTranslation } from '../i18n';

type CoverageTone = 'gap' | 'short' | 'covered' | 'unasked' | 'none';

function coverageTone(requested: number, offered: number): CoverageTone {
  if (requested > 0 && offered === 0) return 'gap';
  if (requested > offered) return 'short';
  if (requested > 0) return 'covered';
  return offered > 0 ? 'unasked' : 'none';
}

const TONE_COLOR: Record<CoverageTone, string> = {
  gap: 'var(--mantine-color-red-2)',
  short: 'var(--mantine-color-yellow-2)',
  covered: 'var(--mantine-color-teal-1)',
  unasked: 'var(--mantine-color-gray-1)',
  none: 'transparent',
};

export function CoverageCard({ summary, filters }: CardProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const table: CsvTable = {
    header: [
      t('reports.coverage.provision'),
      t('reports.coverage.domain'),
      t('reports.coverage.requested'),
      t('reports.coverage.offered'),
      t('reports.coverage.gap'),
    ],
    rows: summary.coverage.map((cell) => [
      cell.provision,
      cell.domain,
      cell.requested,
      cell.offered,
      Math.max(0, cell.requested - cell.offered),
    ]),
  };
  return (
    <ChartCard
      title={t('reports.coverage.title')}
      description={t('reports.coverage.description')}
      table={table}
      filename={csvName('coverage-provision-domain', filters)}
      empty={summary.coverage.length === 0 ? t('reports.chart.noData') : undefined}
      chart={lookup ? <CoverageGrid coverage={summary.coverage} lookup={lookup} /> : null}
    />
  );
}

function CoverageGrid({ coverage, lookup }: { coverage: ReportSummary['coverage']; lookup: TaxonomyLookup }) {
  const { t } = useTranslation();
  const byCell = new Map(coverage.map((cell) => [`${cell.provision}|${cell.domain}`, cell]));
  const provisions = lookup.taxonomy.provisions;
  const domains = lookup.taxonomy.domains;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label={t('reports.coverage.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.coverage.provision')}</Table.Th>
              {domains.map((domain) => (
                <Table.Th key={domain.code} ta="center">
                  {domain.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {provisions.map((provision) => (
              <Table.Tr key={provision.code}>
                <Table.Th scope="row" fw={500}>
                  <Tooltip label={provision.help} multiline maw={320} openDelay={200}>
                    <Text size="sm" fw={500} lineClamp={1} maw={260}>
                      {provision.label}
                    </Text>
                  </Tooltip>
                </Table.Th>
                {domains.map((domain) => {
                  const cell = byCell.get(`${provision.code}|${domain.code}`);
                  const requested = cell?.requested ?? 0;
                  const offered = cell?.offered ?? 0;
                  const tone = coverageTone(requested, offered);
                  return (
                    <Table.Td
                      key={domain.code}
                      ta="center"
                      ff="monospace"
                      bg={TONE_COLOR[tone]}
                      fw={tone === 'gap' ? 700 : undefined}
                      data-tone={tone}
                      aria-label={t('reports.coverage.cellLabel', {
                        provision: provision.label,
                        domain: domain.label,
                        requested,
                        offered,
                      })}
                    >
                      {tone === 'none' ? '' : t('reports.coverage.cell', { requested, offered })}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('reports.coverage.legend')}
        </Text>
        {(['gap', 'short', 'covered', 'unasked'] as const).map((tone) => (
          <Group key={tone} gap={6}>
            <Box w={14} h={14} bg={TONE_COLOR[tone]} style={{ border: '1px solid var(--mantine-color-gray-4)' }} />
            <Text size="xs">
              {t(
                `reports.coverage.${tone === 'gap' ? 'legendGap' : tone === 'short' ? 'legendShort' : tone === 'covered' ? 'legendCovered' : 'legendUnasked'}`,
              )}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
