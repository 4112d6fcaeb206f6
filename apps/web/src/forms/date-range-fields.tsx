import { SimpleGrid, TextInput } from '@mantine/core';

interface DateFieldProps {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** Two date inputs side by side: a start and an end. */
export function DateRangeFields({ start, end }: { start: DateFieldProps; end: DateFieldProps }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <DateField {...start} />
      <DateField {...end} />
    </SimpleGrid>
  );
}

function DateField({ label, description, value, onChange, error }: DateFieldProps) {
  return (
    <TextInput
      type="date"
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
