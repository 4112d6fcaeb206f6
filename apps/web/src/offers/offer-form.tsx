import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssistanceOffer, OfferInput } from '../api/offers';
import { focusFirstInvalid, FormErrorAlert, splitFieldErrors, type FieldErrors } from '../components/form-errors';
import { fromMinorUnits, toMinorUnits } from '../format';
import { FormSection } from '../components/form-section';
import { TaxonomyMultiSelect } from '../taxonomy/taxonomy-pickers';
import { useTaxonomy, type TaxonomyLookup } from '../taxonomy/use-taxonomy';

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
  const minorUnits = budget ? (lookup?.currency(budget.currency)?.minorUnits ?? 2) : 2;
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
    budgetAmount: budget ? fromMinorUnits(budget.amount, minorUnits) : '',
    budgetCurrency: budget?.currency ?? 'USD',
    availableFrom: offer.availableFrom ?? '',
    availableUntil: offer.availableUntil ?? '',
  };
}

function inputOf(values: FormValues, lookup: TaxonomyLookup | undefined): OfferInput {
  const number = (value: number | string) => (typeof value === 'number' ? value : Number.parseFloat(value));
  const engagements = number(values.engagements);
  const budget = number(values.budgetAmount);
  const minorUnits = values.budgetCurrency ? (lookup?.currency(values.budgetCurrency)?.minorUnits ?? 2) : 2;
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
      engagements: Number.isFinite(engagements) ? Math.round(engagements) : null,
      budget:
        Number.isFinite(budget) && values.budgetCurrency
          ? { amount: toMinorUnits(budget, minorUnits), currency: values.budgetCurrency }
          : null,
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

interface OfferFormProps {
  offer?: AssistanceOffer;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: OfferInput) => void;
  onCancel: () => void;
}

/** The offer form, new and edit alike: what is offered, to whom, how, how much and when. */
export function OfferForm({ offer, submitLabel, pending, error, onSubmit, onCancel }: OfferFormProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const [values, setValues] = useState<FormValues>(() => (offer ? valuesOf(offer, lookup) : EMPTY));
  const [clientErrors, setClientErrors] = useState<FieldErrors<FormField>>({});

  const set = <K extends FormField>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...current, [field]: undefined }));
  };
  const formRef = useRef<HTMLFormElement>(null);
  const server = splitFieldErrors(error, fieldOf);
  useEffect(() => {
    if (error) focusFirstInvalid(formRef.current);
  }, [error]);
  const errorOf = (field: FormField) => clientErrors[field] ?? server.fields[field];

  const validate = (): FieldErrors<FormField> => {
    const found: FieldErrors<FormField> = {};
    if (values.title.trim().length < 5) found.title = t('offerForm.errors.title');
    if (values.description.trim().length < 20) found.description = t('offerForm.errors.description');
    if (values.provisions.length === 0) found.provisions = t('offerForm.errors.pickOne');
    if (values.assistanceTypes.length === 0) found.assistanceTypes = t('offerForm.errors.pickOne');
    if (values.eligibleRegions.length + values.eligibleStates.length === 0)
      found.eligibleRegions = t('offerForm.errors.eligibility');
    if (values.availableFrom && values.availableUntil && values.availableUntil < values.availableFrom) {
      found.availableUntil = t('offerForm.errors.untilBeforeFrom');
    }
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setClientErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid(formRef.current);
      return;
    }
    onSubmit(inputOf(values, lookup));
  };

  const minorUnits = values.budgetCurrency ? (lookup?.currency(values.budgetCurrency)?.minorUnits ?? 2) : 2;
  const hasClientErrors = Object.values(clientErrors).some(Boolean);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <FormSection title={t('offerForm.sections.what')} description={t('offerForm.sections.whatHelp')}>
          <TextInput
            label={t('fields.title')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errorOf('title')}
            required
            maxLength={200}
          />
          <Textarea
            label={t('fields.description')}
            description={t('offerForm.help.description')}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errorOf('description')}
            required
            autosize
            minRows={5}
            maxRows={16}
          />
          <TextInput
            label={t('fields.programme')}
            description={t('offerForm.help.programme')}
            value={values.programme}
            onChange={(event) => set('programme', event.currentTarget.value)}
            error={errorOf('programme')}
            maxLength={200}
          />
        </FormSection>

        <FormSection
          title={t('offerForm.sections.classification')}
          description={t('offerForm.sections.classificationHelp')}
        >
          <TaxonomyMultiSelect
            category="provisions"
            label={t('fields.provisions')}
            value={values.provisions}
            onChange={(value) => set('provisions', value)}
            error={errorOf('provisions')}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TaxonomyMultiSelect
              category="domains"
              label={t('fields.domains')}
              description={t('offerForm.help.domains')}
              value={values.domains}
              onChange={(value) => set('domains', value)}
              error={errorOf('domains')}
            />
            <TaxonomyMultiSelect
              category="assistanceTypes"
              label={t('fields.assistanceTypes')}
              value={values.assistanceTypes}
              onChange={(value) => set('assistanceTypes', value)}
              error={errorOf('assistanceTypes')}
              required
            />
          </SimpleGrid>
          <TaxonomyMultiSelect
            category="targetInstitutions"
            label={t('fields.targetInstitutions')}
            value={values.targetInstitutions}
            onChange={(value) => set('targetInstitutions', value)}
            error={errorOf('targetInstitutions')}
          />
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
              min={1}
              max={10_000}
              allowDecimal={false}
              allowNegative={false}
            />
            <NumberInput
              label={t('fields.budget')}
              description={t('offerForm.help.budget')}
              value={values.budgetAmount}
              onChange={(value) => set('budgetAmount', value)}
              error={errorOf('budgetAmount')}
              min={0}
              decimalScale={minorUnits}
              thousandSeparator=","
              allowNegative={false}
            />
            <Select
              label={t('fields.currency')}
              description={t('offerForm.help.currency')}
              data={lookup?.options.currencies ?? []}
              value={values.budgetCurrency}
              onChange={(value) => set('budgetCurrency', value)}
              error={errorOf('budgetCurrency')}
              searchable
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('fields.availableFrom')}
              value={values.availableFrom}
              onChange={(event) => set('availableFrom', event.currentTarget.value)}
              error={errorOf('availableFrom')}
            />
            <TextInput
              type="date"
              label={t('fields.availableUntil')}
              description={t('offerForm.help.availableUntil')}
              value={values.availableUntil}
              onChange={(event) => set('availableUntil', event.currentTarget.value)}
              error={errorOf('availableUntil')}
            />
          </SimpleGrid>
        </FormSection>

        {hasClientErrors && (
          <Alert color="red" title={t('form.fixFields')} role="alert">
            {t('form.fixFieldsHint')}
          </Alert>
        )}
        <FormErrorAlert error={error} rest={server.rest} />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
