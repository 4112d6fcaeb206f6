import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { isScoreComponentKey, SCORE_COMPONENT_KEYS, type Match, type ScoreComponent } from '../api/matches';
import { formattingLocale } from '../format';
import { useTranslation } from '../i18n';

/** A score in [0, 1] as people read it: two decimals ("0.82"). */
export function useScoreFormat() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return { score: (value: number) => decimal.format(value), percent: (value: number) => percent.format(value) };
}

/**
 * One bar per score component. A bar's length is the component's share of all weights, so the criteria that
 * count most have the longest bars; the filled part is the contribution this pair earns (value × weight ÷ Σ
 * weights). The filled parts add up to the score.
 */
export function ScoreBreakdown({ components }: { components: ScoreComponent[] }) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const totalWeight = components.reduce((sum, component) => sum + component.weight, 0);
  if (components.length === 0 || totalWeight <= 0) return null;
  const share = (component: ScoreComponent) => component.weight / totalWeight;
  const longest = Math.max(...components.map(share));
  const order = (key: string) => {
    const index = (SCORE_COMPONENT_KEYS as readonly string[]).indexOf(key);
    return index < 0 ? SCORE_COMPONENT_KEYS.length : index;
  };
  const sorted = [...components].sort((a, b) => order(a.key) - order(b.key));

  return (
    <Stack gap={6} role="list" aria-label={t('score.breakdown')}>
      {sorted.map((component) => {
        const label = isScoreComponentKey(component.key) ? t(`scoreComponents.${component.key}.label`) : component.key;
        const help = isScoreComponentKey(component.key) ? t(`scoreComponents.${component.key}.help`) : undefined;
        const trackWidth = (share(component) / longest) * 100;
        // The filled part of the track: contribution ÷ share, which is the component's value.
        const fillWidth = Math.min(100, Math.max(0, component.value * 100));
        const description = t('score.component', {
          label,
          value: format.percent(component.value),
          weight: format.percent(share(component)),
          contribution: format.score(component.contribution),
        });
        return (
          <Group
            key={component.key}
            gap="sm"
            wrap="nowrap"
            role="listitem"
            aria-label={description}
            data-component={component.key}
          >
            <Tooltip label={help} disabled={!help} multiline maw={320} openDelay={200} withinPortal>
              <Text
                size="sm"
                w={{ base: 120, sm: 200 }}
                style={{ flexShrink: 0, cursor: help ? 'help' : undefined }}
                aria-hidden="true"
              >
                {label}
              </Text>
            </Tooltip>
            <Box style={{ flex: 1, minWidth: 80 }} aria-hidden="true">
              <Box
                h={12}
                w={`${Math.max(trackWidth, 2)}%`}
                bg="gray.2"
                style={{ borderRadius: 3, overflow: 'hidden' }}
                title={description}
              >
                <Box h="100%" w={`${fillWidth}%`} bg={fillWidth >= 99.5 ? 'teal.6' : 'blue.5'} />
              </Box>
            </Box>
            <Text
              size="xs"
              c="dimmed"
              w={150}
              visibleFrom="sm"
              ta="right"
              style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
              aria-hidden="true"
            >
              {t('score.componentShort', {
                value: format.percent(component.value),
                weight: format.percent(share(component)),
              })}
            </Text>
            <Text size="sm" fw={600} w={52} ta="right" ff="monospace" style={{ flexShrink: 0 }} aria-hidden="true">
              {t('score.adds', { contribution: format.score(component.contribution) })}
            </Text>
          </Group>
        );
      })}
      <Text size="xs" c="dimmed">
        {t('score.legend')}
      </Text>
    </Stack>
  );
}

/**
 * The score as a number and a thin bar; "Not scored yet" before the engine has scored the pair, or "No score"
 * for a pair it never will (`pending` false: the request has left matching).
 */
export function ScoreValue({ score, size = 'md', pending = true }: { score: number | null; size?: 'sm' | 'md'; pending?: boolean }) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  if (score === null) {
    return (
      <Tooltip label={pending ? t('score.notScoredHelp') : t('score.noScoreHelp')} multiline maw={260}>
        <Text size="sm" c="dimmed">
          {pending ? t('score.notScored') : t('score.noScore')}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Stack gap={3} w={size === 'md' ? 80 : 56} aria-label={`${t('score.label')} ${format.score(score)}`} role="group">
      <Text fw={700} size={size === 'md' ? 'xl' : 'sm'} ff="monospace" lh={1} aria-hidden="true">
        {format.score(score)}
      </Text>
      <Box h={4} bg="gray.2" style={{ borderRadius: 2, overflow: 'hidden' }} aria-hidden="true">
        <Box h="100%" w={`${Math.round(score * 100)}%`} bg="blue.6" />
      </Box>
    </Stack>
  );
}

/** What a score has meant so far: of the decided suggestions in its band, how many were taken up. */
export function CalibrationLine({ calibration }: { calibration: NonNullable<Match['calibration']> }) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const { from, to, decided, takenUp } = calibration;
  return (
    <Text size="sm" c="dimmed" data-testid="match-calibration">
      {t('score.calibration', {
        from: format.score(from),
        to: format.score(to),
        decided,
        takenUp,
        share: format.percent(takenUp / decided),
      })}
    </Text>
  );
}
