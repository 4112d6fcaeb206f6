import { useMantineTheme } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { providersQuery } from '../api/organizations';
import type { ReportSummary, SummaryFilters } from '../api/reports';
import { formatMonth, formattingLocale } from '../format';
import { useTranslation } from '../i18n';

/** What every dashboard card draws from: the summary and the filters it was fetched with. */
export interface CardProps {
  summary: ReportSummary;
  filters: SummaryFilters;
}

/** A chart's file name: what it is and the filters it was drawn with. */
export function csvName(slug: string, filters: SummaryFilters): string {
  const parts = ['a1540', slug, filters.from, filters.to, filters.state].filter(Boolean);
  return parts.join('-');
}

/** Numbers, percentages and months in the reader's language, for figures and chart axes. */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language);
  return {
    number: (value: number, digits = 1) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value),
    percent: (value: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    month: (month: string) => formatMonth(month, i18n.language),
  };
}

/** Concrete colours for ECharts, from the same Mantine colour each status badge uses. */
export function useShade() {
  const theme = useMantineTheme();
  return (color: string, shade = 6) => theme.colors[color]?.[shade] ?? theme.colors.gray[6];
}

/** Providers' short names ("BAFA") for chart axes, where full names do not fit. */
export function useProviderShortName() {
  const providers = useQuery(providersQuery);
  return (id: string, name: string) => providers.data?.find((provider) => provider.id === id)?.shortName ?? name;
}
