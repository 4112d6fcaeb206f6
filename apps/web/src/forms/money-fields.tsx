import { NumberInput, Select } from '@mantine/core';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

interface MoneyFieldsProps {
  amountLabel: string;
  amountDescription?: string;
  amount: number | string;
  onAmountChange: (value: number | string) => void;
  amountError?: string;
  currencyDescription?: string;
  currency: string | null;
  onCurrencyChange: (value: string | null) => void;
  currencyError?: string;
  /** Minimum width of each input, when laid out in a wrapping row. */
  miw?: number;
}

/**
 * An amount typed in major units and its currency, as two sibling inputs. The amount
 * is kept as typed, a minus sign and extra decimals included: the form refuses them with a message.
 */
export function MoneyFields({
  amountLabel,
  amountDescription,
  amount,
  onAmountChange,
  amountError,
  currencyDescription,
  currency,
  onCurrencyChange,
  currencyError,
  miw,
}: MoneyFieldsProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  return (
    <>
      <NumberInput
        label={amountLabel}
        description={amountDescription}
        value={amount}
        onChange={onAmountChange}
        error={amountError}
        thousandSeparator=","
        miw={miw}
      />
      <Select
        label={t('fields.currency')}
        description={currencyDescription}
        data={lookup?.options.currencies ?? []}
        value={currency}
        onChange={onCurrencyChange}
        error={currencyError}
        searchable
        miw={miw}
      />
    </>
  );
}
