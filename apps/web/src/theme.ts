import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  // Page titles shrink on narrow screens instead of taking half the first screen.
  headings: { fontWeight: '650', sizes: { h1: { fontSize: 'clamp(1.5rem, 1rem + 2.5vw, 2.125rem)' } } },
  components: {
    // Choosing the option already chosen keeps it (Mantine would clear it); clearing is the × button's job.
    // A plain object, not `Select.extend`: importing Select here would put it in every page's first load.
    Select: { defaultProps: { allowDeselect: false } },
  },
});
