import { Textarea, TextInput } from '@mantine/core';
import { withCharacterCount } from './character-count';
import { useTranslation } from '../i18n';

interface TitleDescriptionValues {
  title: string;
  description: string;
}
type TitleDescriptionField = keyof TitleDescriptionValues;

interface TitleDescriptionFieldsProps {
  values: TitleDescriptionValues;
  set: <K extends TitleDescriptionField>(field: K, value: TitleDescriptionValues[K]) => void;
  errorOf: (field: TitleDescriptionField) => string | undefined;
  /** Help text under each input, where the entity has one. */
  help?: Partial<Record<TitleDescriptionField, string>>;
  /** The most characters each may have (the entity's schema in libs/contracts): a counter shows them. */
  limits: Record<TitleDescriptionField, { max: number }>;
}

/** The required title and description every request and offer starts with. */
export function TitleDescriptionFields({ values, set, errorOf, help = {}, limits }: TitleDescriptionFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('fields.title')}
        description={help.title}
        value={values.title}
        onChange={(event) => set('title', event.currentTarget.value)}
        error={errorOf('title')}
        required
        inputContainer={withCharacterCount(values.title, limits.title.max)}
      />
      <Textarea
        label={t('fields.description')}
        description={help.description}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errorOf('description')}
        required
        inputContainer={withCharacterCount(values.description, limits.description.max)}
        autosize
        minRows={5}
        maxRows={16}
      />
    </>
  );
}
