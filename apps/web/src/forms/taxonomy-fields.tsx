import { SimpleGrid } from '@mantine/core';
import { TaxonomyMultiSelect } from '../taxonomy/taxonomy-pickers';
import { useTranslation } from '../i18n';

export interface TaxonomyValues {
  provisions: string[];
  domains: string[];
  assistanceTypes: string[];
  targetInstitutions: string[];
}
type TaxonomyField = keyof TaxonomyValues;

interface TaxonomyFieldsProps {
  values: TaxonomyValues;
  set: <K extends TaxonomyField>(field: K, value: TaxonomyValues[K]) => void;
  errorOf: (field: TaxonomyField) => string | undefined;
  /** Help text under each picker, where the entity has one. */
  help?: Partial<Record<TaxonomyField, string>>;
  /** Whether domains must be picked (provisions and assistance types always must). */
  domainsRequired?: boolean;
}

/** The classification pickers requests and offers share: provisions, domains, assistance types, institutions. */
export function TaxonomyFields({ values, set, errorOf, help = {}, domainsRequired }: TaxonomyFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TaxonomyMultiSelect
        category="provisions"
        label={t('fields.provisions')}
        description={help.provisions}
        value={values.provisions}
        onChange={(value) => set('provisions', value)}
        error={errorOf('provisions')}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TaxonomyMultiSelect
          category="domains"
          label={t('fields.domains')}
          description={help.domains}
          value={values.domains}
          onChange={(value) => set('domains', value)}
          error={errorOf('domains')}
          required={domainsRequired}
        />
        <TaxonomyMultiSelect
          category="assistanceTypes"
          label={t('fields.assistanceTypes')}
          description={help.assistanceTypes}
          value={values.assistanceTypes}
          onChange={(value) => set('assistanceTypes', value)}
          error={errorOf('assistanceTypes')}
          required
        />
      </SimpleGrid>
      <TaxonomyMultiSelect
        category="targetInstitutions"
        label={t('fields.targetInstitutions')}
        description={help.targetInstitutions}
        value={values.targetInstitutions}
        onChange={(value) => set('targetInstitutions', value)}
        error={errorOf('targetInstitutions')}
      />
    </>
  );
}
