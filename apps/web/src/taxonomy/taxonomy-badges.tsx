import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { CodedCategory } from '../api/taxonomy';
import { useTaxonomy } from './use-taxonomy';
import { useTranslation } from '../i18n';

interface TaxonomyBadgesProps {
  category: CodedCategory;
  codes: string[];
  /** `short`: compact (OP3(d)) for tables, the full label in the tooltip; `label`: the label, help in the tooltip. */
  display?: 'short' | 'label';
}

/** Codes as small badges; hovering one shows its label and help. */
export function TaxonomyBadges({ category, codes, display = 'label' }: TaxonomyBadgesProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  if (codes.length === 0) return <Text c="dimmed">{t('common.notSet')}</Text>;
  return (
    <Group gap={4}>
      {codes.map((code) => {
        const entry = lookup?.entry(category, code);
        const tooltip = entry ? (display === 'short' ? entry.label : entry.help) : undefined;
        return (
          <Tooltip key={code} label={tooltip} disabled={!tooltip} multiline maw={320} withinPortal openDelay={200}>
            <Badge
              variant="outline"
              color="gray"
              size="sm"
              radius="sm"
              tt="none"
              h="auto"
              py={2}
              maw="100%"
              styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
              style={{ cursor: 'default' }}
            >
              {display === 'short' ? (lookup?.short(category, code) ?? code) : (entry?.label ?? code)}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** Codes with their labels and help texts, one per line: for detail pages. */
export function TaxonomyList({ category, codes }: { category: CodedCategory; codes: string[] }) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  if (codes.length === 0) return <Text c="dimmed">{t('common.notSet')}</Text>;
  return (
    <Stack gap={6}>
      {codes.map((code) => {
        const entry = lookup?.entry(category, code);
        return (
          <div key={code}>
            <Text size="sm" fw={500}>
              {entry?.label ?? code}
            </Text>
            {entry?.help && (
              <Text size="xs" c="dimmed">
                {entry.help}
              </Text>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
