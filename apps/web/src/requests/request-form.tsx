import {
  Alert,
  Anchor,
  Checkbox,
  Group,
  List,
  MultiSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createRequestSchema, letterDateRange, PLANNING_DATES, REQUEST_TEXT_LIMITS, RESOLUTION_ADOPTED } from '@app/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '../router';
import { providersQuery } from '../api/organizations';
import { useSignedInUser } from '../auth/current-user';
import {
  checkDuplicates,
  REQUEST_PRIORITIES,
  REQUEST_VISIBILITIES,
  type AssistanceRequest,
  type RequestInput,
  type RequestPriority,
  type RequestVisibility,
} from '../api/requests';
import type { FieldErrors } from '../components/form-errors';
import { useStatusLabels } from '../components/status-badge';
import { withCharacterCount } from '../forms/character-count';
import { DateRangeFields } from '../forms/date-range-fields';
import { hasTooManyDecimals, minorUnitsOf, moneyFromMajor, moneyToMajor } from '../forms/money';
import { MoneyFields } from '../forms/money-fields';
import { TaxonomyFields } from '../forms/taxonomy-fields';
import { TitleDescriptionFields } from '../forms/title-description-fields';
import { FormSection } from '../records/form-section';
import { RecordForm, useRecordForm, type RecordFormProps } from '../records/record-form';
import { requestPath } from '../paths';
import type { TaxonomyLookup } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

interface FormValues {
  title: string;
  description: string;
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
  priority: RequestPriority;
  visibility: RequestVisibility;
  /** In major units (dollars), as typed. */
  costAmount: number | string;
  costCurrency: string | null;
  desiredStart: string;
  desiredEnd: string;
  languages: string[];
  preferredProviderIds: string[];
  assistanceReceived: string;
  napReference: string;
  letterDate: string;
  objectionWindowWaived: boolean;
}

type FormField = keyof FormValues;

const EMPTY: FormValues = {
  title: '',
  description: '',
  provisions: [],
  domains: [],
  assistanceTypes: [],
  targetInstitutions: [],
  priority: 'medium',
  visibility: 'providers',
  costAmount: '',
  costCurrency: 'USD',
  desiredStart: '',
  desiredEnd: '',
  languages: [],
  preferredProviderIds: [],
  assistanceReceived: '',
  napReference: '',
  letterDate: '',
  objectionWindowWaived: false,
};

function valuesOf(request: AssistanceRequest, lookup: TaxonomyLookup | undefined): FormValues {
  const cost = request.estimatedCost;
  return {
    title: request.title,
    description: request.description,
    provisions: request.provisions,
    domains: request.domains,
    assistanceTypes: request.assistanceTypes,
    targetInstitutions: request.targetInstitutions,
    priority: request.priority,
    visibility: request.visibility,
    costAmount: moneyToMajor(cost, lookup),
    costCurrency: cost?.currency ?? 'USD',
    desiredStart: request.desiredStart ?? '',
    desiredEnd: request.desiredEnd ?? '',
    languages: request.languages,
    preferredProviderIds: request.preferredProviderIds,
    assistanceReceived: request.assistanceReceived ?? '',
    napReference: request.napReference ?? '',
    letterDate: request.letterDate ?? '',
    objectionWindowWaived: request.objectionWindowWaived,
  };
}

function inputOf(values: FormValues, lookup: TaxonomyLookup | undefined): RequestInput {
  const optional = (text: string) => text.trim() || null;
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    provisions: values.provisions,
    domains: values.domains,
    assistanceTypes: values.assistanceTypes,
    targetInstitutions: values.targetInstitutions,
    priority: values.priority,
    visibility: values.visibility,
    estimatedCost: moneyFromMajor(values.costAmount, values.costCurrency, lookup),
    desiredStart: optional(values.desiredStart),
    desiredEnd: optional(values.desiredEnd),
    languages: values.languages,
    preferredProviderIds: values.preferredProviderIds,
    assistanceReceived: optional(values.assistanceReceived),
    napReference: optional(values.napReference),
    letterDate: optional(values.letterDate),
    objectionWindowWaived: values.objectionWindowWaived,
  };
}

/** Which form field an API error path belongs to. */
function fieldOf(apiField: string): FormField | null {
  const root = apiField.split('.')[0];
  if (root === 'estimatedCost') return apiField.endsWith('currency') ? 'costCurrency' : 'costAmount';
  return root in EMPTY ? (root as FormField) : null;
}

