import { createOfferSchema, offerContentSchema, OFFER_TEXT_LIMITS, PLANNING_DATES } from '@app/contracts';
import { MultiSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { AssistanceOffer, OfferInput } from '../api/offers';
import type { FieldErrors } from '../components/form-errors';
import { withCharacterCount } from '../forms/character-count';
import { DateRangeFields } from '../forms/date-range-fields';
import { hasTooManyDecimals, minorUnitsOf, moneyFromMajor, moneyToMajor } from '../forms/money';
import { MoneyFields } from '../forms/money-fields';
import { TaxonomyFields } from '../forms/taxonomy-fields';
import { TitleDescriptionFields } from '../forms/title-description-fields';
import { FormSection } from '../records/form-section';
import { RecordForm, useRecordForm, type RecordFormProps } from '../records/record-form';
import { TaxonomyMultiSelect } from '../taxonomy/taxonomy-pickers';
import type { TaxonomyLookup } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

interface FormValues {
  title: string;
  description: string;
  programme: string;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
  eligibleRegions: string[];
  eligibleStates: string[];
  deliveryModes: string[];
  languages: string[];
  engagements: number | string;
  /** Major units, as typed. */
  budgetAmount: number | string;
  budgetCurrency: string | null;
  availableFrom: string;
  availableUntil: string;
}
type FormField = keyof FormValues;

const EMPTY: FormValues = {
  title: '',
  description: '',
  programme: '',
  provisions: [],
  domains: [],
  assistanceTypes: [],
  targetInstitutions: [],
  eligibleRegions: [],
  eligibleStates: [],
  deliveryModes: [],
  languages: [],
  engagements: '',
  budgetAmount: '',
  budgetCurrency: 'USD',
  availableFrom: '',
  availableUntil: '',
};

function valuesOf(offer: AssistanceOffer, lookup: TaxonomyLookup | undefined): FormValues {
  const budget = offer.capacity?.budget;
  return {
    title: offer.title,
    description: offer.description,
    programme: offer.programme ?? '',
    provisions: offer.provisions,
    domains: offer.domains,
    assistanceTypes: offer.assistanceTypes,
    targetInstitutions: offer.targetInstitutions,
    eligibleRegions: offer.eligibleRegions,
    eligibleStates: offer.eligibleStates,
    deliveryModes: offer.deliveryModes,
    languages: offer.languages,
    engagements: offer.capacity?.engagements ?? '',
    budgetAmount: moneyToMajor(budget, lookup),
    budgetCurrency: budget?.currency ?? 'USD',
    availableFrom: offer.availableFrom ?? '',
    availableUntil: offer.availableUntil ?? '',
  };
}

function inputOf(values: FormValues, lookup: TaxonomyLookup | undefined): OfferInput {
  const number = (value: number | string) => (typeof value === 'number' ? value : Number.parseFloat(value));
  const engagements = number(values.engagements);
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    programme: values.programme.trim() || null,
    provisions: values.provisions,
    domains: values.domains,
    assistanceTypes: values.assistanceTypes,
    targetInstitutions: values.targetInstitutions,
    eligibleRegions: values.eligibleRegions,
    eligibleStates: values.eligibleStates,
    deliveryModes: values.deliveryModes,
    languages: values.languages,
    capacity: {
      // As typed: a fraction is refused with a message, not rounded.
      engagements: Number.isFinite(engagements) ? engagements : null,
      budget: moneyFromMajor(values.budgetAmount, values.budgetCurrency, lookup),
    },
    availableFrom: values.availableFrom || null,
    availableUntil: values.availableUntil || null,
  };
}

function fieldOf(apiField: string): FormField | null {
  if (apiField.startsWith('capacity.engagements')) return 'engagements';
  if (apiField.startsWith('capacity.budget')) return apiField.endsWith('currency') ? 'budgetCurrency' : 'budgetAmount';
  const root = apiField.split('.')[0];
  return root in EMPTY ? (root as FormField) : null;
}

interface OfferFormProps extends RecordFormProps<OfferInput> {
  /** The offer being edited; none for a new draft. */
  offer?: AssistanceOffer;
}

