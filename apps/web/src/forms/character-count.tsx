import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';

/**
 * "123 / 200" under a text input, red past the limit: the limit shows while typing, and text over it is kept as
 * written (the form then refuses to send it and says why) rather than cut.
 */
export function CharacterCount({ value, max }: { value: string; max: number }) {
  const { t } = useTranslation();
  // Counted as the API counts: the text without the spaces around it.
  const length = value.trim().length;
  return (
    <Text
      size="xs"
      ta="right"
      mt={4}
      c={length > max ? 'red' : 'dimmed'}
      fw={length > max ? 600 : undefined}
    >
      {t('form.characterCount', { length, max })}
    </Text>
  );
}

/** For a Mantine input's `inputContainer`: the input, then its character count. */
export const withCharacterCount = (value: string, max: number) =>
  function CountedInput(input: ReactNode) {
    return (
      <>
        {input}
        <CharacterCount value={value} max={max} />
      </>
    );
  };
