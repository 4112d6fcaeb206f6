import { createTheme, Select } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Choosing the option already chosen keeps it (Mantine would clear it); clearing is the × button's job.
    Select: Select.extend({ defaultProps: { allowDeselect: false } }),
  },
});
