import { Anchor, Group, Paper, Text } from '@mantine/core';
import { EXPORT_ENTITIES, exportCsvUrl, type SummaryFilters } from '../api/reports';
import { useTranslation } from '../i18n';

export function ExportLinks({ filters }: { filters: SummaryFilters }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-label={t('reports.exports.title')}>
      <Group gap="md" wrap="wrap" align="center">
        <Text size="sm" fw={600}>
          {t('reports.exports.title')}
        </Text>
        {EXPORT_ENTITIES.map((entity) => (
          <Anchor key={entity} href={exportCsvUrl(entity, filters)} download size="sm">
            {t(`reports.exports.${entity}`)} (CSV)
          </Anchor>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('reports.exports.help')}
      </Text>
    </Paper>
  );
}