/** The offer form, new and edit alike: what is offered, to whom, how, how much and when. */
export function OfferForm({ offer, submitLabel, pending, error, onSubmit, onCancel }: OfferFormProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    record: offer,
    empty: EMPTY,
    valuesOf,
    inputOf,
    fieldOf,
    // An edit is checked as the whole offer it makes (an availability that already ended is refused only on creation).
    schema: offer ? offerContentSchema : createOfferSchema,
    refine: (values, lookup): FieldErrors<FormField> => {
      const decimals = minorUnitsOf(lookup, values.budgetCurrency);
      return hasTooManyDecimals(values.budgetAmount, decimals)
        ? { budgetAmount: t('form.tooManyDecimals', { count: decimals }) }
        : {};
    },
    error,
    onSubmit,
  });
  const { values, set, errorOf, lookup } = form;

  return (
    <RecordForm form={form} submitLabel={submitLabel} pending={pending} error={error} onCancel={onCancel}>
      <FormSection title={t('offerForm.sections.what')} description={t('offerForm.sections.whatHelp')}>
        <TitleDescriptionFields
          values={values}
          set={set}
          errorOf={errorOf}
          help={{ description: t('offerForm.help.description') }}
          limits={OFFER_TEXT_LIMITS}
        />
        <TextInput
          label={t('fields.programme')}
          description={t('offerForm.help.programme')}
          value={values.programme}
          onChange={(event) => set('programme', event.currentTarget.value)}
          error={errorOf('programme')}
          inputContainer={withCharacterCount(values.programme, OFFER_TEXT_LIMITS.programme.max)}
        />
      </FormSection>

      <FormSection
        title={t('offerForm.sections.classification')}
        description={t('offerForm.sections.classificationHelp')}
      >
        <TaxonomyFields values={values} set={set} errorOf={errorOf} help={{ domains: t('offerForm.help.domains') }} />
      </FormSection>

      <FormSection title={t('offerForm.sections.who')} description={t('offerForm.sections.whoHelp')}>
        <TaxonomyMultiSelect
          category="regions"
          label={t('fields.eligibleRegions')}
          description={t('offerForm.help.eligibleRegions')}
          value={values.eligibleRegions}
          onChange={(value) => set('eligibleRegions', value)}
          error={errorOf('eligibleRegions')}
        />
        <MultiSelect
          label={t('fields.eligibleStates')}
          description={t('offerForm.help.eligibleStates')}
          data={lookup?.options.states ?? []}
          value={values.eligibleStates}
          onChange={(value) => set('eligibleStates', value)}
          error={errorOf('eligibleStates')}
          searchable
          clearable
          nothingFoundMessage={t('taxonomy.nothingFound')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TaxonomyMultiSelect
            category="deliveryModes"
            label={t('fields.deliveryModes')}
            value={values.deliveryModes}
            onChange={(value) => set('deliveryModes', value)}
            error={errorOf('deliveryModes')}
          />
          <MultiSelect
            label={t('fields.languages')}
            data={lookup?.options.languages ?? []}
            value={values.languages}
            onChange={(value) => set('languages', value)}
            error={errorOf('languages')}
            searchable
            clearable
            maxValues={20}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection title={t('offerForm.sections.capacity')} description={t('offerForm.sections.capacityHelp')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('fields.engagements')}
            description={t('offerForm.help.engagements')}
            value={values.engagements}
            onChange={(value) => set('engagements', value)}
            error={errorOf('engagements')}
          />
          <MoneyFields
            amountLabel={t('fields.budget')}
            amountDescription={t('offerForm.help.budget')}
            amount={values.budgetAmount}
            onAmountChange={(value) => set('budgetAmount', value)}
            amountError={errorOf('budgetAmount')}
            currencyDescription={t('offerForm.help.currency')}
            currency={values.budgetCurrency}
            onCurrencyChange={(value) => set('budgetCurrency', value)}
            currencyError={errorOf('budgetCurrency')}
          />
        </SimpleGrid>
        <DateRangeFields
          start={{
            label: t('fields.availableFrom'),
            value: values.availableFrom,
            onChange: (value) => set('availableFrom', value),
            error: errorOf('availableFrom'),
            ...PLANNING_DATES,
          }}
          end={{
            label: t('fields.availableUntil'),
            description: t('offerForm.help.availableUntil'),
            value: values.availableUntil,
            onChange: (value) => set('availableUntil', value),
            error: errorOf('availableUntil'),
            ...PLANNING_DATES,
          }}
        />
      </FormSection>
    </RecordForm>
  );
}