interface RequestFormProps extends RecordFormProps<RequestInput> {
  /** The request being edited; none for a new draft. */
  request?: AssistanceRequest;
}

/** The request form, new and edit alike. The API validates; the form catches what it can before sending. */
export function RequestForm({ request, submitLabel, pending, error, onSubmit, onCancel }: RequestFormProps) {
  const { t } = useTranslation();
  const providers = useQuery(providersQuery);
  const form = useRecordForm({
    record: request,
    empty: EMPTY,
    valuesOf,
    inputOf,
    fieldOf,
    schema: createRequestSchema,
    refine: (values, lookup): FieldErrors<FormField> => {
      const found: FieldErrors<FormField> = {};
      // An amount without its currency is no money the API could be sent: say so instead of dropping the amount.
      if (values.costAmount !== '' && !values.costCurrency) found.costCurrency = t('requestForm.errors.currency');
      const decimals = minorUnitsOf(lookup, values.costCurrency);
      if (hasTooManyDecimals(values.costAmount, decimals)) found.costAmount = t('form.tooManyDecimals', { count: decimals });
      return found;
    },
    error,
    onSubmit,
  });
  const { values, set, errorOf, lookup } = form;
  const letterDates = letterDateRange();

  const providerData = (providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.name }));

  return (
    <RecordForm form={form} submitLabel={submitLabel} pending={pending} error={error} onCancel={onCancel}>
      {/* At the top of the form, where it is seen while the title is typed (under the description it was not). */}
      <DuplicateWarning title={values.title} description={values.description} excludeId={request?.id} />
      <FormSection title={t('requestForm.sections.need')} description={t('requestForm.sections.needHelp')}>
        <TitleDescriptionFields
          values={values}
          set={set}
          errorOf={errorOf}
          help={{ title: t('requestForm.help.title'), description: t('requestForm.help.description') }}
          limits={REQUEST_TEXT_LIMITS}
        />
        <Textarea
          label={t('fields.assistanceReceived')}
          description={t('requestForm.help.assistanceReceived')}
          value={values.assistanceReceived}
          onChange={(event) => set('assistanceReceived', event.currentTarget.value)}
          error={errorOf('assistanceReceived')}
          inputContainer={withCharacterCount(values.assistanceReceived, REQUEST_TEXT_LIMITS.assistanceReceived.max)}
          autosize
          minRows={2}
          maxRows={8}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.napReference')}
            description={t('requestForm.help.napReference')}
            value={values.napReference}
            onChange={(event) => set('napReference', event.currentTarget.value)}
            error={errorOf('napReference')}
            inputContainer={withCharacterCount(values.napReference, REQUEST_TEXT_LIMITS.napReference.max)}
          />
          <TextInput
            type="date"
            label={t('fields.letterDate')}
            description={t('requestForm.help.letterDate', { min: RESOLUTION_ADOPTED })}
            value={values.letterDate}
            onChange={(event) => set('letterDate', event.currentTarget.value)}
            error={errorOf('letterDate')}
            min={letterDates.min}
            max={letterDates.max}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection
        title={t('requestForm.sections.classification')}
        description={t('requestForm.sections.classificationHelp')}
      >
        <TaxonomyFields
          values={values}
          set={set}
          errorOf={errorOf}
          help={{
            provisions: t('requestForm.help.provisions'),
            targetInstitutions: t('requestForm.help.targetInstitutions'),
          }}
          domainsRequired
        />
      </FormSection>

      <FormSection title={t('requestForm.sections.scope')} description={t('requestForm.sections.scopeHelp')}>
        <Radio.Group
          label={t('fields.priority')}
          description={t('requestForm.help.priority')}
          value={values.priority}
          onChange={(value) => set('priority', value)}
          error={errorOf('priority')}
        >
          <Group mt="xs" gap="xl">
            {REQUEST_PRIORITIES.map((priority) => (
              <Radio key={priority} value={priority} label={t(`priority.${priority}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Group align="flex-start" grow wrap="wrap">
          <MoneyFields
            amountLabel={t('fields.estimatedCost')}
            amountDescription={t('requestForm.help.estimatedCost')}
            amount={values.costAmount}
            onAmountChange={(value) => set('costAmount', value)}
            amountError={errorOf('costAmount')}
            currencyDescription={t('requestForm.help.currency')}
            currency={values.costCurrency}
            onCurrencyChange={(value) => set('costCurrency', value)}
            currencyError={errorOf('costCurrency')}
            miw={220}
          />
        </Group>
        <DateRangeFields
          start={{
            label: t('fields.desiredStart'),
            value: values.desiredStart,
            onChange: (value) => set('desiredStart', value),
            error: errorOf('desiredStart'),
            ...PLANNING_DATES,
          }}
          end={{
            label: t('fields.desiredEnd'),
            value: values.desiredEnd,
            onChange: (value) => set('desiredEnd', value),
            error: errorOf('desiredEnd'),
            ...PLANNING_DATES,
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('fields.languages')}
            description={t('requestForm.help.languages')}
            data={lookup?.options.languages ?? []}
            value={values.languages}
            onChange={(value) => set('languages', value)}
            error={errorOf('languages')}
            searchable
            clearable
            maxValues={10}
          />
          <MultiSelect
            label={t('fields.preferredProviders')}
            description={t('requestForm.help.preferredProviders')}
            data={providerData}
            value={values.preferredProviderIds}
            onChange={(value) => set('preferredProviderIds', value)}
            error={errorOf('preferredProviderIds')}
            searchable
            clearable
            disabled={providers.isPending}
            nothingFoundMessage={t('taxonomy.nothingFound')}
          />
        </SimpleGrid>
      </FormSection>

      <FormSection title={t('requestForm.sections.sharing')} description={t('requestForm.sections.sharingHelp')}>
        <Radio.Group
          label={t('fields.visibility')}
          value={values.visibility}
          onChange={(value) => set('visibility', value)}
          error={errorOf('visibility')}
        >
          <Stack mt="xs" gap="sm">
            {REQUEST_VISIBILITIES.map((visibility) => (
              <Radio
                key={visibility}
                value={visibility}
                label={t(`visibility.${visibility}.label`)}
                description={t(`visibility.${visibility}.help`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t('fields.objectionWindowWaived')}
          description={t('requestForm.help.objectionWindowWaived')}
          checked={values.objectionWindowWaived}
          onChange={(event) => set('objectionWindowWaived', event.currentTarget.checked)}
          error={errorOf('objectionWindowWaived')}
        />
      </FormSection>
    </RecordForm>
  );
}

/** DESIGN §6.8: while drafting, say so when an open request of the same State reads much the same. */
function DuplicateWarning({
  title,
  description,
  excludeId,
}: {
  title: string;
  description: string;
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const labels = useStatusLabels();
  const percent = (value: number) => Math.round(value * 100);
  // Debounce one string, not an object: a fresh object each render would restart the timer for ever.
  const [debouncedText] = useDebouncedValue(`${title.trim()}\u0000${description.trim()}`, 600);
  const [debouncedTitle, debouncedDescription = ''] = debouncedText.split('\u0000');
  const debounced = { title: debouncedTitle, description: debouncedDescription };
  // Only a title the API takes is compared (a longer one is refused next to the field, not sent).
  const enabled = debounced.title.length >= 5 && debounced.title.length <= REQUEST_TEXT_LIMITS.title.max;
  const duplicates = useQuery({
    queryKey: ['requests', 'duplicate-check', debounced, excludeId ?? null],
    queryFn: ({ signal }) =>
      checkDuplicates(
        {
          title: debounced.title,
          ...(debounced.description ? { description: debounced.description.slice(0, 10_000) } : {}),
          ...(excludeId ? { excludeId } : {}),
        },
        signal,
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  if (!enabled || !duplicates.data?.length) return null;
  return (
    <Alert color="yellow" title={t('requestForm.duplicates.title')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('requestForm.duplicates.intro')}</Text>
        <List size="sm" spacing={4}>
          {duplicates.data.map((duplicate) => (
            <List.Item key={duplicate.id}>
              <Anchor component={Link} to={requestPath(user.role, duplicate.id)} target="_blank" fw={500}>
                {duplicate.reference} — {duplicate.title}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {duplicate.descriptionSimilarity === null
                  ? t('requestForm.duplicates.detailTitle', {
                      status: labels.request(duplicate.status),
                      title: percent(duplicate.titleSimilarity),
                    })
                  : t('requestForm.duplicates.detail', {
                      status: labels.request(duplicate.status),
                      similarity: percent(duplicate.similarity),
                      title: percent(duplicate.titleSimilarity),
                      description: percent(duplicate.descriptionSimilarity),
                    })}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {t('requestForm.duplicates.measure')}
        </Text>
      </Stack>
    </Alert>
  );
}
