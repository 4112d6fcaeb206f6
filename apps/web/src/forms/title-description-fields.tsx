import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
}

/** The required title and description every request and offer starts with. */
export function TitleDescriptionFields({ values, set, errorOf, help = {} }: TitleDescriptionFieldsProps) {
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
        maxLength={200}
      />
      <Textarea
        label={t('fields.description')}
        description={help.description}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errorOf('description')}
        required
        autosize
        minRows={5}
        maxRows={16}
      />
    </>
  );
}
