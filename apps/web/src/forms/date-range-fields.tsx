import { SimpleGrid, TextInput } from '@mantine/core';

interface DateFieldProps {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The earliest and latest date the API takes (libs/contracts): the browser's date picker offers no other. */
  min?: string;
  max?: string;
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

function DateField({ label, description, value, onChange, error, min, max }: DateFieldProps) {
  return (
    <TextInput
      type="date"
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      min={min}
      max={max}
    />
  );
}
